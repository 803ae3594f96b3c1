import { buildModel, checkPlanInvariants, solveDispatch } from '../../src';
import type { ExtendedDispatchProblem } from '../../src';
import { imbalanceOf } from '../support/extensions';
import { battery, problemOf } from '../support/problems';
import { sharedSolver } from '../support/sharedSolver';

const solver = sharedSolver();

const solveChecked = (problem: ExtendedDispatchProblem) => {
  const result = solveDispatch(solver(), problem);
  expect(result.status).toBe('optimal');
  expect(checkPlanInvariants(problem, result)).toEqual([]);
  return result;
};

describe('imbalance with a fixed nomination (dt = 0.25 h, 1 MW, [0, 1] MWh from 0.5 back to 0.5)', () => {
  // Nomination b = 0. Shortage above surplus in both intervals (the usual Dutch case): the
  // deviation money is concave, the LP never goes long and short at once. Charge 1 MW at t0
  // (short, pay pSHO 50) and discharge 1 MW at t1 (long, paid pSUR 100): 0.25 x (100 - 50) =
  // 12.5 EUR. No day-ahead term: the nomination's money is a constant of this decision.
  it('pSHO >= pSUR: solved as an LP, long and short never together', () => {
    const problem = { ...problemOf([500, -500], [battery({ intervals: 2 })]), imbalance: imbalanceOf([0, 0], [40, 100], [50, 120]) };
    const result = solveChecked(problem);
    expect(result.solvedAs).toBe('lp');
    expect(result.objectiveEur).toBeCloseTo(12.5, 9);
    expect(Array.from(result.imbalance?.longMw ?? [])).toEqual([0, expect.closeTo(1, 9)]);
    expect(Array.from(result.imbalance?.shortMw ?? [])).toEqual([expect.closeTo(1, 9), 0]);
    expect(result.terms?.dayAheadEur).toBe(0);
    expect(result.terms?.imbalanceEur).toBeCloseTo(12.5, 9);
  });

  // pSUR 60 > pSHO 50 in both intervals. True optimum: charge at t0 (short, pay 50), discharge
  // at t1 (long, get 60): 0.25 x 10 = 2.5 EUR. Without the direction binary the LP would be
  // long AND short by the bounds Ml = E' - b = 1 and Mh = b + I' = 1 in both intervals while
  // idle: 2 x 0.25 x (60 - 50) x 1 = 5 EUR of money that does not exist.
  it('pSHO < pSUR: a binary per such interval keeps the solve exact (2.5 EUR, not 5)', () => {
    const problem = { ...problemOf([0, 0], [battery({ intervals: 2 })]), imbalance: imbalanceOf([0, 0], [60, 60], [50, 50]) };
    const result = solveChecked(problem);
    expect(result.solvedAs).toBe('milp');
    expect(result.stats.binaryCount).toBe(2);
    expect(result.objectiveEur).toBeCloseTo(2.5, 9);
    const relaxed = solver().solve(buildModel(problem).model, { warmStart: false });
    expect(relaxed.objective).toBeCloseTo(5, 9);
  });

  it('a nomination outside what the site can do leaves only one side of the split', () => {
    // b = 1.5 MW export with 1 MW of power: n - b <= -0.5, the site is short in every
    // interval, so Ml = (1 - 1.5)+ = 0 and no binary is needed although pSHO < pSUR. The
    // short side costs 0.25 x 50 x (1.5 - n_t) per interval and sum n = 0 (eta 1, back to
    // 0.5 MWh), so every schedule costs 0.25 x 50 x 3 = 37.5 EUR.
    const problem = { ...problemOf([0, 0], [battery({ intervals: 2 })]), imbalance: imbalanceOf([1.5, 1.5], [60, 60], [50, 50]) };
    const result = solveChecked(problem);
    expect(result.stats.binaryCount).toBe(0);
    expect(result.objectiveEur).toBeCloseTo(-37.5, 9);
  });
});

describe('imbalance with a free nomination (the joint oracle)', () => {
  // pDA [10, 100], single imbalance price [100, 10]. Money = sum dt [pDA b + pIMB (n - b)]
  // = sum dt [(pDA - pIMB) b + pIMB n]. b and n are both round trips of the same battery
  // (b0 = -b1, n0 = -n1, |.| <= 1): b = [-1, 1] earns 0.25 x 180 = 45, n = [1, -1] earns
  // 0.25 x 90 = 22.5: 67.5 EUR.
  it('chooses nomination and schedule jointly: 67.5 EUR', () => {
    const problem = { ...problemOf([10, 100], [battery({ intervals: 2 })]), imbalance: imbalanceOf('free', [100, 10]) };
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(67.5, 9);
    expect(Array.from(result.imbalance?.baselineMw ?? [])).toEqual([expect.closeTo(-1, 9), expect.closeTo(1, 9)]);
    expect(result.terms?.dayAheadEur).toBeCloseTo(22.5, 9);
    expect(result.terms?.imbalanceEur).toBeCloseTo(45, 9);
  });

  // pDA 0, imbalance 100 flat, eta 0.9/0.9. The nomination earns only through the deviation
  // n - b, so it wants b as low as possible. A real schedule that returns to 0.5 MWh can buy
  // at most 1 MW at t0 and sell 0.81 MW at t1: sum b = -0.19 MW, 0.25 x 100 x 0.19 = 4.75 EUR
  // (the schedule n stays idle: any round trip loses at a flat price). A copy that could
  // charge 1 MW and discharge 0.81 MW in the same interval would nominate -0.19 MW in both:
  // 9.5 EUR. The nomination copy gets binaries there and stays exact.
  it('the nomination copy never charges and discharges at once (4.75 EUR, not 9.5)', () => {
    const asset = battery({ intervals: 2, chargeEfficiency: 0.9, dischargeEfficiency: 0.9 });
    const problem = { ...problemOf([0, 0], [asset]), imbalance: imbalanceOf('free', [100, 100]) };
    const result = solveChecked(problem);
    expect(result.solvedAs).toBe('milp');
    expect(result.objectiveEur).toBeCloseTo(4.75, 9);
    expect(solver().solve(buildModel(problem).model, { warmStart: false }).objective).toBeCloseTo(9.5, 9);
    const copy = result.imbalance?.baselineAssets?.[0];
    expect(copy?.chargeMw.some((c, t) => c > 1e-9 && copy.dischargeMw[t] > 1e-9)).toBe(false);
  });

  it('with pSUR = pSHO = pDA the oracle equals the da_only optimum', () => {
    const prices = [40, -20, 90, 55, 120, 10];
    const asset = battery({ intervals: 6, chargeEfficiency: 0.95, dischargeEfficiency: 0.95, degradationEurPerMwh: 2 });
    const daOnly = solveChecked(problemOf(prices, [asset]));
    const oracle = solveChecked({ ...problemOf(prices, [asset]), imbalance: imbalanceOf('free', prices) });
    expect(oracle.objectiveEur).toBeCloseTo(daOnly.objectiveEur, 6);
  });
});
