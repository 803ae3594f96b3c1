import { canonicalSite } from '../../test/support/problems';
import { checkPlanInvariants } from '../checks/checkPlanInvariants';
import { createSolver } from '../solver/createSolver';
import type { Solver } from '../solver/createSolver';
import { memoSolver } from '../solver/solveMemo';
import { DecisionMemo, same } from './decisionMemo';
import type { ExtendedDispatchResult } from './DispatchResult';
import { solveDispatch } from './solveDispatch';

/** A quarter-hour day of the canonical two-battery site (prices 15-105 EUR/MWh). */
const day = (shift = 0) => canonicalSite(Float64Array.from({ length: 96 }, (_, t) => 60 + shift + 45 * Math.sin(t / 7)));
/** The options of a forecast-driven gate and of the oracle (solveDay.ts): only the MILP limits differ. */
const GATE = { memo: true, mipMaxNodes: 100, mipRootHeuristic: true } as const;
const ORACLE = { memo: true } as const;

const plansOf = (result: ExtendedDispatchResult) => result.assets.map((a) => [Array.from(a.chargeMw), Array.from(a.dischargeMw), Array.from(a.socMwh)]);

describe('whole decisions kept by a memo solver', () => {
  let solver: Solver;
  beforeAll(async () => {
    solver = await createSolver();
  });

  it("hands the gate's LP decision to the oracle's identical problem once, as the memo's models would answer it", () => {
    const memo = memoSolver(solver);
    const gate = solveDispatch(memo, day(), GATE);
    expect(gate.solvedAs).toBe('lp');
    expect(gate.stats.lpSolves).toBe(1);
    const gatePlan = plansOf(gate);
    const inHighs = memo.stats.lpSolves;
    // The oracle builds its problem itself: equal content, other arrays, no node limit.
    const oracle = solveDispatch(memo, day(), ORACLE);
    expect(memo.stats.lpSolves).toBe(inHighs);
    expect(oracle.stats).toEqual({ ...gate.stats, lpSolves: 0, milpSolves: 0, memoSolves: 1, solverMs: 0 });
    expect(oracle.objectiveEur).toBe(gate.objectiveEur);
    expect(plansOf(oracle)).toEqual(plansOf(gate));
    expect(memo.memoSolves).toBe(1);
    expect(checkPlanInvariants(day(), gate)).toEqual([]);
    expect(checkPlanInvariants(day(), oracle)).toEqual([]);
    // Taken once: the same request again is answered by the memo's model, to the same plan and stats.
    const again = solveDispatch(memo, day(), ORACLE);
    expect(memo.stats.lpSolves).toBe(inHighs);
    expect(again.stats).toEqual(oracle.stats);
    expect(plansOf(again)).toEqual(plansOf(gate));
    expect(memo.memoSolves).toBe(2);
    expect(checkPlanInvariants(day(), again)).toEqual([]);
    // The decision handed over is a copy: changing it does not change the gate's.
    oracle.assets[0].chargeMw.fill(-1);
    expect(plansOf(gate)).toEqual(gatePlan);
  });

  it('solves a problem that differs by one ulp, other LP options, and requests without the memo', () => {
    const memo = memoSolver(solver);
    solveDispatch(memo, day(), GATE);
    const nudged = day();
    nudged.dayAheadPriceEurPerMwh[50] *= 1 + Number.EPSILON;
    expect(solveDispatch(memo, nudged, ORACLE).stats.lpSolves).toBe(1);
    expect(solveDispatch(memo, day(), { ...ORACLE, warmStart: false }).stats.lpSolves).toBe(1);
    expect(solveDispatch(memo, day(), { ...ORACLE, memo: false }).stats.lpSolves).toBe(1);
    expect(memo.memoSolves).toBe(0);
  });

  it('keeps no decision with a solve the memo did not keep (a time limit), and forgets with clearMemo', () => {
    const memo = memoSolver(solver);
    const limited = solveDispatch(memo, day(3), { ...ORACLE, timeLimitSeconds: 0, warmStart: false });
    expect(limited.status).toBe('time_limit');
    expect(solveDispatch(memo, day(3), { ...ORACLE, timeLimitSeconds: 0, warmStart: false }).stats.memoSolves).toBe(0);
    solveDispatch(memo, day(4), GATE);
    memo.clearMemo();
    expect(solveDispatch(memo, day(4), ORACLE).stats.lpSolves).toBe(1);
  });
});

describe('DecisionMemo: which options must match', () => {
  const stats = { lpSolves: 1, milpSolves: 0, memoSolves: 0, binaryCount: 0, solverMs: 7, mipGap: null };
  const lpResult: ExtendedDispatchResult = { status: 'optimal', objectiveEur: 12, assets: [], solvedAs: 'lp', stats };
  const milpResult: ExtendedDispatchResult = { ...lpResult, solvedAs: 'milp', stats: { ...stats, milpSolves: 1, lpSolves: 1, binaryCount: 8, mipGap: 0 } };

  it('an LP-only decision matches any MILP options, but not other LP options', () => {
    const memo = new DecisionMemo();
    memo.keep(day(), GATE, lpResult);
    expect(memo.take(day(), { ...ORACLE, warmStart: false })).toBeUndefined();
    expect(memo.take(day(), { ...ORACLE, coarseGrid: false })).toBeUndefined();
    expect(memo.take(day(), ORACLE)?.stats).toEqual({ ...stats, lpSolves: 0, memoSolves: 1, solverMs: 0 });
    expect(memo.take(day(), ORACLE)).toBeUndefined();
  });

  it('a decision with a MILP matches the same options only', () => {
    const memo = new DecisionMemo();
    memo.keep(day(), GATE, milpResult);
    expect(memo.take(day(), ORACLE)).toBeUndefined();
    expect(memo.take(day(), { ...GATE, mipMaxNodes: 200 })).toBeUndefined();
    expect(memo.take(day(), GATE)?.stats).toMatchObject({ lpSolves: 0, milpSolves: 0, memoSolves: 2, binaryCount: 8, solverMs: 0 });
  });

  it('compares content bit for bit: -0 is not 0, NaN is NaN, an absent key is an undefined one', () => {
    expect(same({ a: new Float64Array([0]) }, { a: new Float64Array([-0]) })).toBe(false);
    expect(same({ a: -0 }, { a: 0 })).toBe(false);
    expect(same({ a: Number.NaN, b: undefined }, { a: Number.NaN })).toBe(true);
    expect(same({ a: new Float64Array(2) }, { a: new Int32Array(4) })).toBe(false);
    expect(same([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(same({ a: [new Float64Array([1, 2])] }, { a: [new Float64Array([1, 2])] })).toBe(true);
  });
});
