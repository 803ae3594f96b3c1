import { checkPlanInvariants, solveDispatch, type ExtendedDispatchProblem } from '../../src';
import { sharedSolver } from '../support/sharedSolver';

/**
 * A one-asset day where the nomination copy would like to burn: the imbalance price is far
 * above the day-ahead price, so nominating a purchase (low b) and not taking it physically
 * pays. `relaxed` lets the copy charge and discharge at once and stays an LP; `exact` needs
 * binaries; the relaxation is an upper bound of the exact problem.
 */
function problem(baselineExclusivity: 'exact' | 'relaxed'): ExtendedDispatchProblem {
  const n = 4;
  return {
    intervalCount: n,
    intervalHours: 0.25,
    assets: [
      {
        id: 'b',
        powerLimitMw: new Float64Array(n).fill(1),
        socMinMwh: 0,
        socMaxMwh: 1,
        initialSocMwh: 0.5,
        terminalSocMwh: 0.5,
        chargeEfficiency: 0.9,
        dischargeEfficiency: 0.9,
        degradationEurPerMwh: 0,
      },
    ],
    site: { importLimitMw: 1, exportLimitMw: 1 },
    dayAheadPriceEurPerMwh: Float64Array.of(10, 10, 10, 10),
    terminalSoc: 'equal',
    imbalance: {
      baseline: 'free',
      surplusPriceEurPerMwh: Float64Array.of(200, 200, 200, 200),
      shortagePriceEurPerMwh: Float64Array.of(200, 200, 200, 200),
      baselineExclusivity,
    },
  };
}

describe('free nomination exclusivity', () => {
  const solverOf = sharedSolver();

  it('relaxed stays an LP, bounds the exact MILP from above, and passes the invariants', () => {
    const solver = solverOf();
    const relaxed = solveDispatch(solver, problem('relaxed'), { warmStart: false });
    const exact = solveDispatch(solver, problem('exact'), { warmStart: false });
    expect(relaxed.status).toBe('optimal');
    expect(relaxed.stats.milpSolves).toBe(0);
    expect(exact.stats.milpSolves).toBe(1);
    expect(relaxed.objectiveEur).toBeGreaterThan(exact.objectiveEur + 1e-6);
    expect(checkPlanInvariants(problem('relaxed'), relaxed)).toEqual([]);
    expect(checkPlanInvariants(problem('exact'), exact)).toEqual([]);
  });
});
