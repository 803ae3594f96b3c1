import type { ExtendedDispatchResult } from './DispatchResult';
import type { ExtendedDispatchProblem } from './DispatchProblem';
import type { DispatchOptions } from './DispatchOptions';
import { float64Copy } from '../memory/typedSlab';

/**
 * Whole dispatch decisions remembered by a memo solver (solver/solveMemo.ts), next to the
 * answers of its models.
 *
 * Why: under a persistence forecast the oracle's problem for day D is the walk-forward's gate
 * problem for day D + 1. The memo answered each of its models, but the oracle still built
 * them, hashed them and read their plans again: about 150 ms of a 2024 persistence year.
 *
 * When: a decision is kept whole only when the memo kept every solve in it (or answered it),
 * so that the same problem with the same options would be answered solve by solve from the
 * memo, in the same order, to the same plan: the decision kept whole is that plan. Its stats
 * are those of that path: no LP or MILP in HiGHS, every solve a memo answer, no HiGHS time.
 *
 * Options: a decision that solved LPs only matches whatever the MILP options (`mipRelGap`,
 * `mipMaxNodes`, `mipRootHeuristic`): its LPs (same models, same LP options) have the same
 * answers whatever those are, so the same plan needs no MILP. That is what lets the oracle,
 * which has no node limit, reuse the gate's decision. A decision with a MILP matches only the
 * same options.
 */

/** Every option, and whether it matters to LPs too or to MILPs only (the compiler keeps this complete). */
const OPTION_SCOPE: Record<keyof DispatchOptions, 'lp' | 'milp'> = {
  timeLimitSeconds: 'lp',
  exclusivity: 'lp',
  warmStart: 'lp',
  memo: 'lp',
  flatWindows: 'lp',
  coarseGrid: 'lp',
  mipRelGap: 'milp',
  mipMaxNodes: 'milp',
  mipRootHeuristic: 'milp',
};
const OPTION_NAMES = Object.keys(OPTION_SCOPE) as (keyof DispatchOptions)[];

/** A decision kept whole: its problem and options (copies), and its result as the memo gives it. */
interface KeptDecision {
  readonly problem: ExtendedDispatchProblem;
  readonly options: DispatchOptions;
  /** True when the decision solved LPs only: then the MILP options need not match. */
  readonly lpOnly: boolean;
  readonly result: ExtendedDispatchResult;
}

/**
 * The decisions a memo solver keeps whole, found by a hash of the problem's day-ahead prices
 * and checked equal in full (every number bit for bit, and the options).
 */
export class DecisionMemo {
  private readonly kept = new Map<number, KeptDecision[]>();

  /**
   * The kept decision for `problem` and `options`, handed over and forgotten (a decision is
   * asked for again once, by the oracle: a later identical request is answered by the memo's
   * models, to the same plan); undefined if none.
   */
  take(problem: ExtendedDispatchProblem, options: DispatchOptions): ExtendedDispatchResult | undefined {
    const key = fingerprint(problem);
    const list = this.kept.get(key);
    const index = list?.findIndex((kept) => sameOptions(kept, options) && same(kept.problem, problem)) ?? -1;
    if (list === undefined || index < 0) {
      return undefined;
    }
    const [found] = list.splice(index, 1);
    if (list.length === 0) {
      this.kept.delete(key);
    }
    return found.result;
  }

  /** Keeps a decision (see the module comment for when a decision may be kept). */
  keep(problem: ExtendedDispatchProblem, options: DispatchOptions, result: ExtendedDispatchResult): void {
    const key = fingerprint(problem);
    const list = this.kept.get(key) ?? [];
    list.push({ problem: copyOf(problem), options: { ...options }, lpOnly: result.solvedAs === 'lp', result: asRemembered(result) });
    this.kept.set(key, list);
  }

  clear(): void {
    this.kept.clear();
  }
}

function sameOptions(kept: KeptDecision, options: DispatchOptions): boolean {
  return OPTION_NAMES.every((name) => (kept.lpOnly && OPTION_SCOPE[name] === 'milp') || Object.is(kept.options[name], options[name]));
}

/** A hash of the interval count and the day-ahead prices (which differ from day to day). */
function fingerprint(problem: ExtendedDispatchProblem): number {
  const prices = problem.dayAheadPriceEurPerMwh;
  const words = new Int32Array(prices.buffer, prices.byteOffset, prices.length * 2);
  let hash = problem.intervalCount | 0;
  for (let i = 0; i < words.length; i++) {
    hash = Math.imul(hash ^ words[i], 0x9e3779b1) ^ (hash >>> 15);
  }
  return hash;
}

/** Deep equality of problem content: typed arrays bit for bit, numbers by `Object.is`, same keys. */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    return ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && a.constructor === b.constructor && sameBytes(a, b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  let definedA = 0;
  for (const key of Object.keys(recordA)) {
    if (recordA[key] !== undefined) {
      definedA++;
      if (!same(recordA[key], recordB[key])) {
        return false;
      }
    }
  }
  let definedB = 0;
  for (const key of Object.keys(recordB)) {
    if (recordB[key] !== undefined) {
      definedB++;
    }
  }
  return definedA === definedB;
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) {
    return false;
  }
  // Word by word where both views allow it (every Float64Array and Int32Array), else byte by byte.
  const words = a.byteLength % 4 === 0 && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0;
  const [viewA, viewB] = words
    ? [new Int32Array(a.buffer, a.byteOffset, a.byteLength / 4), new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4)]
    : [new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength)];
  for (let i = 0; i < viewA.length; i++) {
    if (viewA[i] !== viewB[i]) {
      return false;
    }
  }
  return true;
}

/** The decision as a later request gets it from the memo: its own copy, with memo stats. */
function asRemembered(result: ExtendedDispatchResult): ExtendedDispatchResult {
  return copyOf({ ...result, stats: { ...result.stats, lpSolves: 0, milpSolves: 0, memoSolves: solvesOf(result), solverMs: 0 } });
}

/** Solves a decision made (LPs and MILPs in HiGHS, and memo answers). */
export function solvesOf(result: ExtendedDispatchResult): number {
  return result.stats.lpSolves + result.stats.milpSolves + result.stats.memoSolves;
}

/** A deep copy: typed arrays copied (their own values only), arrays and plain objects rebuilt. */
function copyOf<T>(value: T): T {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (value instanceof Float64Array) {
    return float64Copy(value) as unknown as T;
  }
  if (ArrayBuffer.isView(value)) {
    return (value as unknown as Int32Array).slice() as unknown as T;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      out[i] = copyOf(value[i]);
    }
    return out as T;
  }
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    out[key] = copyOf(record[key]);
  }
  return out as T;
}
