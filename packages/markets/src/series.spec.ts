import { countBefore, headOf, indexOfInstant, INTERVAL_H, INTERVAL_MS, valuesAt, type Series } from './series';

const T0 = Date.UTC(2025, 5, 16, 22);

function series(instantsMs: number[], values: number[]): Series {
  return {
    name: 'day_ahead',
    instantsMs: Float64Array.from(instantsMs),
    values: Float64Array.from(values),
    columns: { extra_eur_per_mwh: Float64Array.from(values, (v) => v * 10) },
    provenance: { source: 'test', steps: [] },
  };
}

describe('series helpers', () => {
  const s = series([T0, T0 + INTERVAL_MS, T0 + 2 * INTERVAL_MS, T0 + 4 * INTERVAL_MS], [1, 2, 3, 5]);

  it('has a quarter-hour interval', () => {
    expect(INTERVAL_MS).toBe(900_000);
    expect(INTERVAL_H * 4).toBe(1);
  });

  it('finds instants by binary search', () => {
    expect(indexOfInstant(s, T0)).toBe(0);
    expect(indexOfInstant(s, T0 + 4 * INTERVAL_MS)).toBe(3);
    expect(indexOfInstant(s, T0 + 3 * INTERVAL_MS)).toBe(-1);
    expect(indexOfInstant(s, T0 - INTERVAL_MS)).toBe(-1);
  });

  it('counts intervals strictly before an instant', () => {
    expect(countBefore(s, T0)).toBe(0);
    expect(countBefore(s, T0 + 1)).toBe(1);
    expect(countBefore(s, T0 + 3 * INTERVAL_MS)).toBe(3);
    expect(countBefore(s, T0 + 99 * INTERVAL_MS)).toBe(4);
  });

  it('takes a head that shares memory', () => {
    const head = headOf(s, 2);
    expect(Array.from(head.values)).toEqual([1, 2]);
    expect(Array.from(head.columns.extra_eur_per_mwh)).toEqual([10, 20]);
    expect(head.values.buffer).toBe(s.values.buffer);
  });

  it('reads values at instants, or undefined when one is missing', () => {
    expect(Array.from(valuesAt(s, [T0 + INTERVAL_MS, T0 + 2 * INTERVAL_MS]) ?? [])).toEqual([2, 3]);
    expect(Array.from(valuesAt(s, [T0 + 4 * INTERVAL_MS, T0], 'extra_eur_per_mwh') ?? [])).toEqual([50, 10]);
    expect(valuesAt(s, [T0 + 2 * INTERVAL_MS, T0 + 3 * INTERVAL_MS])).toBeUndefined();
    expect(valuesAt(s, [T0], 'nope')).toBeUndefined();
    expect(valuesAt(s, [])).toHaveLength(0);
  });
});
