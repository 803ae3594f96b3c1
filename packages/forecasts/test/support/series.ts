import { DateTime } from 'luxon';
import type { SeriesName } from '@euroflex/config';
import { headOf, localDatesBetween, localDayGrid, visibleCount, type PublicationRule, type Series } from '@euroflex/markets';
import type { ForecastRequest } from '../../src/contract';

export const BRUSSELS = 'Europe/Brussels';

/** Day-ahead auction results: public at D-1 12:00 + 60 min. */
export const DAY_AHEAD_RULE: PublicationRule = { kind: 'daily_auction', gateLocal: '12:00', lagMinutes: 60 };
/** Imbalance / activation: public 15 min after the interval ends. */
export const AFTER_INTERVAL_RULE: PublicationRule = { kind: 'after_interval', lagMinutes: 15 };

/**
 * A readable value for a local quarter-hour: day-of-month x 10000 + HHMM, plus 0.5 on the
 * second occurrence of an autumn DST time. 2024-03-31 01:45 reads 310145.
 */
export function labelValue(instantMs: number, timezone: string, secondOccurrence: boolean): number {
  const local = DateTime.fromMillis(instantMs, { zone: timezone });
  return local.day * 10000 + local.hour * 100 + local.minute + (secondOccurrence ? 0.5 : 0);
}

/** Series over whole local days `fromDate..toDate` whose values are `labelValue`, plus optional extra columns. */
export function labelledSeries(
  name: SeriesName,
  fromDate: string,
  toDate: string,
  timezone = BRUSSELS,
  extraColumns: Readonly<Record<string, number>> = {},
): Series {
  const instants: number[] = [];
  const values: number[] = [];
  for (const date of localDatesBetween(fromDate, toDate)) {
    const seen = new Set<string>();
    for (const instantMs of localDayGrid(date, timezone)) {
      const hhmm = DateTime.fromMillis(instantMs, { zone: timezone }).toFormat('HH:mm');
      values.push(labelValue(instantMs, timezone, seen.has(hhmm)));
      seen.add(hhmm);
      instants.push(instantMs);
    }
  }
  const columns: Record<string, Float64Array> = {};
  for (const [column, offset] of Object.entries(extraColumns)) {
    columns[column] = Float64Array.from(values, (value) => value + offset);
  }
  return {
    name,
    instantsMs: Float64Array.from(instants),
    values: Float64Array.from(values),
    columns,
    provenance: { source: 'test', steps: [] },
  };
}

/** UTC ms of a local ISO date-time such as `2024-03-31T12:00`. */
export function localMs(localIso: string, timezone = BRUSSELS): number {
  return DateTime.fromISO(localIso, { zone: timezone }).toMillis();
}

/** UTC ms of `2024-04-01T00:00:00Z`. */
export function utcMs(iso: string): number {
  return Date.parse(iso);
}

/** A copy of `series` with every value from position `from` on replaced by `poison` (extra columns too). */
export function poisonFrom(series: Series, from: number, poison: number): Series {
  const values = Float64Array.from(series.values);
  values.fill(poison, from);
  const columns: Record<string, Float64Array> = {};
  for (const [column, source] of Object.entries(series.columns)) {
    columns[column] = Float64Array.from(source).fill(poison, from);
  }
  return { ...series, values, columns };
}

/** The request the engine would build: `full` clipped to what is public at the decision time. */
export function requestAsOf(
  full: Series,
  rule: PublicationRule,
  decisionTimeMs: number,
  deliveryInstantsMs: Float64Array,
  timezone = BRUSSELS,
): ForecastRequest {
  const history = headOf(full, visibleCount(full, rule, decisionTimeMs, timezone));
  return {
    series: full.name,
    marketId: 'belgium',
    timezone,
    decisionTimeMs,
    deliveryInstantsMs,
    history,
    visible: { [full.name]: history },
  };
}
