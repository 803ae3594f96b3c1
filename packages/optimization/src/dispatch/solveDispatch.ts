import { UserError } from '@euroflex/config';
import { buildModel } from '../buildModel';
import type { DispatchLayout } from '../buildModel';
import type { Solver } from '../solver/createSolver';
import type { LinearModel } from '../solver/LinearModel';
import type { SolveOptions, SolveResult, SolveStatus } from '../solver/SolveResult';
import type { DispatchProblem } from './DispatchProblem';
import type { DispatchAssetPlan, DispatchDuals, DispatchResult } from './DispatchResult';
import { exclusivityModes, fixModes, overlapsWhereBinary, removeOverlap } from './exclusivity';
import { planObjectiveEur, readModeValues, readPlan } from './readPlan';
import { validateDispatchProblem } from './validateDispatchProblem';

/** Options of one dispatch decision. */
export interface DispatchOptions {
  /** Per HiGHS run, in seconds. Defaults to no limit. */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap. Defaults to 1e-6 (proven optimal). */
  readonly mipRelGap?: number;
  /**
   * `lp_first` (default): solve the LP, re-solve as a MILP only if it overlaps where burning
   * pays. `always_milp`: a binary in every interval, as the reference does (for comparisons).
   */
  readonly exclusivity?: 'lp_first' | 'always_milp';
  /** Reuse the solver's warm LP basis. Defaults to true (see `SolveOptions.warmStart`). */
  readonly warmStart?: boolean;
}

/**
 * The da_only kernel: maximise sum_a,t dt [pDA (d - c) - k (c + d)] subject to spec/model.md
 * constraints 1-4 and 7, for one asset or several behind one POI. Solves the LP first and
 * falls back to a MILP with binaries only where simultaneous charge and discharge can pay
 * (see exclusivity.ts); after a MILP, the LP with the chosen modes fixed gives an exact,
 * overlap-free plan and the POI duals. Throws a UserError for an inconsistent problem;
 * infeasibility is a status.
 */
export function solveDispatch(solver: Solver, problem: DispatchProblem, options: DispatchOptions = {}): DispatchResult {
  const issues = validateDispatchProblem(problem);
  if (issues.length > 0) {
    throw new UserError(`dispatch problem is invalid: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  }
  const tally = new Tally(solver, {
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.mipRelGap !== undefined ? { mipRelGap: options.mipRelGap } : {}),
    ...(options.warmStart !== undefined ? { warmStart: options.warmStart } : {}),
  });
  const everywhere = options.exclusivity === 'always_milp';
  const modes = exclusivityModes(problem, everywhere);

  if (!everywhere) {
    const lp = buildModel(problem);
    const result = tally.solve(lp.model);
    if (result.status !== 'optimal') {
      return tally.failure(result);
    }
    const plans = readPlan(problem, lp.layout, result.x);
    if (!overlapsWhereBinary(modes, plans)) {
      return tally.finish(problem, plans, modes, 'lp', result.status, poiDuals(lp.layout, result));
    }
  }

  const milp = buildModel(problem, { modes });
  const milpResult = tally.solve(milp.model);
  if (!milpResult.hasSolution) {
    return tally.failure(milpResult);
  }
  const fixed = modes.map((assetModes, a) => fixModes(assetModes, readModeValues(milp.layout, a, milpResult.x)));
  const lp = buildModel(problem, { modes: fixed });
  const result = tally.solve(lp.model);
  if (result.status !== 'optimal') {
    return tally.failure(result);
  }
  const plans = readPlan(problem, lp.layout, result.x);
  const status = milpResult.status === 'optimal' ? result.status : milpResult.status;
  return tally.finish(problem, plans, fixed, 'milp', status, poiDuals(lp.layout, result));
}

function poiDuals(layout: DispatchLayout, result: SolveResult): DispatchDuals | undefined {
  const dual = result.rowDual;
  if (dual === undefined) {
    return undefined;
  }
  const { importLimit, exportLimit } = layout.poi;
  return {
    poiImportEurPerMw: dual.slice(importLimit.offset, importLimit.offset + importLimit.count),
    poiExportEurPerMw: dual.slice(exportLimit.offset, exportLimit.offset + exportLimit.count),
  };
}

/** Counts the solves of one decision and assembles its result. */
class Tally {
  private lpSolves = 0;
  private milpSolves = 0;
  private solverMs = 0;
  private binaryCount = 0;
  private mipGap: number | null = null;

  constructor(
    private readonly solver: Solver,
    private readonly options: SolveOptions,
  ) {}

  solve(model: LinearModel): SolveResult {
    const result = this.solver.solve(model, this.options);
    if (model.integrality === undefined) {
      this.lpSolves += 1;
    } else {
      this.milpSolves += 1;
      this.mipGap = result.mipGap ?? null;
      this.binaryCount = model.integrality.reduce((sum, flag) => sum + (flag !== 0 ? 1 : 0), 0);
    }
    this.solverMs += result.solverMs;
    return result;
  }

  failure(result: SolveResult): DispatchResult {
    return {
      status: result.status === 'optimal' ? 'error' : result.status,
      objectiveEur: Number.NaN,
      assets: [],
      solvedAs: this.milpSolves > 0 ? 'milp' : 'lp',
      stats: this.stats(),
      message: result.message ?? `the ${this.milpSolves > 0 ? 'MILP' : 'LP'} ended ${result.status}`,
    };
  }

  finish(
    problem: DispatchProblem,
    plans: DispatchAssetPlan[],
    modes: readonly Uint8Array[],
    solvedAs: 'lp' | 'milp',
    status: SolveStatus,
    duals: DispatchDuals | undefined,
  ): DispatchResult {
    problem.assets.forEach((asset, a) => removeOverlap(asset, modes[a], plans[a].chargeMw, plans[a].dischargeMw));
    return {
      status,
      objectiveEur: planObjectiveEur(problem, plans),
      assets: plans,
      solvedAs,
      stats: this.stats(),
      ...(duals !== undefined ? { duals } : {}),
    };
  }

  private stats(): DispatchResult['stats'] {
    return {
      lpSolves: this.lpSolves,
      milpSolves: this.milpSolves,
      binaryCount: this.binaryCount,
      solverMs: this.solverMs,
      mipGap: this.mipGap,
    };
  }
}
