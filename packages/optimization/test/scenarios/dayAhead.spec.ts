import { checkPlanInvariants, solveDispatch } from '../../src';
import { battery, problemOf } from '../support/problems';
import { sharedSolver } from '../support/sharedSolver';

const solver = sharedSolver();

describe('da_only scenarios with answers worked out by hand (dt = 0.25 h)', () => {
  // Prices [40, 10, 90, 60] EUR/MWh, 1 MW, SoC band [0, 0.225] MWh from 0 back to 0, k = 0.
  // eta = 1: the band holds 0.225 MWh, so buy 0.9 MW at t1 (10) and sell 0.9 MW at t2 (90):
  //   0.225 MWh x (90 - 10) = 18 EUR. Buying at t0 (40) cannot be sold higher before t2 refills.
  // eta = 0.9/0.9: 1 MW at t1 stores 0.25 x 0.9 = 0.225 MWh (full) for 2.5 EUR; at t2 it
  //   delivers 0.225 x 0.9 = 0.2025 MWh = 0.81 MW for 18.225 EUR: 15.725 EUR.
  it.each([
    { eta: 1, expectedEur: 18, buyMw: 0.9, sellMw: 0.9 },
    { eta: 0.9, expectedEur: 15.725, buyMw: 1, sellMw: 0.81 },
  ])('buys at the cheapest interval, sells at the peak (eta $eta: $expectedEur EUR)', ({ eta, expectedEur, buyMw, sellMw }) => {
    const asset = battery({ intervals: 4, socMaxMwh: 0.225, initialSocMwh: 0, terminalSocMwh: 0, chargeEfficiency: eta, dischargeEfficiency: eta });
    const problem = problemOf([40, 10, 90, 60], [asset]);
    const result = solveDispatch(solver(), problem);
    expect(result.status).toBe('optimal');
    expect(result.solvedAs).toBe('lp');
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    const [plan] = result.assets;
    expect(Array.from(plan.chargeMw)).toEqual([0, expect.closeTo(buyMw, 9), 0, 0]);
    expect(Array.from(plan.dischargeMw)).toEqual([0, 0, expect.closeTo(sellMw, 9), 0]);
    expect(checkPlanInvariants(problem, result)).toEqual([]);
  });

  // A spread of 50 -> 52 EUR/MWh. Per MWh bought at 50, the most that comes back is
  // eta^2 MWh sold at 52 less k on both legs: 0.9025 x 52 - 50 - 4 x 1.9025 < 0;
  // 0.81 x 52 - 50 < 0; with eta 1, 52 - 50 - 2 x 4 < 0. Idle is optimal: 0 EUR.
  it.each([
    { label: 'losses (eta 0.9)', eta: 0.9, k: 0 },
    { label: 'degradation (k 4)', eta: 1, k: 4 },
    { label: 'both (eta 0.95, k 4)', eta: 0.95, k: 4 },
  ])('a small spread is not worth trading: $label', ({ eta, k }) => {
    const asset = battery({ intervals: 4, chargeEfficiency: eta, dischargeEfficiency: eta, degradationEurPerMwh: k });
    const problem = problemOf([50, 52, 50, 52], [asset]);
    const result = solveDispatch(solver(), problem);
    expect(result.objectiveEur).toBeCloseTo(0, 9);
    expect(result.assets[0].chargeMw.every((c) => c === 0)).toBe(true);
    expect(result.assets[0].dischargeMw.every((d) => d === 0)).toBe(true);
  });

  // Two 1 MW batteries, each [0, 0.5] MWh from 0 to 0, eta 1, k 0, prices [10, 10, 100, 100].
  // Without a POI each fills 0.5 MWh at 10 and sells at 100: 2 x 0.5 x 90 = 90 EUR.
  // Behind a 1.5 MW POI the site moves at most 1.5 MW x 0.5 h = 0.75 MWh each way: 67.5 EUR.
  it.each([
    { poiMw: Infinity, expectedEur: 90 },
    { poiMw: 1.5, expectedEur: 67.5 },
  ])('two 1 MW assets behind a $poiMw MW POI earn $expectedEur EUR', ({ poiMw, expectedEur }) => {
    const assets = ['be-bess-1', 'be-bess-2'].map((id) =>
      battery({ id, intervals: 4, socMaxMwh: 0.5, initialSocMwh: 0, terminalSocMwh: 0 }),
    );
    const problem = problemOf([10, 10, 100, 100], assets, { site: { importLimitMw: poiMw, exportLimitMw: poiMw } });
    const result = solveDispatch(solver(), problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    for (let t = 0; t < 4; t++) {
      const exportMw = result.assets[0].dischargeMw[t] + result.assets[1].dischargeMw[t];
      const importMw = result.assets[0].chargeMw[t] + result.assets[1].chargeMw[t];
      expect(exportMw).toBeLessThanOrEqual(poiMw + 1e-9);
      expect(importMw).toBeLessThanOrEqual(poiMw + 1e-9);
    }
    expect(checkPlanInvariants(problem, result)).toEqual([]);
    // Shadow prices: raising every POI row by x MW moves 0.5 x MWh more each way and earns
    // 45 x EUR; lowering them loses 45 x. The value is linear along that direction, so the
    // duals (a supergradient of the concave value function) must sum to exactly 45 EUR/MW.
    const duals = result.duals;
    expect(duals).toBeDefined();
    const dualSum = [...(duals?.poiImportEurPerMw ?? []), ...(duals?.poiExportEurPerMw ?? [])].reduce((a, b) => a + b, 0);
    expect(dualSum).toBeCloseTo(Number.isFinite(poiMw) ? 45 : 0, 6);
  });

  // [0, 1] MWh battery from 0.5, target 0.5, prices [100, -10, -10, -10], eta 1, k 0.
  // equal: sell 0.25 MWh at 100 (25 EUR) and buy it back at -10 (+2.5 EUR): 27.5 EUR, ends at 0.5.
  // at_least: sell 0.25 at 100, then charge 1 MW in all three negative intervals (0.75 MWh,
  // +7.5 EUR) and end full at 1.0 >= 0.5: 32.5 EUR.
  it.each([
    { terminalSoc: 'equal' as const, expectedEur: 27.5, endMwh: 0.5 },
    { terminalSoc: 'at_least' as const, expectedEur: 32.5, endMwh: 1 },
  ])('terminal SoC $terminalSoc: $expectedEur EUR, ends at $endMwh MWh', ({ terminalSoc, expectedEur, endMwh }) => {
    const problem = problemOf([100, -10, -10, -10], [battery({ intervals: 4 })], { terminalSoc });
    const result = solveDispatch(solver(), problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    expect(result.assets[0].socMwh[4]).toBeCloseTo(endMwh, 9);
    expect(checkPlanInvariants(problem, result)).toEqual([]);
  });

  // [0, 1] MWh battery from 0.5 to 0.5, prices [10, 100, 10, 100], eta 1, k 0.
  // Fully available: buy, sell, buy, sell 0.25 MWh each: 2 x 0.25 x 90 = 45 EUR.
  // Unavailable in t1 (alpha = 0): buy 0.25 at t0 or t2 and sell 0.25 at t3: 22.5 EUR.
  it.each([
    { label: 'fully available', alphaT1: 1, expectedEur: 45 },
    { label: 'availability 0 in t1', alphaT1: 0, expectedEur: 22.5 },
  ])('availability: $label', ({ alphaT1, expectedEur }) => {
    const asset = battery({ intervals: 4, powerLimitMw: Float64Array.from([1, alphaT1, 1, 1]) });
    const problem = problemOf([10, 100, 10, 100], [asset]);
    const result = solveDispatch(solver(), problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    if (alphaT1 === 0) {
      expect(result.assets[0].chargeMw[1]).toBe(0);
      expect(result.assets[0].dischargeMw[1]).toBe(0);
    }
    expect(checkPlanInvariants(problem, result)).toEqual([]);
  });

  it('reports an infeasible problem as a status, not an exception', () => {
    // 0.25 MWh per interval at most: 0.1 -> 0.9 MWh in two intervals cannot be reached.
    const problem = problemOf([10, 20], [battery({ intervals: 2, initialSocMwh: 0.1, terminalSocMwh: 0.9 })]);
    const result = solveDispatch(solver(), problem);
    expect(result.status).toBe('infeasible');
    expect(result.assets).toEqual([]);
    expect(Number.isNaN(result.objectiveEur)).toBe(true);
  });
});
