import { checkPlanInvariants, conditionalValueAtRiskEur, solveDispatch } from '../../src';
import type { ExtendedDispatchProblem, RiskInput } from '../../src';
import { afrrOf } from '../support/extensions';
import { battery, problemOf } from '../support/problems';
import { sharedSolver } from '../support/sharedSolver';

const solver = sharedSolver();

const solveChecked = (problem: ExtendedDispatchProblem) => {
  const result = solveDispatch(solver(), problem);
  expect(result.status).toBe('optimal');
  expect(checkPlanInvariants(problem, result)).toEqual([]);
  return result;
};

// Day-ahead 50 at t0 and 90 at t2 in both scenarios; t1 is 300 in A and -100 in B (weights
// 1/2). 1 MW, [0, 1] MWh from 0.5 back to 0.5, eta 1, k 0. The decision (shared by both
// scenarios) buys 1 MW at t0 and sells it at t1 (x MW) or t2 (1 - x MW):
//   Pi_A = -12.5 + 75 x + 22.5 (1 - x) = 10 + 52.5 x,   Pi_B = -12.5 - 25 x + 22.5 (1 - x) = 10 - 47.5 x.
// expected_value: E = 10 + 2.5 x -> x = 1 (risky): 12.5 EUR, Pi = [62.5, -37.5].
// cvar, alpha 0.5 (the worse scenario), lambda 1: E - lambda (-Pi_B) = 20 - 45 x -> x = 0
//   (safe): Pi = [10, 10], objective 10 + 10 = 20.
// downside_penalty: sf_B = E - Pi_B = 50 x, objective 10 + 2.5 x - lambda x 0.5 x 50 x:
//   lambda 0.5 -> x = 0 (10 EUR); lambda 0.05 -> x = 1 (12.5 - 1.25 = 11.25 EUR).
const twoScenarios = (risk: RiskInput): ExtendedDispatchProblem => ({
  ...problemOf([50, 100, 90], [battery({ intervals: 3 })]),
  scenarios: [
    { id: 'A', weight: 0.5, dayAheadPriceEurPerMwh: Float64Array.of(50, 300, 90) },
    { id: 'B', weight: 0.5, dayAheadPriceEurPerMwh: Float64Array.of(50, -100, 90) },
  ],
  risk,
});

describe('scenario bundles and risk', () => {
  it.each([
    { label: 'expected_value', risk: { mode: 'expected_value', lambda: 0, tailMass: 1 }, soldAtT1: 1, profits: [62.5, -37.5], objective: 12.5 },
    { label: 'cvar alpha 0.5 lambda 1', risk: { mode: 'cvar', lambda: 1, tailMass: 0.5 }, soldAtT1: 0, profits: [10, 10], objective: 20 },
    { label: 'downside lambda 0.5', risk: { mode: 'downside_penalty', lambda: 0.5, tailMass: 1 }, soldAtT1: 0, profits: [10, 10], objective: 10 },
    { label: 'downside lambda 0.05', risk: { mode: 'downside_penalty', lambda: 0.05, tailMass: 1 }, soldAtT1: 1, profits: [62.5, -37.5], objective: 11.25 },
  ] as const)('$label: sells $soldAtT1 MW at the uncertain interval', ({ risk, soldAtT1, profits, objective }) => {
    const problem = twoScenarios(risk);
    const result = solveChecked(problem);
    expect(result.assets[0].dischargeMw[1]).toBeCloseTo(soldAtT1, 9);
    expect(Array.from(result.scenarioProfitEur ?? [])).toEqual(profits.map((p) => expect.closeTo(p, 9)));
    expect(result.objectiveEur).toBeCloseTo(objective, 9);
    // Terms are the expected money; with a risk mode the risk term closes the sum.
    const terms = result.terms;
    const sum = (terms?.dayAheadEur ?? 0) + (terms?.degradationEur ?? 0) + (terms?.riskAdjustmentEur ?? 0);
    expect(sum).toBeCloseTo(objective, 9);
    expect(terms?.dayAheadEur).toBeCloseTo((profits[0] + profits[1]) / 2, 9);
  });

  it('CVaR with alpha = 1 is the mean loss, and with a small alpha the worst loss', () => {
    expect(conditionalValueAtRiskEur([10, -30, 50], [0.25, 0.25, 0.5], 1)).toBeCloseTo(-(2.5 - 7.5 + 25), 12);
    expect(conditionalValueAtRiskEur([10, -30, 50], [0.25, 0.25, 0.5], 0.05)).toBeCloseTo(30, 12);
    // Worst 40 %: all of B (0.25 at -30) and 0.15 of A (10): (0.25 x 30 - 0.15 x 10) / 0.4 = 15.
    expect(conditionalValueAtRiskEur([10, -30, 50], [0.25, 0.25, 0.5], 0.4)).toBeCloseTo(15, 12);
  });

  // aFRR up 1 MW is worth 10 EUR/MW/h of capacity in both scenarios; the expected activation
  // ratio is 0.2 in scenario A and 0 in B (activation price 0). No terminal target, [0, 2]
  // MWh from 1, eta 1, day-ahead 0 with k = 1 (no trading). A drains 0.2 x 0.25 = 0.05 MWh
  // per interval, B stays at 1: the mean SoC (weights 0.25 / 0.75) falls by 0.0125 per interval.
  it('each scenario has its own SoC path; the plan reports the weighted mean', () => {
    const asset = battery({ intervals: 4, socMaxMwh: 2, initialSocMwh: 1, terminalSocMwh: null, degradationEurPerMwh: 1 });
    const problem: ExtendedDispatchProblem = {
      ...problemOf([0, 0, 0, 0], [asset]),
      afrr: afrrOf(4, { capUp: 10 }),
      scenarios: [
        { id: 'A', weight: 0.25, afrrActivationUpRatio: new Float64Array(4).fill(0.2) },
        { id: 'B', weight: 0.75, afrrActivationUpRatio: new Float64Array(4) },
      ],
      risk: { mode: 'expected_value', lambda: 0, tailMass: 1 },
    };
    const result = solveChecked(problem);
    expect(result.reserves?.[0].afrrUpMw?.[0]).toBeCloseTo(1, 9);
    const [a, b] = result.scenarioSocMwh ?? [];
    expect(Array.from(a[0])).toEqual([1, 0.95, 0.9, 0.85, 0.8].map((v) => expect.closeTo(v, 9)));
    expect(Array.from(b[0])).toEqual([1, 1, 1, 1, 1].map((v) => expect.closeTo(v, 9)));
    expect(Array.from(result.assets[0].socMwh)).toEqual([1, 0.9875, 0.975, 0.9625, 0.95].map((v) => expect.closeTo(v, 9)));
    expect(result.objectiveEur).toBeCloseTo(10, 9);
  });

  it('a scenario path that leaves the band is reported by the invariants', () => {
    const problem = twoScenarios({ mode: 'expected_value', lambda: 0, tailMass: 1 });
    const result = solveChecked(problem);
    const broken = [result.assets[0].socMwh.map((s, i) => (i === 2 ? 1.2 : s))];
    const violations = checkPlanInvariants(problem, { assets: result.assets, scenarioSocMwh: [broken, result.scenarioSocMwh?.[1] ?? []] });
    expect(violations.map((v) => v.code)).toEqual(expect.arrayContaining(['soc_bounds', 'soc_balance', 'scenario_soc_mean']));
    expect(violations.find((v) => v.code === 'soc_bounds')?.assetId).toBe('be-bess-1 (scenario A)');
  });
});
