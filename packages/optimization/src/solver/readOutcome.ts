import type { Model } from 'highs';
import type { LinearModel } from './LinearModel';
import type { SolveResult } from './SolveResult';
import { statusOf } from './statusOf';

/** HiGHS `primal_solution_status` value for "a feasible point is available". */
const FEASIBLE = 2;

/** Reads status, solution and counters of a finished run; the clock stops after the last HiGHS call. */
export function readOutcome(hm: Model, model: LinearModel, mip: boolean, started: number): SolveResult {
  const { status, message } = statusOf(hm.getModelStatus());
  const hasSolution = Number(hm.info.get('primal_solution_status')) === FEASIBLE;
  const solution = hasSolution ? hm.getSolution() : undefined;
  const objective = hasSolution ? hm.getObjectiveValue() : Number.NaN;
  const iterations = Number(hm.info.get(mip ? 'mip_node_count' : 'simplex_iteration_count'));
  const mipGap = mip ? Number(hm.info.get('mip_gap')) : undefined;
  const mipBound = mip ? Number(hm.info.get('mip_dual_bound')) : undefined;
  const solverMs = performance.now() - started;
  return {
    status,
    objective,
    hasSolution,
    x: solution?.colValue ?? new Float64Array(model.numCols),
    ...(!mip && status === 'optimal' && solution !== undefined ? { rowDual: solution.rowDual } : {}),
    ...(mipGap !== undefined ? { mipGap } : {}),
    ...(mipBound !== undefined && Number.isFinite(mipBound) ? { mipBound } : {}),
    solverMs,
    iterations: Math.max(0, iterations),
    ...(message !== undefined ? { message } : {}),
  };
}
