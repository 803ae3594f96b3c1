import { createHash } from 'node:crypto';
import type { Solver } from './createSolver';
import { isMip } from './LinearModel';
import type { LinearModel } from './LinearModel';
import type { SolveOptions, SolveResult, SolverStats } from './SolveResult';
import { float64Copy } from '../memory/typedSlab';

/**
 * A solver that answers a model it has already solved, bit for bit, from memory.
 *
 * Why: under a persistence forecast tomorrow's forecast is today's actual, so the oracle's
 * problem for day D is exactly the walk-forward's gate problem for day D + 1 (same prices,
 * same start SoC, same bounds): 367 of the 375 oracle solves of the 2024 da_only persistence
 * year, and 360 of 365 with FCR, repeat a walk-forward model. Only solves that ask for it
 * (`SolveOptions.memo`) are remembered and looked up, so intraday windows do not fill memory.
 *
 * The key is the SHA-256 of everything that defines the model: sense, sizes, costs, bounds,
 * matrix and integrality, plus the MILP gap and `warmStart` (a cold solve is
 * order-independent, a warm one need not be). Only deterministic outcomes are kept:
 * `optimal`, and `node_limit` (node counts are deterministic), never a time limit. A MILP
 * proven optimal to the gap answers any later request for that model and gap, whatever its
 * node limit or heuristics (the oracle's unlimited MILP of a negative-price day thus reuses
 * the gate's, proven within its 100 nodes); a `node_limit` answer only a request with the
 * same limits. A hit costs no HiGHS time and is marked `fromMemo`.
 */
export interface MemoSolver extends Solver {
  /** Solves answered from memory since creation. */
  readonly memoSolves: number;
  /** Forget every remembered answer. */
  clearMemo(): void;
  /**
   * An object kept with this memo under `name` (made by `create` on first use) and cleared
   * with it (`clearMemo`): the dispatch layer keeps whole decisions in one
   * (dispatch/decisionMemo.ts).
   */
  attachment<T extends { clear(): void }>(name: string, create: () => T): T;
  /** Counts `solves` answers given from an attachment, as `memoSolves`. */
  countAnswers(solves: number): void;
}

/** True when `solver` is a memo (`memoSolver`), which can also hold derived answers. */
export function isMemoSolver(solver: Solver): solver is MemoSolver {
  return solver instanceof SolveMemo;
}

export function memoSolver(inner: Solver): MemoSolver {
  return new SolveMemo(inner);
}

class SolveMemo implements MemoSolver {
  private readonly answers = new Map<string, { readonly result: SolveResult; readonly limits: string }>();
  private readonly attachments = new Map<string, { clear(): void }>();
  private hits = 0;

  constructor(private readonly inner: Solver) {}

  get memoSolves(): number {
    return this.hits;
  }

  get stats(): SolverStats {
    return this.inner.stats;
  }

  get version(): string {
    return this.inner.version;
  }

  solve(model: LinearModel, options: SolveOptions = {}): SolveResult {
    if (options.memo !== true || options.mipHighsOptions !== undefined) {
      return this.inner.solve(model, options);
    }
    const key = memoKey(model, options);
    const limits = `${options.mipMaxNodes ?? 'none'}/${options.mipRootHeuristic === true}`;
    const known = this.answers.get(key);
    if (known !== undefined && (known.result.status === 'optimal' || known.limits === limits)) {
      this.hits += 1;
      return copyResult(known.result, true);
    }
    const result = this.inner.solve(model, options);
    if (isKept(result)) {
      this.answers.set(key, { result: copyResult(result, false), limits });
    }
    return result;
  }

  writeLp(model: LinearModel): string {
    return this.inner.writeLp(model);
  }

  resetStats(): void {
    this.inner.resetStats();
  }

  resetWarmStart(): void {
    this.inner.resetWarmStart();
  }

  dispose(): void {
    this.clearMemo();
    this.inner.dispose();
  }

  clearMemo(): void {
    this.answers.clear();
    for (const attachment of this.attachments.values()) {
      attachment.clear();
    }
  }

  attachment<T extends { clear(): void }>(name: string, create: () => T): T {
    let attachment = this.attachments.get(name);
    if (attachment === undefined) {
      attachment = create();
      this.attachments.set(name, attachment);
    }
    return attachment as T;
  }

  countAnswers(solves: number): void {
    this.hits += solves;
  }
}

/**
 * True when `memo` keeps `result` for later requests (see `SolveMemo.solve`): an optimal
 * answer, or a node-limit answer with a solution. A decision whose solves are all kept, or
 * answered from the memo, can be kept whole (dispatch/decisionMemo.ts).
 */
export function isKept(result: SolveResult): boolean {
  return result.fromMemo === true || result.status === 'optimal' || (result.status === 'node_limit' && result.hasSolution);
}

/** A copy whose arrays callers may change without touching the memo. */
function copyResult(result: SolveResult, fromMemo: boolean): SolveResult {
  return {
    ...result,
    x: float64Copy(result.x),
    ...(result.rowDual !== undefined ? { rowDual: float64Copy(result.rowDual) } : {}),
    ...(fromMemo ? { solverMs: 0, iterations: 0, fromMemo: true } : {}),
  };
}

function memoKey(model: LinearModel, options: SolveOptions): string {
  const hash = createHash('sha256');
  const mip = isMip(model);
  const settings = mip ? [options.mipRelGap ?? null, options.warmStart !== false] : [options.warmStart !== false];
  hash.update(JSON.stringify([model.sense, model.numCols, model.numRows, mip, settings]));
  for (const values of [model.colCost, model.colLower, model.colUpper, model.rowLower, model.rowUpper, model.matrix.starts, model.matrix.indices, model.matrix.values]) {
    hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }
  if (mip && model.integrality !== undefined) {
    hash.update(new Uint8Array(model.integrality.buffer, model.integrality.byteOffset, model.integrality.byteLength));
  }
  return hash.digest('base64');
}
