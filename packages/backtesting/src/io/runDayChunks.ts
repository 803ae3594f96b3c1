import type { ForecastProvider } from '@euroflex/forecasts';
import { addStats, dayEndSocMwh, nextDayStartSocMwh, sameSocMwh } from '../engine/dayChunks';
import { oracleFromDays, oracleIsSeparate, runOracle, type OracleResult } from '../engine/oracle';
import type { EngineContext, ExecutedDay, WalkForwardStats } from '../engine/types';
import { runWalkForward, type WalkForwardResult } from '../engine/walkForward';
import type { DayChunkThread } from './dayChunkThread';

/** How a run in two day chunks went (kept on the outcome, not written to the run directory). */
export interface DayChunkReport {
  /** First delivery date of the later chunk. */
  readonly secondChunkStartDate: string;
  /** SoC the later chunk's worker thread assumed its first day starts from (none without a thread). */
  readonly assumedStartSocMwh: readonly number[] | undefined;
  /**
   * `exact`: the earlier chunk ended bit for bit where the worker thread's chunk assumed, and
   * its days were kept. `fallback`: it did not; the thread was stopped and the later chunk run
   * on this thread from the real end. `sequential`: there was no worker thread; the later
   * chunk ran on this thread after the earlier one. The three give the same days.
   */
  readonly boundary: 'exact' | 'fallback' | 'sequential';
}

export interface DayChunkDecisions {
  readonly walk: WalkForwardResult;
  readonly oracle: OracleResult;
  readonly walkedAt: number;
  readonly oracleAt: number;
  readonly report: DayChunkReport;
}

/** The later chunk, running on a worker thread from an assumed start SoC. */
export interface LaterChunkThread {
  readonly thread: DayChunkThread;
  readonly assumedStartSocMwh: readonly number[];
}

/**
 * The walk-forward and oracle of a window in two chunks (docs/backtesting.md, Day chunks).
 * This thread runs the first chunk, then: with a worker `later` running the second chunk
 * from an assumed start, when the first chunk's planned and realized end (and its oracle's
 * end) give that start bit for bit, the worker's days are kept: they are what this thread
 * would compute from that start. Otherwise, or without a worker, the second chunk runs here
 * from the real end, with a fresh memo (`clearMemo`) like the worker's.
 */
export async function runDayChunks(
  context: EngineContext,
  provider: ForecastProvider,
  chunks: { readonly first: readonly string[]; readonly second: readonly string[] },
  later: LaterChunkThread | undefined,
  clearMemo: () => void,
  onDay: () => void,
): Promise<DayChunkDecisions> {
  const first = { ...context, dates: chunks.first };
  const walkA = await runWalkForward(first, provider, { onDay });
  const walkedAt = performance.now();
  const separateOracle = oracleIsSeparate(provider, context);
  const oracleA = separateOracle ? await runOracle(first) : undefined;

  const walkEnd = dayEndSocMwh(walkA.days[walkA.days.length - 1]);
  const plannedStart = nextDayStartSocMwh(context, walkEnd.plannedSocMwh);
  const realizedStart = nextDayStartSocMwh(context, walkEnd.realizedSocMwh);
  const oracleStart = oracleA ? nextDayStartSocMwh(context, dayEndSocMwh(oracleA.days[oracleA.days.length - 1]).realizedSocMwh) : undefined;
  const assumed = later?.assumedStartSocMwh;
  const exact =
    assumed !== undefined &&
    sameSocMwh(plannedStart, assumed) &&
    sameSocMwh(realizedStart, assumed) &&
    (oracleStart === undefined || sameSocMwh(oracleStart, assumed));

  let walkB: { days: readonly ExecutedDay[]; stats: WalkForwardStats };
  let oracleB: { days: readonly ExecutedDay[]; stats: WalkForwardStats } | undefined;
  if (exact && later) {
    const result = await later.thread.result;
    walkB = result.walk;
    oracleB = result.oracle;
  } else {
    await later?.thread.cancel();
    clearMemo();
    const second = { ...context, dates: chunks.second };
    walkB = await runWalkForward(second, provider, { onDay, start: { plannedSocMwh: plannedStart, realizedSocMwh: realizedStart } });
    oracleB = oracleA ? await runOracle(second, undefined, oracleStart) : undefined;
  }
  if (separateOracle !== (oracleB !== undefined)) {
    throw new Error('the two day chunks disagree on whether the walk-forward is its own oracle: this is a bug in the engine');
  }
  const walk = { days: [...walkA.days, ...walkB.days], stats: addStats(walkA.stats, walkB.stats) };
  const oracle =
    oracleA && oracleB
      ? oracleFromDays(context, [...oracleA.days, ...oracleB.days], addStats(oracleA.stats, oracleB.stats))
      : await runOracle(context, walk);
  return {
    walk,
    oracle,
    walkedAt,
    oracleAt: performance.now(),
    report: { secondChunkStartDate: chunks.second[0], assumedStartSocMwh: assumed, boundary: later === undefined ? 'sequential' : exact ? 'exact' : 'fallback' },
  };
}
