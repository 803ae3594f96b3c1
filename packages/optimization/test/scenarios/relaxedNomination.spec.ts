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

describe('reserve energy from the second instant (revision windows)', () => {
  const solverOf = sharedSolver();
  // A 1 MW battery at its floor (0.2 MWh) with 0.4 MW of aFRR up locked for 15 minutes of
  // sustain: s_0 cannot hold the 0.1 MWh it needs above the floor, so with the row on s_0 the
  // window is infeasible; without it, the plan charges in the first interval to be
  // deliverable again from s_1 on.
  const problem = (skip: boolean): ExtendedDispatchProblem => ({
    intervalCount: 4,
    intervalHours: 0.25,
    assets: [
      {
        id: 'b',
        powerLimitMw: new Float64Array(4).fill(1),
        socMinMwh: 0.2,
        socMaxMwh: 2,
        initialSocMwh: 0.2,
        terminalSocMwh: null,
        chargeEfficiency: 1,
        dischargeEfficiency: 1,
        degradationEurPerMwh: 0,
      },
    ],
    site: { importLimitMw: 1, exportLimitMw: 1 },
    dayAheadPriceEurPerMwh: Float64Array.of(50, 50, 50, 50),
    terminalSoc: 'equal',
    afrr: {
      blockOfInterval: Int32Array.of(0, 0, 0, 0),
      blockCount: 1,
      capacityUpPriceEurPerMwH: new Float64Array(4),
      capacityDownPriceEurPerMwH: new Float64Array(4),
      activationUpPriceEurPerMwh: new Float64Array(4),
      activationDownPriceEurPerMwh: new Float64Array(4),
      activationUpRatio: new Float64Array(4),
      activationDownRatio: new Float64Array(4),
      downActivationSign: -1,
      penaltyEurPerMwH: 0,
      sustainHours: 0.25,
      fixedUpMw: [Float64Array.of(0.4)],
      fixedDownMw: [Float64Array.of(0)],
    },
    reserveEnergyFromSecondInstant: skip,
  });

  it('makes a window that starts undeliverable feasible, restoring deliverability from s_1', () => {
    const solver = solverOf();
    // s_0 = 0.2 cannot hold 0.4 x 0.25 = 0.1 MWh above the 0.2 floor.
    expect(solveDispatch(solver, problem(false), { warmStart: false }).status).toBe('infeasible');
    const relaxed = solveDispatch(solver, problem(true), { warmStart: false });
    expect(relaxed.status).toBe('optimal');
    // s_1 >= 0.2 + 0.1: the plan charges at least 0.4 MW in the first interval.
    expect(relaxed.assets[0].socMwh[1]).toBeGreaterThanOrEqual(0.3 - 1e-9);
    expect(checkPlanInvariants(problem(true), relaxed)).toEqual([]);
  });
});
