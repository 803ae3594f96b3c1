import type { Solver } from '../solver/createSolver';
import { isKept } from '../solver/solveMemo';
import type { LinearModel } from '../solver/LinearModel';
import type { SolveOptions, SolveResult } from '../solver/SolveResult';
import type { DispatchStats, ExtendedDispatchResult } from './DispatchResult';

/** Counts the solves of one decision (LPs, MILPs, answers reused from a memo, binaries, time inside HiGHS). */
export class DispatchTally {
  private lpSolves = 0;
  private milpSolves = 0;
  private solverMs = 0;
  private memoSolves = 0;
  private sawMilp = false;
  private binaryCount = 0;
  private mipGap: number | null = null;
  private mipBound: number | undefined;
  private flatWindow = false;
  private coarseFactor = 1;
  private unkept = 0;

  constructor(
    private readonly solver: Solver,
    private readonly options: SolveOptions,
  ) {}

  /** Solves with the decision's options, `overrides` laid over them. */
  solve(model: LinearModel, overrides?: SolveOptions): SolveResult {
    const result = this.solver.solve(model, overrides === undefined ? this.options : { ...this.options, ...overrides });
    if (!isKept(result)) {
      this.unkept += 1;
    }
    if (result.fromMemo === true) {
      this.memoSolves += 1;
    } else if (model.integrality === undefined) {
      this.lpSolves += 1;
    } else {
      this.milpSolves += 1;
    }
    if (model.integrality !== undefined) {
      this.sawMilp = true;
      this.mipGap = result.mipGap ?? null;
      this.mipBound = result.mipBound;
      this.binaryCount = model.integrality.reduce((sum, flag) => sum + (flag !== 0 ? 1 : 0), 0);
    }
    this.solverMs += result.solverMs;
    return result;
  }

  /**
   * Marks the decision as solved by the flat-window relaxation (flatWindow.ts). The
   * relaxation's bound leaves out the window's constant money, so no bound is reported; the
   * gap is 0 (the plan reached the bound).
   */
  markFlatWindow(): void {
    this.flatWindow = true;
    this.mipGap = 0;
    this.mipBound = undefined;
  }

  /** Marks the decision as solved on the coarse grid of `factor` x dt (coarseGrid.ts). */
  markCoarseGrid(factor: number): void {
    this.coarseFactor = factor;
  }

  /** True when a memo kept every solve so far, or answered it (see `isKept`). */
  get allKept(): boolean {
    return this.unkept === 0;
  }

  get solvedAs(): 'lp' | 'milp' {
    return this.sawMilp ? 'milp' : 'lp';
  }

  /** A result without a plan: infeasible, unbounded, a limit without incumbent, or an error. */
  failure(result: SolveResult): ExtendedDispatchResult {
    return {
      status: result.status === 'optimal' ? 'error' : result.status,
      objectiveEur: Number.NaN,
      assets: [],
      solvedAs: this.solvedAs,
      stats: this.stats(),
      message: result.message ?? `the ${this.sawMilp ? 'MILP' : 'LP'} ended ${result.status}`,
    };
  }

  stats(): DispatchStats {
    return {
      lpSolves: this.lpSolves,
      milpSolves: this.milpSolves,
      memoSolves: this.memoSolves,
      binaryCount: this.binaryCount,
      solverMs: this.solverMs,
      mipGap: this.mipGap,
      ...(this.mipBound !== undefined ? { mipBoundEur: this.mipBound } : {}),
      ...(this.flatWindow ? { flatWindow: true } : {}),
      ...(this.coarseFactor > 1 ? { coarseFactor: this.coarseFactor } : {}),
    };
  }
}
