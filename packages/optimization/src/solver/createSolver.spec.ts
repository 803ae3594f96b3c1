import loadHighs from 'highs';
import { buildModel } from '../buildModel';
import { canonicalSite } from '../../test/support/problems';
import { createSolver } from './createSolver';
import type { Solver } from './createSolver';
import type { LinearModel } from './LinearModel';

/** max 2x + y  s.t.  x + y <= 1.5,  0 <= x, y <= 1: optimum x = 1, y = 0.5, objective 2.5, row dual 1. */
const tiny = (patch: Partial<LinearModel> = {}): LinearModel => ({
  sense: 'maximize',
  numCols: 2,
  numRows: 1,
  colCost: Float64Array.of(2, 1),
  colLower: Float64Array.of(0, 0),
  colUpper: Float64Array.of(1, 1),
  rowLower: Float64Array.of(-Infinity),
  rowUpper: Float64Array.of(1.5),
  matrix: { starts: Int32Array.of(0, 1, 2), indices: Int32Array.of(0, 0), values: Float64Array.of(1, 1) },
  names: () => ({ cols: ['battery.charge_mw.a0.t0000', 'battery.discharge_mw.a0.t0000'], rows: ['site.poi_import_limit.t0000'] }),
  ...patch,
});

describe('createSolver', () => {
  let solver: Solver;
  beforeAll(async () => {
    solver = await createSolver();
  });
  afterAll(() => solver.dispose());

  it('solves an LP with values, objective and row duals', () => {
    const result = solver.solve(tiny(), { warmStart: false });
    expect(result.status).toBe('optimal');
    expect(result.hasSolution).toBe(true);
    expect(result.objective).toBeCloseTo(2.5, 12);
    expect(Array.from(result.x)).toEqual([1, 0.5]);
    // d objective / d (row bound): one more MW of the row lets y grow by 1, worth 1.
    expect(Array.from(result.rowDual ?? [])).toEqual([1]);
    expect(result.mipGap).toBeUndefined();
    expect(result.solverMs).toBeGreaterThan(0);
  });

  it('minimises when asked', () => {
    const result = solver.solve(tiny({ sense: 'minimize', colLower: Float64Array.of(0.25, 0.5) }));
    expect(result.objective).toBeCloseTo(2 * 0.25 + 0.5, 12);
  });

  it('returns infeasible and unbounded as statuses', () => {
    const infeasible = solver.solve(tiny({ rowLower: Float64Array.of(3), rowUpper: Float64Array.of(Infinity) }));
    expect(infeasible.status).toBe('infeasible');
    expect(infeasible.hasSolution).toBe(false);
    expect(Number.isNaN(infeasible.objective)).toBe(true);
    const unbounded = solver.solve(
      tiny({ colUpper: Float64Array.of(Infinity, Infinity), rowUpper: Float64Array.of(Infinity) }),
      { warmStart: false },
    );
    expect(unbounded.status).toBe('unbounded');
  });

  it('solves a MILP to the requested gap', () => {
    // With x, y integer the best is x = 1, y = 0: objective 2.
    const result = solver.solve(tiny({ integrality: Int32Array.of(1, 1) }));
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(2, 12);
    expect(result.mipGap).toBeLessThanOrEqual(1e-6);
    expect(result.rowDual).toBeUndefined();
  });

  it('a warm re-solve with new costs and bounds equals a cold solve', () => {
    solver.solve(tiny());
    const changed = tiny({ colCost: Float64Array.of(1, 3), colUpper: Float64Array.of(1, 0.8) });
    const warm = solver.solve(changed);
    const cold = solver.solve(changed, { warmStart: false });
    expect(warm.objective).toBeCloseTo(cold.objective, 12);
    expect(warm.objective).toBeCloseTo(0.7 + 3 * 0.8, 12);
  });

  it('a warm re-solve with a changed coefficient equals a cold solve', () => {
    solver.solve(tiny());
    // Row x + 0.5 y <= 1.5: x = 1, y = 1, objective 3.
    const changed = tiny({ matrix: { starts: Int32Array.of(0, 1, 2), indices: Int32Array.of(0, 0), values: Float64Array.of(1, 0.5) } });
    const warm = solver.solve(changed);
    const cold = solver.solve(changed, { warmStart: false });
    expect(warm.objective).toBeCloseTo(cold.objective, 12);
    expect(warm.objective).toBeCloseTo(3, 12);
    // And back: the held model follows every change.
    expect(solver.solve(tiny()).objective).toBeCloseTo(2.5, 12);
  });

  it('counts LP and MILP solves and the time inside HiGHS', () => {
    solver.resetStats();
    solver.solve(tiny());
    solver.solve(tiny({ integrality: Int32Array.of(1, 0) }));
    const stats = solver.stats;
    expect(stats.lpSolves).toBe(1);
    expect(stats.milpSolves).toBe(1);
    expect(stats.solverMs).toBeGreaterThan(0);
  });

  it('turns a malformed model into an error status and keeps working', () => {
    const broken = solver.solve(tiny({ numCols: 3 }));
    expect(broken.status).toBe('error');
    expect(broken.message).toBeDefined();
    expect(solver.solve(tiny()).objective).toBeCloseTo(2.5, 12);
  });

  it('stops at a time limit with a status, and the next solve without a limit is optimal', () => {
    const prices = Float64Array.from({ length: 96 }, (_, t) => 50 + 40 * Math.sin(t / 5));
    const { model } = buildModel(canonicalSite(prices));
    const limited = solver.solve(model, { timeLimitSeconds: 0, warmStart: false });
    expect(limited.status).toBe('time_limit');
    expect(limited.hasSolution).toBe(false);
    expect(solver.solve(model, { warmStart: false }).status).toBe('optimal');
    const mip = { ...model, integrality: Int32Array.from({ length: model.numCols }, (_, j) => (j < 3 ? 1 : 0)) };
    expect(solver.solve(mip, { timeLimitSeconds: 0 }).status).toBe('time_limit');
  });

  it('stops a MILP at its node limit with a feasible plan, its gap and a node_limit status', () => {
    // A knapsack whose weights and values nearly tie: branch and bound needs many nodes to
    // prove the optimum, the first node already has a packing.
    const n = 16;
    const weights = Float64Array.from({ length: n }, (_, i) => 1000 + ((i * 7919) % 997));
    const values = Float64Array.from(weights, (w, i) => w + ((i * 104729) % 13));
    const capacity = weights.reduce((a, b) => a + b) / 2 + 0.5;
    const knapsack: LinearModel = {
      sense: 'maximize',
      numCols: n,
      numRows: 1,
      colCost: values,
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      rowLower: Float64Array.of(-Infinity),
      rowUpper: Float64Array.of(capacity),
      matrix: { starts: Int32Array.from({ length: n + 1 }, (_, j) => j), indices: new Int32Array(n), values: weights },
      integrality: new Int32Array(n).fill(1),
      names: () => ({ cols: [], rows: [] }),
    };
    const limited = solver.solve(knapsack, { mipMaxNodes: 1 });
    expect(limited.status).toBe('node_limit');
    expect(limited.hasSolution).toBe(true);
    expect(limited.mipGap).toBeGreaterThan(1e-6);
    const packed = Array.from(limited.x);
    expect(packed.every((x) => Math.abs(x) < 1e-9 || Math.abs(x - 1) < 1e-9)).toBe(true);
    expect(packed.reduce((sum, x, i) => sum + x * weights[i], 0)).toBeLessThanOrEqual(capacity + 1e-9);
    expect(packed.reduce((sum, x, i) => sum + x * values[i], 0)).toBeCloseTo(limited.objective, 6);
    expect(solver.solve(tiny({ integrality: Int32Array.of(1, 1) })).status).toBe('optimal');
  });

  it('a warm sequence that changes only costs, then bounds, then back equals cold solves', () => {
    const prices = (shift: number) => Float64Array.from({ length: 96 }, (_, t) => 50 + shift + 40 * Math.sin(t / 5));
    const base = buildModel(canonicalSite(prices(0))).model;
    const tighter = { ...base, colUpper: Float64Array.from(base.colUpper, (u, j) => (j % 7 === 0 && Number.isFinite(u) ? u * 0.9 : u)) };
    const sequence = [base, tighter, { ...tighter, colCost: buildModel(canonicalSite(prices(9))).model.colCost }, { ...base, rowUpper: Float64Array.from(base.rowUpper, (u, i) => (Number.isFinite(u) && u > 0 && base.rowLower[i] === -Infinity ? u * 0.8 : u)) }, base];
    solver.resetWarmStart();
    for (const model of sequence) {
      const warm = solver.solve(model);
      const cold = solver.solve(model, { warmStart: false });
      expect(warm.status).toBe('optimal');
      expect(warm.objective).toBeCloseTo(cold.objective, 6);
    }
  });

  it('keeps a warm basis per LP structure when structures interleave (gate, window, gate)', () => {
    const dayLp = (shift: number) => buildModel(canonicalSite(Float64Array.from({ length: 96 }, (_, t) => 50 + shift + 40 * Math.sin(t / 5)))).model;
    const windowLp = buildModel(canonicalSite(Float64Array.from({ length: 16 }, (_, t) => 30 + t))).model;
    solver.resetWarmStart();
    solver.solve(dayLp(0));
    solver.solve(windowLp);
    const warm = solver.solve(dayLp(3));
    const cold = solver.solve(dayLp(3), { warmStart: false });
    expect(warm.status).toBe('optimal');
    expect(warm.objective).toBeCloseTo(cold.objective, 6);
    // The window in between did not throw the day's basis away.
    expect(warm.iterations).toBeLessThan(cold.iterations / 2);
  });

  it('writes named LP text that HiGHS reads back to the same optimum', async () => {
    const text = solver.writeLp(tiny());
    expect(text).toContain('battery.charge_mw.a0.t0000');
    expect(text).toContain('site.poi_import_limit.t0000');
    const highs = await loadHighs();
    expect(highs.solve(text, { output_flag: false }).ObjectiveValue).toBeCloseTo(2.5, 12);
  });
});
