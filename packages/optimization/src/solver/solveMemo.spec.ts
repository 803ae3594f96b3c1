import { buildModel } from '../buildModel';
import { IntervalMode } from '../components/battery/intervalMode';
import { canonicalSite } from '../../test/support/problems';
import { createSolver } from './createSolver';
import type { Solver } from './createSolver';
import { memoSolver } from './solveMemo';

const day = (shift: number) => buildModel(canonicalSite(Float64Array.from({ length: 96 }, (_, t) => 60 + shift + 45 * Math.sin(t / 7)))).model;

describe('memoSolver', () => {
  let solver: Solver;
  beforeAll(async () => {
    solver = await createSolver();
  });

  it('answers an identical model from memory, with the same plan and no HiGHS call', () => {
    const memo = memoSolver(solver);
    const first = memo.solve(day(0), { memo: true });
    const lpSolves = memo.stats.lpSolves;
    // A model built again from the same inputs: equal content, different arrays.
    const again = memo.solve(day(0), { memo: true });
    expect(again.fromMemo).toBe(true);
    expect(again.solverMs).toBe(0);
    expect(again.objective).toBe(first.objective);
    expect(Array.from(again.x)).toEqual(Array.from(first.x));
    expect(Array.from(again.rowDual ?? [])).toEqual(Array.from(first.rowDual ?? []));
    expect(memo.stats.lpSolves).toBe(lpSolves);
    expect(memo.memoSolves).toBe(1);
    // Changing a returned array does not change what the memo answers next time.
    again.x.fill(-1);
    expect(Array.from(memo.solve(day(0), { memo: true }).x)).toEqual(Array.from(first.x));
  });

  it('solves anything that differs, and solves without asking for the memo', () => {
    const memo = memoSolver(solver);
    memo.solve(day(0), { memo: true });
    const shifted = memo.solve(day(0.5), { memo: true });
    expect(shifted.fromMemo).toBeUndefined();
    const cold = memo.solve(day(0), { memo: true, warmStart: false });
    expect(cold.fromMemo).toBeUndefined();
    expect(memo.solve(day(0)).fromMemo).toBeUndefined();
    // A bound changed by one ulp is another model.
    const model = day(0);
    const nudged = { ...model, colUpper: Float64Array.from(model.colUpper, (u, j) => (j === 3 ? u * (1 + Number.EPSILON) : u)) };
    expect(memo.solve(nudged, { memo: true }).fromMemo).toBeUndefined();
    expect(memo.memoSolves).toBe(0);
  });

  it('reuses a proven MILP for any limits, a node-limited one only for the same limits', () => {
    const memo = memoSolver(solver);
    const model = day(0);
    const mip = { ...model, integrality: Int32Array.from({ length: model.numCols }, (_, j) => (j < 4 ? 1 : 0)) };
    const proven = memo.solve(mip, { memo: true, mipMaxNodes: 100 });
    expect(proven.status).toBe('optimal');
    expect(memo.solve(mip, { memo: true, mipMaxNodes: 100 }).fromMemo).toBe(true);
    expect(memo.solve(mip, { memo: true }).fromMemo).toBe(true);
    expect(memo.solve(mip, { memo: true, mipRelGap: 1e-3 }).fromMemo).toBeUndefined();
    // A solve with its own HiGHS options is not answered from memory, even for a proven model.
    expect(memo.solve(mip, { memo: true, mipHighsOptions: { mip_heuristic_run_rens: false } }).fromMemo).toBeUndefined();
    // The burn window of rootHeuristic.spec.ts stops at its root with a gap: not proven.
    const binary = () => new Uint8Array(16).fill(IntervalMode.BINARY);
    const burnMip = buildModel(canonicalSite(new Float64Array(16).fill(-645)), { modes: [binary(), binary()] }).model;
    const stopped = memo.solve(burnMip, { memo: true, mipMaxNodes: 1 });
    expect(stopped.status).toBe('node_limit');
    expect(memo.solve(burnMip, { memo: true, mipMaxNodes: 1 }).fromMemo).toBe(true);
    expect(memo.solve(burnMip, { memo: true, mipMaxNodes: 2 }).fromMemo).toBeUndefined();
    const shifted = day(1);
    expect(memo.solve(shifted, { memo: true, timeLimitSeconds: 0, warmStart: false }).status).toBe('time_limit');
    expect(memo.solve(shifted, { memo: true, warmStart: false }).fromMemo).toBeUndefined();
    memo.clearMemo();
    expect(memo.solve(mip, { memo: true, mipMaxNodes: 100 }).fromMemo).toBeUndefined();
  });
});
