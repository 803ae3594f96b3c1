import { equivalentFullCycles, rainflowCycles, reversals } from './rainflow';

function histogram(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const cycle of rainflowCycles(values)) {
    out[String(cycle.range)] = (out[String(cycle.range)] ?? 0) + cycle.count;
  }
  return out;
}

describe('rainflow counting (ASTM E1049)', () => {
  it('reproduces the textbook example of E1049-85 (Fig. 6)', () => {
    // Loading -2, 1, -3, 5, -1, 3, -4, 4, -2: ranges 3 (0.5), 4 (1.5), 6 (0.5), 8 (1.0), 9 (0.5).
    expect(histogram([-2, 1, -3, 5, -1, 3, -4, 4, -2])).toEqual({ '3': 0.5, '4': 1.5, '6': 0.5, '8': 1, '9': 0.5 });
  });

  it('counts a 0 -> 1 -> 0 swing as one equivalent full cycle', () => {
    expect(equivalentFullCycles([0, 1, 0], 1)).toBe(1);
    expect(equivalentFullCycles([0.3, 1.8, 0.3], 1.5)).toBeCloseTo(1, 12);
  });

  it('ignores flat runs and points between turning points', () => {
    expect(reversals([0, 0, 0.5, 1, 1, 0.5, 0])).toEqual([0, 1, 0]);
    expect(equivalentFullCycles([5, 5, 5], 2)).toBe(0);
  });

  it('counts two swings of half depth as one cycle in total', () => {
    expect(equivalentFullCycles([0, 0.5, 0, 0.5, 0], 1)).toBeCloseTo(1, 12);
  });
});
