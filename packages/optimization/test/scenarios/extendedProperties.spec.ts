import fc from 'fast-check';
import { buildModel, burnThresholdEurPerMwh, checkPlanInvariants, solveDispatch } from '../../src';
import type { ExtendedDispatchProblem } from '../../src';
import { exclusivityPlan } from '../../src/dispatch/exclusivity';
import { resolveProblem } from '../../src/dispatch/resolveProblem';
import { extendedProblemArb } from '../support/extendedArbitraries';
import type { Workflow } from '../support/extendedArbitraries';
import { expectSameOptimum } from '../support/sameOptimum';
import { sharedSolver } from '../support/sharedSolver';

const solver = sharedSolver();

const WORKFLOWS: Workflow[] = ['fcr', 'afrr', 'fcr_afrr', 'imbalance_fixed', 'imbalance_free', 'scenarios'];

describe.each(WORKFLOWS)('properties of %s over random prices in [-500, 600] EUR/MWh', (workflow) => {
  it('every plan is feasible, passes every invariant (no simultaneous charge and discharge) and equals binaries everywhere', () => {
    fc.assert(
      fc.property(extendedProblemArb(workflow), (problem) => {
        const lpFirst = solveDispatch(solver(), problem);
        expect(lpFirst.status).toBe('optimal');
        expect(checkPlanInvariants(problem, lpFirst)).toEqual([]);
        const everywhere = solveDispatch(solver(), problem, { exclusivity: 'always_milp' });
        expect(everywhere.status).toBe('optimal');
        expect(checkPlanInvariants(problem, everywhere)).toEqual([]);
        expectSameOptimum(lpFirst.objectiveEur, everywhere.objectiveEur);
      }),
      { numRuns: 12 },
    );
  });

  it('the money recomputed from the plan equals the optimum of the model with a binary everywhere', () => {
    fc.assert(
      fc.property(extendedProblemArb(workflow), (problem) => {
        const result = solveDispatch(solver(), problem);
        const plan = exclusivityPlan(resolveProblem(problem), true);
        const options = { modes: plan.battery, ...(plan.baseline !== null ? { baselineModes: plan.baseline } : {}), ...(plan.deviation !== null ? { deviationModes: plan.deviation } : {}) };
        const direct = solver().solve(buildModel(problem, options).model, { warmStart: false });
        expectSameOptimum(result.objectiveEur, direct.objective);
        if (problem.risk === undefined || problem.risk.mode === 'expected_value') {
          const t = result.terms;
          const sum = (t?.dayAheadEur ?? 0) + (t?.imbalanceEur ?? 0) + (t?.reserveCapacityEur ?? 0) + (t?.reserveActivationEur ?? 0) + (t?.reservePenaltyEur ?? 0) + (t?.degradationEur ?? 0);
          expect(sum).toBeCloseTo(result.objectiveEur, 6);
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('where no interval can pay for burning, no binary is needed', () => {
  // Every price that multiplies net export is lifted above every asset's burn threshold; the
  // first solve is then an LP, and binaries everywhere give the same objective.
  const lift = (problem: ExtendedDispatchProblem): ExtendedDispatchProblem => {
    const floor = Math.max(...problem.assets.map(burnThresholdEurPerMwh)) + 1;
    const up = (prices: Float64Array) => prices.map((p) => Math.max(p, floor));
    return {
      ...problem,
      dayAheadPriceEurPerMwh: up(problem.dayAheadPriceEurPerMwh),
      ...(problem.scenarios !== undefined ? { scenarios: problem.scenarios.map((s) => ({ ...s, dayAheadPriceEurPerMwh: up(s.dayAheadPriceEurPerMwh ?? problem.dayAheadPriceEurPerMwh) })) } : {}),
    };
  };
  it.each(['fcr_afrr', 'scenarios'] as const)('%s', (workflow) => {
    const monotone = extendedProblemArb(workflow).map(lift).filter((p) => !(p.risk?.mode === 'downside_penalty' && p.risk.lambda > 1));
    fc.assert(
      fc.property(monotone, (problem) => {
        const lp = solveDispatch(solver(), problem);
        expect(lp.stats.milpSolves).toBe(0);
        const milp = solveDispatch(solver(), problem, { exclusivity: 'always_milp' });
        expectSameOptimum(milp.objectiveEur, lp.objectiveEur);
      }),
      { numRuns: 12 },
    );
  });
});

describe('the free nomination is a true upper bound of two-stage imbalance runs', () => {
  it('free >= day-ahead money of any physical nomination + the best rebalance against it', () => {
    fc.assert(
      fc.property(extendedProblemArb('imbalance_free'), fc.integer({ min: 0, max: 2 ** 30 }), (problem, seed) => {
        const imbalance = problem.imbalance;
        if (imbalance === undefined) {
          throw new Error('imbalance expected');
        }
        const oracle = solveDispatch(solver(), problem);
        expect(oracle.status).toBe('optimal');
        // Nominations: the day-ahead optimum (the two-stage run), idle, and the optimum at
        // scrambled prices (some other physical schedule).
        const scrambled = problem.dayAheadPriceEurPerMwh.map((p, t) => (((seed >> t % 30) & 1) === 1 ? -p : p + 17));
        const candidates = [problem.dayAheadPriceEurPerMwh, scrambled].map((prices) => {
          const plan = solveDispatch(solver(), { ...problem, imbalance: undefined, dayAheadPriceEurPerMwh: prices });
          const b = new Float64Array(problem.intervalCount);
          plan.assets.forEach(({ chargeMw, dischargeMw }) => chargeMw.forEach((c, t) => (b[t] += dischargeMw[t] - c)));
          return b;
        });
        candidates.push(new Float64Array(problem.intervalCount));
        for (const b of candidates) {
          const dayAheadEur = b.reduce((sum, mw, t) => sum + problem.intervalHours * problem.dayAheadPriceEurPerMwh[t] * mw, 0);
          const rebalance = solveDispatch(solver(), { ...problem, imbalance: { ...imbalance, baseline: b } });
          expect(rebalance.status).toBe('optimal');
          expect(dayAheadEur + rebalance.objectiveEur).toBeLessThanOrEqual(oracle.objectiveEur + 1e-6 * Math.max(1, Math.abs(oracle.objectiveEur)));
        }
      }),
      { numRuns: 15 },
    );
  });
});
