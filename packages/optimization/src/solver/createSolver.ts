import loadHighs from 'highs';
import type { Highs, InitOptions, Model } from 'highs';
import { isMip } from './LinearModel';
import type { LinearModel } from './LinearModel';
import type { SolveOptions, SolveResult, SolverStats } from './SolveResult';
import { compileHighs, type HighsCode } from './compileHighs';
import { readOutcome } from './readOutcome';
import { toModelData } from './toModelData';
import type { SolverWorkload } from './wasmTiering';
import { WarmSlot } from './WarmSlot';
import { webAssembly } from './webAssembly';
import type { CoefficientChanges } from './WarmSlot';

/** Default relative MIP gap: 1e-6, i.e. proven optimal for money-sized objectives. */
export const DEFAULT_MIP_REL_GAP = 1e-6;

/**
 * Our MILPs are small (tens of binaries) and their root LP is tight, so branch and bound
 * with cuts proves them optimal at once. HiGHS' primal heuristics, sub-MIPs and restarts
 * then cost 10-100x the solve itself (feasibility jump alone ~50 ms per run), so they are
 * off. Optimality is still proven to `mipRelGap`.
 */
const FAST_SMALL_MIP = {
  mip_heuristic_effort: 0,
  mip_heuristic_run_feasibility_jump: false,
  mip_heuristic_run_rins: false,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
  mip_heuristic_run_zi_round: false,
  mip_heuristic_run_shifting: false,
  mip_allow_restart: false,
  mip_detect_symmetry: false,
} as const;

/**
 * RENS at the root (`SolveOptions.mipRootHeuristic`). Its effort share only needs to be
 * positive: the root runs RENS once whatever the share (0.05 to 0.5 gave the same plans and
 * times on the real revision and imbalance years).
 */
const ROOT_RENS = { mip_heuristic_effort: 0.3, mip_heuristic_run_rens: true } as const;

/** The HiGHS options of a MILP solve (all but the time limit and `mipHighsOptions`). */
function mipOptions(options: SolveOptions): Record<string, boolean | number> {
  return {
    output_flag: false,
    ...FAST_SMALL_MIP,
    mip_rel_gap: options.mipRelGap ?? DEFAULT_MIP_REL_GAP,
    ...(options.mipMaxNodes !== undefined ? { mip_max_nodes: options.mipMaxNodes } : {}),
    ...(options.mipRootHeuristic === true ? ROOT_RENS : {}),
    // A solve that stops at the root never branches: no strong branching to rate the
    // branching candidates (same plans, 8-12 % less time on the revision year's windows).
    ...(options.mipMaxNodes === 1 ? { mip_pscost_minreliable: 0 } : {}),
  };
}

/** HiGHS options must be finite numbers; this stands for "no time limit". */
const NO_TIME_LIMIT_S = 1e300;

/** One warm HiGHS (WebAssembly) instance. Not thread-safe; one per worker. */
export interface Solver {
  /** Solves an LP or MILP. Infeasible, unbounded and limits are statuses; nothing throws. */
  solve(model: LinearModel, options?: SolveOptions): SolveResult;
  /** CPLEX LP text of the model with its LP names (debugging; names are built only here). */
  writeLp(model: LinearModel): string;
  /** Totals since creation or the last `resetStats()` (a copy). */
  readonly stats: SolverStats;
  resetStats(): void;
  /**
   * Forget the warm-start basis: the next LP starts cold. Call it at the start of every
   * run, so that a run's plans do not depend on what the instance solved before (on
   * days with tied optima the chosen dispatch follows the basis).
   */
  resetWarmStart(): void;
  /** Frees the persistent HiGHS LP model (a later solve creates a fresh one, cold). */
  dispose(): void;
  /** HiGHS version string, e.g. `1.15.1`. */
  readonly version: string;
}

