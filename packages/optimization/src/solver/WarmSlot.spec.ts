import type { LinearModel } from './LinearModel';
import { WarmSlot } from './WarmSlot';

const model = (values: number[], indices = [0, 1, 0, 1]): LinearModel => ({
  sense: 'maximize',
  numCols: 2,
  numRows: 2,
  colCost: Float64Array.of(1, 1),
  colLower: Float64Array.of(0, 0),
  colUpper: Float64Array.of(1, 1),
  rowLower: Float64Array.of(-Infinity, -Infinity),
  rowUpper: Float64Array.of(1, 1),
  matrix: { starts: Int32Array.of(0, 2, 4), indices: Int32Array.from(indices), values: Float64Array.from(values) },
});

describe('WarmSlot', () => {
  it('lists the changed coefficients of a model with the same pattern', () => {
    const slot = new WarmSlot();
    slot.store(model([1, 2, 3, 4]));
    expect(slot.matches(model([1, 2, 3, 4]))).toBe(true);
    const changes = slot.changesFor(model([1, 2, 3, 5]));
    expect(changes && { rows: Array.from(changes.rows), cols: Array.from(changes.cols), values: Array.from(changes.values) }).toEqual({ rows: [1], cols: [1], values: [5] });
  });

  it('refuses another pattern, another sense, or too many changed values', () => {
    const slot = new WarmSlot();
    slot.store(model([1, 2, 3, 4]));
    expect(slot.changesFor(model([1, 2, 3, 4], [0, 1, 1, 0]))).toBeNull();
    expect(slot.changesFor({ ...model([1, 2, 3, 4]), sense: 'minimize' })).toBeNull();
    expect(slot.changesFor(model([9, 9, 3, 4]))).toBeNull();
    slot.clear();
    expect(slot.changesFor(model([1, 2, 3, 4]))).toBeNull();
  });

  it('tells which bounds differ from the held ones, so unchanged ones are not sent again', () => {
    const slot = new WarmSlot();
    const held = model([1, 2, 3, 4]);
    slot.store(held);
    expect(slot.boundsChanged({ ...held, colCost: Float64Array.of(5, -5) })).toEqual({ cols: false, rows: false });
    expect(slot.boundsChanged({ ...held, colUpper: Float64Array.of(1, 0.5) })).toEqual({ cols: true, rows: false });
    const rowsMoved = { ...held, rowUpper: Float64Array.of(1, 2) };
    expect(slot.boundsChanged(rowsMoved)).toEqual({ cols: false, rows: true });
    slot.storeBounds(rowsMoved);
    expect(slot.boundsChanged(rowsMoved)).toEqual({ cols: false, rows: false });
    expect(slot.boundsChanged(held)).toEqual({ cols: false, rows: true });
  });
});
