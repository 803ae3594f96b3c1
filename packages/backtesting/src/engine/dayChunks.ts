import { oracleMode } from './oracle';
import type { EngineContext, ExecutedDay, WalkForwardStats } from './types';

/**
 * Fewest delivery days a window of independent days must have to be decided in two chunks
 * (docs/backtesting.md, Day chunks): below four weeks a second thread's start-up (modules,
 * data, HiGHS) would eat the gain.
 */
export const DAY_CHUNK_MIN_DAYS = 28;

/**
 * Whether each day is re-planned within the day (schedule revisions, imbalance rebalances):
 * several solves a day, the work a second thread pays for. A year of one solve a day (about
 * 2-3 s of decisions, most of the oracle answered from the memo) does not repay the second
 * thread's start-up, about 1.4 s of CPU on a two-core machine (decision 0004).
 */
export function replansWithinDay(context: Pick<EngineContext, 'config' | 'workflow'>): boolean {
  return context.config.workflow === 'schedule_revision' || context.workflow === 'da_plus_imbalance';
}

/**
 * Whether a second thread pays for the window's days: they are re-planned within the day
 * (`replansWithinDay`), or their FCR capacity may change every quarter-hour (blocks under an
 * hour, reference_v1's 15 minutes), which gives each day's LP a reserve column per quarter-hour
 * and leaves it no coarse grid (docs/optimization/model.md): about 2 s in HiGHS for a year,
 * which two threads cut by a quarter. A year of one coarse LP a day (0.5-0.7 s in HiGHS) was
 * even or slower on two threads (docs/backtesting.md, Day chunks).
 */
export function splitPays(context: Pick<EngineContext, 'config' | 'workflow' | 'model'>): boolean {
  return replansWithinDay(context) || (context.workflow === 'da_plus_fcr' && context.model.fcr_block_minutes < 60);
}

/**
 * Whether the days of the window are independent problems, so that a later chunk can start
 * before the earlier one ends (docs/backtesting.md, Day chunks): every day starts from
 * `initial_soc_mwh` (reset_daily) or from the pinned terminal SoC of the day before (terminal
 * `equal`). aFRR workflows are excluded: the realized SoC follows the actual activations and
 * drifts from the pinned target, so the chunk boundary would nearly always fail its check.
 */
export function daysAreIndependent(context: Pick<EngineContext, 'model' | 'assets' | 'dates' | 'workflow'>): boolean {
  return oracleMode(context) === 'per_day' && context.dates.length > 1 && context.workflow !== 'da_plus_afrr';
}

/**
 * The chunks a window is decided in: two contiguous chunks (the first holds ceil(n / 2)
 * days) when its days are independent, worth a second thread (`splitPays`), and at least
 * DAY_CHUNK_MIN_DAYS of them, else the whole window. Each chunk starts with a fresh warm start and a fresh memo, whether
 * it runs on its own thread or after the other one, so the split is part of what a run
 * computes: it depends on the input only, never on timing, threads or the machine.
 */
export function dayChunksOf(context: Pick<EngineContext, 'config' | 'model' | 'assets' | 'dates' | 'workflow'>): readonly (readonly string[])[] {
  const { dates } = context;
  if (dates.length < DAY_CHUNK_MIN_DAYS || !daysAreIndependent(context) || !splitPays(context)) {
    return [dates];
  }
  const first = Math.ceil(dates.length / 2);
  return [dates.slice(0, first), dates.slice(first)];
}

/**
 * The SoC a later chunk assumes its first day starts from, planned and realized alike: the
 * pinned terminal target under `soc_carry: carry` (each day ends there), else `initial_soc_mwh`.
 */
export function assumedChunkStartSocMwh(context: Pick<EngineContext, 'model' | 'assets'>): number[] {
  const carry = context.model.switches.soc_carry === 'carry';
  return context.assets.map((asset) => (carry && asset.terminalSocMwh !== null ? asset.terminalSocMwh : asset.initialSocMwh));
}

/**
 * The SoC the sequential run would start the next day from after a day that ended at
 * `endSocMwh`: the end itself under `carry`, else `initial_soc_mwh`.
 */
export function nextDayStartSocMwh(context: Pick<EngineContext, 'model' | 'assets'>, endSocMwh: readonly number[]): readonly number[] {
  return context.model.switches.soc_carry === 'carry' ? endSocMwh : context.assets.map((asset) => asset.initialSocMwh);
}

/** Bit-for-bit equality of two SoC vectors (no tolerance: a chunk boundary is exact or it is not used). */
export function sameSocMwh(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/** The end SoC of a day as executed (realized) and as planned, per asset. */
export function dayEndSocMwh(day: ExecutedDay): { plannedSocMwh: number[]; realizedSocMwh: number[] } {
  return {
    plannedSocMwh: day.assets.map((asset) => asset.plannedSocMwh[asset.plannedSocMwh.length - 1]),
    realizedSocMwh: day.assets.map((asset) => asset.socMwh[asset.socMwh.length - 1]),
  };
}

/** Counters of two chunks, summed (solver time is summed over both threads). */
export function addStats(a: WalkForwardStats, b: WalkForwardStats): WalkForwardStats {
  return {
    lpSolves: a.lpSolves + b.lpSolves,
    milpSolves: a.milpSolves + b.milpSolves,
    memoSolves: a.memoSolves + b.memoSolves,
    solverMs: a.solverMs + b.solverMs,
    decisions: a.decisions + b.decisions,
  };
}