/** Options of `createSolver`. */
export interface CreateSolverOptions {
  /**
   * `long` (default): a backtest of many days; V8 optimises HiGHS' hot functions.
   * `short`: a few solves (a one- or two-day run, a check); V8 keeps HiGHS on its baseline
   * compiler, which starts solving sooner. Either gives the same answers. See wasmTiering.ts.
   */
  readonly workload?: SolverWorkload;
  /**
   * HiGHS already compiled (`compileHighs`, possibly on another thread): the solver is
   * instantiated from it, with its workload; `workload` is then ignored.
   */
  readonly code?: HighsCode;
}

/**
 * Loads one HiGHS (WebAssembly) instance, from `code` or else compiled here for `workload`.
 * Its first solve pays for compiling the HiGHS code it runs (about 0.1 s); there is no
 * warm-up solve, which only moved that cost (and compiled MIP code that a run of LPs never uses).
 */
export async function createSolver(options: CreateSolverOptions = {}): Promise<Solver> {
  const code = options.code ?? (await compileHighs(options.workload ?? 'long'));
  return new HighsSolver(await loadHighs(fromCompiled(code)));
}

/**
 * Loader options that instantiate `code`'s module instead of reading and compiling the file.
 * highs-js declares a `wasmModule` option but does not read it; its Emscripten loader does
 * honour `instantiateWasm`.
 */
function fromCompiled(code: HighsCode): InitOptions {
  const instantiateWasm = (imports: object, receive: (instance: object) => void): object => {
    void webAssembly.instantiate(code.module, imports).then(receive);
    return {};
  };
  return { instantiateWasm } as InitOptions;
}

/**
 * Persistent HiGHS LP models kept warm, one per LP structure in use. A decision sequence
 * interleaves structures (a revision day: the day-ahead gate, then two 16-interval windows),
 * and with one model every switch threw the basis away, so each gate started cold.
 */
const WARM_LP_SLOTS = 3;

/** One persistent HiGHS LP model, the structure it holds and when it was last used. */
interface LpSlot {
  readonly model: Model;
  readonly warm: WarmSlot;
  timeLimit: number;
  lastUsed: number;
}

class HighsSolver implements Solver {
  private readonly totals: SolverStats = { lpSolves: 0, milpSolves: 0, solverMs: 0 };
  private readonly lpSlots: LpSlot[] = [];
  private lpSolveCount = 0;

  constructor(private readonly highs: Highs) {}

  get version(): string {
    return this.highs.version.string;
  }

  get stats(): SolverStats {
    return { ...this.totals };
  }

  resetStats(): void {
    this.totals.lpSolves = 0;
    this.totals.milpSolves = 0;
    this.totals.solverMs = 0;
  }

  solve(model: LinearModel, options: SolveOptions = {}): SolveResult {
    const mip = isMip(model);
    const started = performance.now();
    let result: SolveResult;
    try {
      result = mip ? this.runMip(model, options, started) : this.runLp(model, options, started);
    } catch (error) {
      this.resetWarmStart();
      const message = error instanceof Error ? error.message : String(error);
      result = failed(model, performance.now() - started, message);
    }
    if (mip) {
      this.totals.milpSolves += 1;
    } else {
      this.totals.lpSolves += 1;
    }
    this.totals.solverMs += result.solverMs;
    return result;
  }

  writeLp(model: LinearModel): string {
    const hm = this.highs.createModel(toModelData(this.highs, model, true));
    try {
      return hm.exportModel('lp');
    } finally {
      hm.dispose();
    }
  }

  resetWarmStart(): void {
    for (const slot of this.lpSlots) {
      slot.warm.clear();
    }
  }

  dispose(): void {
    for (const slot of this.lpSlots) {
      slot.model.dispose();
    }
    this.lpSlots.length = 0;
  }

