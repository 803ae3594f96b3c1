import type { SeriesName } from '@euroflex/config';
import { INTERVAL_MS, isoUtc } from '@euroflex/markets';
import type { ForecastRequest, ForecastSnapshot } from './contract';

/** One row of the `forecast_snapshots` artifact table: one delivery interval of one snapshot. */
export interface SnapshotRow {
  readonly decision_id: string;
  readonly series: SeriesName;
  readonly provider_name: string;
  /** ISO-8601 UTC, e.g. `2024-04-01T10:00:00Z`. */
  readonly decision_time_utc: string;
  readonly issue_time_utc: string;
  readonly available_from_utc: string;
  readonly delivery_start_utc: string;
  /** Exclusive end: start + 15 min. */
  readonly delivery_end_utc: string;
  /** Point forecast, in the unit of the series. */
  readonly forecast_value: number;
  /** Realised value, attached by the engine after the provider returned; null when unknown. */
  readonly actual_value: number | null;
}

/**
 * The artifact rows of one snapshot. `actual` (aligned with the delivery instants) is
 * attached by the engine after the provider returned; the provider never sees it.
 */
export function snapshotRows(
  snapshot: ForecastSnapshot,
  request: ForecastRequest,
  decisionId: string,
  actual?: Float64Array,
): SnapshotRow[] {
  const instants = request.deliveryInstantsMs;
  if (snapshot.values.length !== instants.length || (actual !== undefined && actual.length !== instants.length)) {
    throw new RangeError(
      `snapshot rows of ${decisionId}: ${instants.length} delivery intervals, ${snapshot.values.length} forecasts, ` +
        `${actual?.length ?? 'no'} actuals`,
    );
  }
  const decisionTime = isoUtc(request.decisionTimeMs);
  const issueTime = isoUtc(snapshot.issueTimeMs);
  const availableFrom = isoUtc(snapshot.availableFromMs);
  const rows: SnapshotRow[] = new Array<SnapshotRow>(instants.length);
  let start = instants.length > 0 ? isoUtc(instants[0]) : '';
  for (let i = 0; i < instants.length; i += 1) {
    const endMs = instants[i] + INTERVAL_MS;
    // Contiguous horizons share labels: the end of one interval is the start of the next.
    const end = isoUtc(endMs);
    rows[i] = {
      decision_id: decisionId,
      series: snapshot.series,
      provider_name: snapshot.provider,
      decision_time_utc: decisionTime,
      issue_time_utc: issueTime,
      available_from_utc: availableFrom,
      delivery_start_utc: start,
      delivery_end_utc: end,
      forecast_value: snapshot.values[i],
      actual_value: actual === undefined ? null : actual[i],
    };
    if (i + 1 < instants.length) {
      start = instants[i + 1] === endMs ? end : isoUtc(instants[i + 1]);
    }
  }
  return rows;
}
