import type { SeriesName } from '@euroflex/config';
import type { ForecastProvider } from '@euroflex/forecasts';
import { INTERVAL_MS } from '@euroflex/markets';
import type { ExtendedDispatchResult } from '@euroflex/optimization';
import { forecastFor, type SeriesForecast } from './forecastFor';
import type { DecisionRecord, DecisionType, EngineContext, SnapshotRecord, WalkForwardStats } from './types';

/** What one delivery day's decisions leave in the run's logs: forecast snapshots, decisions, solve counts. */
export interface DayLog {
  readonly stats: WalkForwardStats;
  readonly snapshots: SnapshotRecord[];
  readonly decisions: DecisionRecord[];
  /** The forecast of `series` for `instants` (default the day's) as of `atMs`, kept as a snapshot. */
  forecast(series: SeriesName, id: string, atMs: number, instants?: Float64Array): Promise<SeriesForecast>;
  /**
   * A decision over the day's intervals from `startIndex`: `result` when it was solved, else
   * `reused`, the earlier plan it keeps (then nothing is counted as solved).
   */
  record(
    decisionType: DecisionType,
    decisionId: string,
    decisionTimeMs: number,
    startIndex: number,
    lockedIntervals: number,
    result: ExtendedDispatchResult | undefined,
    reused: ExtendedDispatchResult | undefined,
  ): void;
}

export function createDayLog(context: EngineContext, provider: ForecastProvider, date: string, instantsMs: Float64Array): DayLog {
  const stats: WalkForwardStats = { lpSolves: 0, milpSolves: 0, memoSolves: 0, solverMs: 0, decisions: 0 };
  const snapshots: SnapshotRecord[] = [];
  const decisions: DecisionRecord[] = [];
  const horizonEndMs = instantsMs[instantsMs.length - 1] + INTERVAL_MS;
  return {
    stats,
    snapshots,
    decisions,
    async forecast(series, id, atMs, instants = instantsMs) {
      const result = await forecastFor(context, provider, series, id, atMs, instants);
      snapshots.push(result.record);
      return result;
    },
    record(decisionType, decisionId, decisionTimeMs, startIndex, lockedIntervals, result, reused) {
      const source = (result ?? reused) as ExtendedDispatchResult;
      if (result) {
        stats.lpSolves += result.stats.lpSolves;
        stats.milpSolves += result.stats.milpSolves;
        stats.memoSolves += result.stats.memoSolves;
        stats.solverMs += result.stats.solverMs;
      }
      stats.decisions += 1;
      decisions.push({
        decisionId,
        decisionType,
        decisionTimeMs,
        deliveryDate: date,
        horizonStartMs: instantsMs[startIndex],
        horizonEndMs: decisionType === 'revision' ? instantsMs[startIndex + lockedIntervals - 1] + INTERVAL_MS : horizonEndMs,
        lockedIntervals,
        scheduleVersion: decisionType === 'imbalance_rebalance' ? 'rebalance' : 'baseline',
        status: source.status,
        solveKind: result === undefined ? 'reused' : result.solvedAs,
        binaryCount: result ? result.stats.binaryCount : 0,
        gridMinutes: result ? ((result.stats.coarseFactor ?? 1) * INTERVAL_MS) / 60_000 : Number.NaN,
        mipGap: result && result.solvedAs === 'milp' ? result.stats.mipGap ?? null : null,
        objectiveEur: source.objectiveEur,
      });
    },
  };
}
