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

describe('a horizon of several days (dayStarts): the rules of each day hold per day', () => {
  // Two "days" of four quarter-hours each, day start at interval 4.
  const twoDays = (prices: readonly number[], extra: Partial<ExtendedDispatchProblem>) =>
    ({ ...problemOf(prices, [battery({ intervals: 8 })]), ...extra }) as ExtendedDispatchProblem;

  // [10, 100] twice a day: one round trip of 0.25 MWh is worth 22.5 EUR. A budget of 0.25 MWh
  // a day allows one a day (45 EUR); the same budget over the horizon, one in all (22.5 EUR).
  it.each([
    { label: 'per day', dayStarts: Int32Array.of(4), expectedEur: 45 },
    { label: 'over the horizon', dayStarts: undefined, expectedEur: 22.5 },
  ])('a cycle budget of 0.25 MWh $label: $expectedEur EUR', ({ dayStarts, expectedEur }) => {
    const problem = twoDays([10, 100, 10, 100, 10, 100, 10, 100], {
      cycles: { dischargeBudgetMwh: Float64Array.of(0.25) },
      ...(dayStarts ? { dayStarts } : {}),
    });
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
  });

  // Day 1 at 100, day 2 at 10, terminal 0.5 MWh at_least from 0.5 MWh. Over the horizon the
  // battery sells 0.5 MWh on day 1 and buys it back on day 2 (50 - 5 = 45 EUR); with the rule
  // at the day start it must hold 0.5 MWh at instant 4 as well, and a flat day pays nothing.
  it.each([
    { label: 'at each day end', dayStarts: Int32Array.of(4), expectedEur: 0 },
    { label: 'at the horizon end only', dayStarts: undefined, expectedEur: 45 },
  ])('an at_least terminal SoC $label: $expectedEur EUR', ({ dayStarts, expectedEur }) => {
    const problem = twoDays([100, 100, 100, 100, 10, 10, 10, 10], { terminalSoc: 'at_least', ...(dayStarts ? { dayStarts } : {}) });
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    if (dayStarts) {
      expect(result.assets[0].socMwh[4]).toBeGreaterThanOrEqual(0.5 - 1e-9);
    }
  });

  it('the invariants catch a plan that breaks the rules of a day', () => {
    const problem = twoDays([100, 100, 100, 100, 10, 10, 10, 10], { terminalSoc: 'at_least', cycles: { dischargeBudgetMwh: Float64Array.of(0.25) } });
    const result = solveChecked(problem);
    // The plan under rules over the horizon (the budget lets it sell 0.25 MWh on day 1 and buy
    // it back on day 2), checked as a two-day problem: SoC 0.25 MWh at instant 4.
    const violations = checkPlanInvariants({ ...problem, dayStarts: Int32Array.of(4) }, result);
    expect(result.assets[0].socMwh[4]).toBeCloseTo(0.25, 9);
    expect(violations.map((v) => v.code)).toEqual(expect.arrayContaining(['soc_terminal']));
  });
});
