import fc from 'fast-check';
import { burnThresholdEurPerMwh, checkPlanInvariants, solveDispatch } from '../../src';
import type { DispatchProblem } from '../../src';
import { problemArb } from '../support/arbitraries';
import { enumerateModes } from '../support/enumerateModes';
import { expectSameOptimum } from '../support/sameOptimum';
import { sharedSolver } from '../support/sharedSolver';

const solver = sharedSolver();

const withPrices = (problem: DispatchProblem, scale: (p: number) => number): DispatchProblem => ({
  ...problem,
  dayAheadPriceEurPerMwh: problem.dayAheadPriceEurPerMwh.map(scale),
});

describe('properties over random prices in [-500, 600] EUR/MWh, 1-3 assets', () => {
  it('every feasible plan passes checkPlanInvariants', () => {
    fc.assert(
      fc.property(problemArb({ maxIntervals: 24, maxAssets: 3, socTarget: 'any' }), (problem) => {
        const result = solveDispatch(solver(), problem);
        fc.pre(result.status !== 'infeasible');
        expect(result.status).toBe('optimal');
        expect(checkPlanInvariants(problem, result)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('earns >= 0 when every terminal SoC equals the initial one (idle is feasible)', () => {
    fc.assert(
      fc.property(problemArb({ maxIntervals: 24, maxAssets: 3, socTarget: 'initial' }), (problem) => {
        const result = solveDispatch(solver(), problem);
        expect(result.status).toBe('optimal');
        expect(result.objectiveEur).toBeGreaterThanOrEqual(-1e-7);
      }),
      { numRuns: 30 },
    );
  });

  it('doubling every price with k = 0 doubles the objective', () => {
    const noDegradation = problemArb({ maxIntervals: 16, maxAssets: 3, socTarget: 'initial' }).map((problem) => ({
      ...problem,
      assets: problem.assets.map((asset) => ({ ...asset, degradationEurPerMwh: 0 })),
    }));
    fc.assert(
      fc.property(noDegradation, (problem) => {
        const once = solveDispatch(solver(), problem);
        const twice = solveDispatch(solver(), withPrices(problem, (p) => 2 * p));
        expect(twice.objectiveEur).toBeCloseTo(2 * once.objectiveEur, 5);
      }),
      { numRuns: 25 },
    );
  });

  it('single asset, up to 6 intervals: equals the enumerated fixed-direction optimum', () => {
    fc.assert(
      fc.property(problemArb({ maxIntervals: 6, maxAssets: 1, socTarget: 'any' }), (problem) => {
        const result = solveDispatch(solver(), problem);
        const enumerated = enumerateModes(solver(), problem);
        if (enumerated === -Infinity) {
          expect(result.status).toBe('infeasible');
          return;
        }
        expect(result.objectiveEur).toBeCloseTo(enumerated, 5);
      }),
      { numRuns: 25 },
    );
  });

  it('binaries only where burning pays lose nothing against binaries everywhere', () => {
    fc.assert(
      fc.property(problemArb({ maxIntervals: 12, maxAssets: 2, socTarget: 'initial' }), (problem) => {
        const lpFirst = solveDispatch(solver(), problem);
        const everywhere = solveDispatch(solver(), problem, { exclusivity: 'always_milp' });
        expect(everywhere.status).toBe('optimal');
        expectSameOptimum(lpFirst.objectiveEur, everywhere.objectiveEur);
      }),
      { numRuns: 20 },
    );
  });

  it('where no interval is below the burn threshold, the MILP objective equals the LP objective', () => {
    const aboveThreshold = problemArb({ maxIntervals: 12, maxAssets: 2, socTarget: 'initial' }).map((problem) => {
      const floor = Math.max(...problem.assets.map(burnThresholdEurPerMwh)) + 1;
      return withPrices(problem, (p) => Math.max(p, floor));
    });
    fc.assert(
      fc.property(aboveThreshold, (problem) => {
        const lp = solveDispatch(solver(), problem);
        expect(lp.solvedAs).toBe('lp');
        expect(lp.stats.milpSolves).toBe(0);
        const milp = solveDispatch(solver(), problem, { exclusivity: 'always_milp' });
        expectSameOptimum(milp.objectiveEur, lp.objectiveEur);
      }),
      { numRuns: 20 },
    );
  });
});
