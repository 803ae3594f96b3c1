import { checkPlanInvariants, solveDispatch } from '../../src';
import type { ExtendedDispatchProblem } from '../../src';
import { fcrOf, locksOf } from '../support/extensions';
import { battery, problemOf } from '../support/problems';
import { sharedSolver } from '../support/sharedSolver';

const solver = sharedSolver();

const solveChecked = (problem: ExtendedDispatchProblem) => {
  const result = solveDispatch(solver(), problem);
  expect(result.status).toBe('optimal');
  expect(checkPlanInvariants(problem, result)).toEqual([]);
  return result;
};

// Prices [10, 100, 10, 100], 1 MW, [0, 1] MWh from 0.5 back to 0.5, eta 1, k 0. Free, the
// battery buys, sells, buys, sells 0.25 MWh: 2 x 0.25 x 90 = 45 EUR.
const prices = [10, 100, 10, 100];
const base = () => problemOf(prices, [battery({ intervals: 4 })]);

interface LockCase {
  readonly label: string;
  readonly charge: Record<number, number>;
  readonly discharge: Record<number, number>;
  readonly expectedEur: number;
}

describe('energy locks (NaN = free)', () => {
  it.each<LockCase>([
    // Discharge locked at 0.4 MW in t0 (+1 EUR at 10), charge locked at 0: s1 = 0.4. Back to
    // 0.5 needs c2 = 0.4 + d1 + d3 <= 1, so d1 + d3 = 0.6: 25 x 0.6 - 2.5 x 1 = 12.5. Total 13.5.
    { label: 'discharge 0.4, charge 0 in t0', charge: { 0: 0 }, discharge: { 0: 0.4 }, expectedEur: 13.5 },
    // Charge locked at 0.2 MW in t0 (-0.5 EUR), discharge free but 0 (no overlap): s1 = 0.55.
    // c2 = d1 + d3 - 0.2 <= 1: d1 + d3 = 1.2, 25 x 1.2 - 2.5 x 1 = 27.5. Total 27.
    { label: 'charge 0.2 in t0 only', charge: { 0: 0.2 }, discharge: {}, expectedEur: 27 },
    { label: 'nothing locked', charge: {}, discharge: {}, expectedEur: 45 },
  ])('$label: $expectedEur EUR', ({ charge, discharge, expectedEur }) => {
    const problem = { ...base(), locks: locksOf(4, charge, discharge) };
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    for (const [t, v] of Object.entries(charge)) {
      expect(result.assets[0].chargeMw[Number(t)]).toBe(v);
    }
    for (const [t, v] of Object.entries(discharge)) {
      expect(result.assets[0].dischargeMw[Number(t)]).toBe(v);
    }
  });

  // An FCR award locked at 0.5 MW although FCR now pays nothing: the column stays, fixed by its
  // bounds, and trading runs at 0.5 MW: 45 x 0.5 = 22.5 EUR. NaN leaves it free: r = 0, 45 EUR.
  it.each([
    { locked: 0.5, expectedEur: 22.5 },
    { locked: Number.NaN, expectedEur: 45 },
  ])('a locked FCR award of $locked MW', ({ locked, expectedEur }) => {
    const problem = { ...base(), fcr: fcrOf([0, 0, 0, 0], { fixedMw: [Float64Array.of(locked)] }) };
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    expect(result.reserves?.[0].fcrMw?.[2]).toBeCloseTo(Number.isNaN(locked) ? 0 : locked, 9);
  });

  it('the invariants catch a plan that moves a locked value', () => {
    const problem = { ...base(), locks: locksOf(4, { 0: 0 }, { 0: 0.4 }) };
    const result = solveChecked(problem);
    const moved = result.assets.map((plan) => ({ ...plan, dischargeMw: Float64Array.of(0.3, ...plan.dischargeMw.slice(1)) }));
    expect(checkPlanInvariants(problem, { assets: moved }).map((v) => v.code)).toContain('energy_lock');
  });
});

describe('cycle budget: sum_t d dt / etaD <= budget', () => {
  // Without a budget the plan discharges 0.5 MWh (45 EUR). A budget of 0.25 MWh allows one
  // round trip (22.5 EUR), 0.3 MWh one and a fifth (0.3 x 90 = 27 EUR); Infinity adds no row.
  it.each([
    { budget: Infinity, expectedEur: 45 },
    { budget: 0.3, expectedEur: 27 },
    { budget: 0.25, expectedEur: 22.5 },
    { budget: 0, expectedEur: 0 },
  ])('budget $budget MWh: $expectedEur EUR', ({ budget, expectedEur }) => {
    const problem = { ...base(), cycles: { dischargeBudgetMwh: Float64Array.of(budget) } };
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    const used = result.assets[0].dischargeMw.reduce((sum, d) => sum + 0.25 * d, 0);
    expect(used).toBeLessThanOrEqual(budget + 1e-9);
  });
});