  /**
   * The slot holding `model`'s structure (with the coefficient changes to apply), or else the
   * slot to load it into: a new one while there are fewer than WARM_LP_SLOTS, then the least
   * recently used. Cold requests (`warmStart: false`) always load, into the slot of their
   * structure when there is one.
   */
  private slotFor(model: LinearModel, warmStart: boolean): { slot: LpSlot; changes: CoefficientChanges | null } {
    if (model.numCols > 0 && model.numRows > 0) {
      for (const slot of this.lpSlots) {
        const changes = slot.warm.changesFor(model);
        if (changes !== null) {
          // A cold request reloads the slot of its own structure and leaves the others warm.
          return { slot, changes: warmStart ? changes : null };
        }
      }
    }
    if (this.lpSlots.length < WARM_LP_SLOTS) {
      const hm = this.highs.createModel();
      // Day after day only costs and bounds change, so the previous optimal basis stays
      // (nearly) primal feasible: primal simplex restarts from it faster than dual simplex
      // (about a third less HiGHS time on reserve-workflow years, tools/bench/solver-year-*.mjs).
      hm.options.set({ output_flag: false, simplex_strategy: 4 });
      const slot: LpSlot = { model: hm, warm: new WarmSlot(), timeLimit: NO_TIME_LIMIT_S, lastUsed: 0 };
      this.lpSlots.push(slot);
      return { slot, changes: null };
    }
    const oldest = this.lpSlots.reduce((a, b) => (b.lastUsed < a.lastUsed ? b : a));
    return { slot: oldest, changes: null };
  }

  private load(slot: LpSlot, model: LinearModel): void {
    slot.warm.clear();
    slot.model.passModel(toModelData(this.highs, model, false));
    slot.model.clearSolver();
    slot.warm.store(model);
  }

  private runLp(model: LinearModel, options: SolveOptions, started: number): SolveResult {
    const { slot, changes } = this.slotFor(model, options.warmStart !== false);
    slot.lastUsed = ++this.lpSolveCount;
    const hm = slot.model;
    if (changes !== null) {
      const cols = { kind: 'range', from: 0, to: model.numCols - 1 } as const;
      const changed = slot.warm.boundsChanged(model);
      hm.changeColsCost(cols, model.colCost);
      if (changed.cols) {
        hm.changeColsBounds(cols, model.colLower, model.colUpper);
      }
      if (changed.rows) {
        hm.changeRowsBounds({ kind: 'range', from: 0, to: model.numRows - 1 }, model.rowLower, model.rowUpper);
      }
      for (let i = 0; i < changes.rows.length; i++) {
        hm.changeCoefficient(changes.rows[i], changes.cols[i], changes.values[i]);
      }
      if (changes.rows.length > 0) {
        slot.warm.store(model);
      } else if (changed.cols || changed.rows) {
        slot.warm.storeBounds(model);
      }
    } else {
      this.load(slot, model);
    }
    const timeLimit = Math.min(options.timeLimitSeconds ?? NO_TIME_LIMIT_S, NO_TIME_LIMIT_S);
    if (timeLimit !== slot.timeLimit) {
      hm.options.set({ time_limit: timeLimit });
      slot.timeLimit = timeLimit;
    }
    if (timeLimit < NO_TIME_LIMIT_S) {
      hm.zeroAllClocks();
    }
    hm.run();
    const outcome = readOutcome(hm, model, false, started);
    if (changes === null || outcome.status === 'optimal') {
      return outcome;
    }
    // A warm restart that does not end optimal is retried from scratch: the status must
    // describe the model, not the basis it happened to start from.
    this.load(slot, model);
    if (timeLimit < NO_TIME_LIMIT_S) {
      hm.zeroAllClocks();
    }
    hm.run();
    return readOutcome(hm, model, false, started);
  }

  private runMip(model: LinearModel, options: SolveOptions, started: number): SolveResult {
    const hm = this.highs.createModel(toModelData(this.highs, model, false));
    try {
      hm.options.set({
        ...mipOptions(options),
        ...options.mipHighsOptions,
        time_limit: Math.min(options.timeLimitSeconds ?? NO_TIME_LIMIT_S, NO_TIME_LIMIT_S),
      });
      hm.run();
      return readOutcome(hm, model, true, started);
    } finally {
      hm.dispose();
    }
  }
}

function failed(model: LinearModel, solverMs: number, message: string): SolveResult {
  return {
    status: 'error',
    objective: Number.NaN,
    hasSolution: false,
    x: new Float64Array(model.numCols),
    solverMs,
    iterations: 0,
    message,
  };
}
