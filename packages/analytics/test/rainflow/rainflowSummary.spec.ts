import fc from 'fast-check';
import { rainflowStats } from '../../src/rainflow/rainflowStats';
import { rainflowSummary } from '../../src/rainflow/rainflowSummary';

describe('rainflowStats', () => {
  it('counts the ASTM E1049-85 textbook example (Fig. 6) with its depth histogram', () => {
    // Loading -2, 1, -3, 5, -1, 3, -4, 4, -2 (E1049 5.4.4): half 3, half 4, full 4 (-1, 3),
    // half 8, then the residue 5, -4, 4, -2: half 9, half 8, half 6. Counts per range:
    // 3: 0.5, 4: 1.5, 6: 0.5, 8: 1.0, 9: 0.5. With a usable energy of 10, depth = range / 10.
    const stats = rainflowStats([-2, 1, -3, 5, -1, 3, -4, 4, -2], 10);
    expect(stats.fullCycles).toBe(1);
    expect(stats.halfCycles).toBe(6);
    expect(stats.depthHistogram).toEqual([0, 0, 0, 0.5, 1.5, 0, 0.5, 0, 1, 0.5]);
    // 0.5*0.3 + 1.5*0.4 + 0.5*0.6 + 1*0.8 + 0.5*0.9 = 2.3
    expect(stats.equivalentFullCycles).toBeCloseTo(2.3, 12);
    expect(stats.maxDepth).toBeCloseTo(0.9, 12);
  });

  it('counts a 0 -> 1 -> 0 swing as two half cycles of full depth: one equivalent full cycle', () => {
    const stats = rainflowStats([0, 1, 0], 1);
    expect(stats).toEqual({ fullCycles: 0, halfCycles: 2, equivalentFullCycles: 1, depthHistogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], maxDepth: 1 });
    // The same swing on a band of 1.4 MWh (0.3 .. 1.7): still one cycle.
    expect(rainflowStats([0.3, 1.7, 0.3], 1.4).equivalentFullCycles).toBeCloseTo(1, 12);
  });

  it('closes an inner cycle as a full cycle and keeps the outer swing as half cycles', () => {
    // 0 -> 1 -> 0.5 -> 1 -> 0 (usable 1): the 1 -> 0.5 -> 1 dip is one full cycle of depth
    // 0.5; the residue 0 -> 1 -> 0 gives two half cycles of depth 1. EFC = 0.5 + 1 = 1.5.
    const stats = rainflowStats([0, 1, 0.5, 1, 0], 1);
    expect(stats.fullCycles).toBe(1);
    expect(stats.halfCycles).toBe(2);
    expect(stats.equivalentFullCycles).toBeCloseTo(1.5, 12);
    expect(stats.depthHistogram[5]).toBe(1);
    expect(stats.depthHistogram[9]).toBe(1);
  });

  it('has no cycles on a flat path and refuses a band that is not positive', () => {
    expect(rainflowStats([0.5, 0.5, 0.5], 1).equivalentFullCycles).toBe(0);
    expect(() => rainflowStats([0, 1], 0)).toThrow(RangeError);
    expect(() => rainflowStats([0, Number.NaN], 1)).toThrow(RangeError);
  });

  it('equals the SoC travel over twice the usable energy, on any path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { maxLength: 60 }), fc.double({ min: 0.5, max: 3, noNaN: true }), (path, usable) => {
        let travel = 0;
        for (let i = 1; i < path.length; i += 1) {
          travel += Math.abs(path[i] - path[i - 1]);
        }
        const stats = rainflowStats(path, usable);
        expect(stats.equivalentFullCycles).toBeCloseTo(travel / (2 * usable), 9);
        const counted = stats.depthHistogram.reduce((sum, count) => sum + count, 0);
        expect(counted).toBeCloseTo(stats.fullCycles + stats.halfCycles / 2, 12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('rainflowSummary', () => {
  it('counts each local day on its own path (opening SoC, then interval ends) and the run at once', () => {
    // Two days of two intervals, usable 1 MWh. Day 1: 0 -> 1 -> 0 (1 EFC). Day 2: 0 -> 0.5 -> 0 (0.5 EFC).
    const summary = rainflowSummary([
      { assetId: 'a', usableEnergyMwh: 1, dates: ['d1', 'd1', 'd2', 'd2'], socStartMwh: [0, 1, 0, 0.5], socMwh: [1, 0, 0.5, 0] },
    ]);
    const asset = summary.assets[0];
    expect(asset.days.map((d) => [d.date, d.equivalentFullCycles])).toEqual([
      ['d1', 1],
      ['d2', 0.5],
    ]);
    expect(asset.daily.equivalentFullCycles).toBe(1.5);
    expect(asset.daily.halfCycles).toBe(4);
    // The whole path 0, 1, 0, 0.5, 0: the 0 -> 0.5 -> 0 inner swing closes as one full cycle.
    expect(asset.run.fullCycles).toBe(1);
    expect(asset.run.equivalentFullCycles).toBeCloseTo(1.5, 12);
    expect(asset.socTravelMwh).toBe(3);
    expect(summary.binEdges).toHaveLength(11);
    expect(summary.binEdges[10]).toBe(1);
  });

  it('normalises each asset by its own usable energy and adds the assets', () => {
    const summary = rainflowSummary([
      { assetId: 'a', usableEnergyMwh: 2, dates: ['d', 'd'], socStartMwh: [0, 2], socMwh: [2, 0] },
      { assetId: 'b', usableEnergyMwh: 4, dates: ['d', 'd'], socStartMwh: [0, 2], socMwh: [2, 0] },
    ]);
    expect(summary.assets.map((a) => a.daily.equivalentFullCycles)).toEqual([1, 0.5]);
    expect(summary.dailyEquivalentFullCycles).toBe(1.5);
    expect(summary.runEquivalentFullCycles).toBe(1.5);
  });
});
