import { ModelBuilder } from './ModelBuilder';

describe('ModelBuilder', () => {
  it('builds CSC arrays, bounds and summed costs for a hand-sized model', () => {
    // max 3 x0 + 2 x1 - x2  s.t.  row0: x0 + 2 x1 <= 4,  row1: -x1 + 5 x2 = 1
    const builder = new ModelBuilder();
    const x = builder.addVariables('battery.charge_mw', 0, 3, { lower: 0, upper: Float64Array.of(1, 2, 3) });
    const rows = builder.addConstraints('battery.soc_balance', 0, 2, { lower: Float64Array.of(-Infinity, 1), upper: Float64Array.of(4, 1) });
    builder.addCoefficient(rows.offset, x.offset, 1);
    builder.addCoefficient(rows.offset, x.offset + 1, 2);
    builder.addCoefficient(rows.offset + 1, x.offset + 1, -1);
    builder.addCoefficient(rows.offset + 1, x.offset + 2, 5);
    builder.addCoefficient(rows.offset + 1, x.offset, 0); // zeros are not stored
    builder.addCost(0, 1);
    builder.addCost(0, 2);
    builder.addCost(1, 2);
    builder.addCost(2, -1);
    const model = builder.build('maximize');
    expect(Array.from(model.matrix.starts)).toEqual([0, 1, 3, 4]);
    expect(Array.from(model.matrix.indices)).toEqual([0, 0, 1, 1]);
    expect(Array.from(model.matrix.values)).toEqual([1, 2, -1, 5]);
    expect(Array.from(model.colCost)).toEqual([3, 2, -1]);
    expect(Array.from(model.colUpper)).toEqual([1, 2, 3]);
    expect(Array.from(model.rowLower)).toEqual([-Infinity, 1]);
    expect(model.integrality).toBeUndefined();
    expect(model.names?.()).toEqual({
      cols: ['battery.charge_mw.a0.t0000', 'battery.charge_mw.a0.t0001', 'battery.charge_mw.a0.t0002'],
      rows: ['battery.soc_balance.a0.t0000', 'battery.soc_balance.a0.t0001'],
    });
  });

  it('builds a small model right after a large one, whose storage it reuses', () => {
    const large = new ModelBuilder({ cols: 4, rows: 4, nonzeros: 4 });
    const x = large.addVariables('battery.charge_mw', 0, 500, { lower: 7, upper: 9 });
    const rows = large.addConstraints('battery.soc_balance', 0, 500, { lower: -3, upper: 3 });
    for (let i = 0; i < 500; i++) {
      large.addCoefficient(rows.offset + i, x.offset + i, 11);
      large.addCost(i, 13);
    }
    const big = large.build('maximize');
    const small = new ModelBuilder();
    const y = small.addVariables('battery.charge_mw', 0, 2, { lower: 0, upper: 1 });
    small.addConstraints('battery.soc_balance', 0, 1, { lower: -Infinity, upper: 2 });
    small.addCoefficient(0, y.offset + 1, 1);
    small.addCost(1, 5);
    const model = small.build('maximize');
    expect(Array.from(model.colCost)).toEqual([0, 5]);
    expect(Array.from(model.colLower)).toEqual([0, 0]);
    expect(Array.from(model.rowUpper)).toEqual([2]);
    expect(Array.from(model.matrix.starts)).toEqual([0, 0, 1]);
    expect(Array.from(model.matrix.values)).toEqual([1]);
    // The large model kept its own copies.
    expect(big.colCost.length).toBe(500);
    expect(big.colCost.every((cost) => cost === 13)).toBe(true);
    expect(big.matrix.values.every((value) => value === 11)).toBe(true);
  });

  it('throws when a family is added twice for the same asset, not for another asset', () => {
    const builder = new ModelBuilder();
    builder.addVariables('battery.soc_mwh', 0, 3, { lower: 0, upper: 1 });
    builder.addVariables('battery.soc_mwh', 1, 3, { lower: 0, upper: 1 });
    expect(() => builder.addVariables('battery.soc_mwh', 0, 3, { lower: 0, upper: 1 })).toThrow(/already added for asset 0/);
    builder.addConstraints('site.poi_import_limit', null, 2, { lower: -Infinity, upper: 1 });
    expect(() => builder.addConstraints('site.poi_import_limit', null, 2, { lower: -Infinity, upper: 1 })).toThrow(/the site/);
  });

  it('throws on a repeated matrix entry and on an entry outside the model', () => {
    const twice = new ModelBuilder();
    twice.addVariables('battery.charge_mw', 0, 1, { lower: 0, upper: 1 });
    twice.addConstraints('battery.soc_balance', 0, 1, { lower: 0, upper: 0 });
    twice.addCoefficient(0, 0, 1);
    twice.addCoefficient(0, 0, 2);
    expect(() => twice.build('maximize')).toThrow(/added twice/);
    const outside = new ModelBuilder();
    outside.addVariables('battery.charge_mw', 0, 1, { lower: 0, upper: 1 });
    outside.addCoefficient(0, 0, 1);
    expect(() => outside.build('maximize')).toThrow(/outside/);
  });

  it('marks integer columns and names sparse blocks by their intervals', () => {
    const builder = new ModelBuilder({ cols: 1, rows: 1, nonzeros: 1 });
    builder.addVariables('battery.charge_mw', 0, 4, { lower: 0, upper: 1 });
    builder.addVariables('battery.charge_mode', 0, 2, { lower: 0, upper: 1, integer: true, nameIndices: [1, 3] });
    const model = builder.build('maximize');
    expect(Array.from(model.integrality ?? [])).toEqual([0, 0, 0, 0, 1, 1]);
    expect(model.names?.().cols.slice(4)).toEqual(['battery.charge_mode.a0.t0001', 'battery.charge_mode.a0.t0003']);
    expect(builder.families()).toEqual({ variables: ['battery.charge_mw', 'battery.charge_mode'], constraints: [] });
  });
});
