import { INTERVAL_MS, type Series } from './series';
import { resolutionLabel } from './resolution';
import { zoneClock, type ZoneClock } from './time/zoneClock';

const QUARTER_MINUTES = 15;

/**
 * True when a row of `resolutionMinutes` may start at `instantMs`: on the UTC quarter-hour
 * grid and at a local block boundary (whole local hours for PT60M, 00/04/08/.. local for PT4H).
 */
export function isOnResolutionGrid(instantMs: number, resolutionMinutes: number, clock: ZoneClock): boolean {
  if (instantMs % INTERVAL_MS !== 0) {
    return false;
  }
  return clock.minuteOfDay(instantMs) % resolutionMinutes === 0;
}

/**
 * Number of quarter-hours a row starting at `instantMs` covers: up to the next local block
 * boundary. The instants are UTC, so nothing is ever duplicated or skipped on DST days: a
 * PT60M row is always 4 quarter-hours, but the first PT4H block (00:00-04:00 local) is 3 h
 * long on the spring DST day and 5 h on the autumn one.
 */
export function quarterHoursCovered(instantMs: number, resolutionMinutes: number, clock: ZoneClock): number {
  if (resolutionMinutes === QUARTER_MINUTES) {
    return 1;
  }
  const limit = resolutionMinutes / QUARTER_MINUTES + 4;
  for (let step = 1; step <= limit; step += 1) {
    if (clock.minuteOfDay(instantMs + step * INTERVAL_MS) % resolutionMinutes === 0) {
      return step;
    }
  }
  return resolutionMinutes / QUARTER_MINUTES;
}

/**
 * Expand a series whose rows have resolution `resolutionMinutes` to quarter-hours by
 * holding each value (no interpolation), and record `expanded_from_<code>` in provenance.
 * Rows must sit on the resolution grid of `timezone` (RangeError otherwise); the result
 * is ascending if the input is.
 */
export function expandToQuarterHours(series: Series, resolutionMinutes: number, timezone: string): Series {
  if (resolutionMinutes === QUARTER_MINUTES) {
    return series;
  }
  const clock = zoneClock(timezone);
  const counts = new Int32Array(series.instantsMs.length);
  let total = 0;
  for (let i = 0; i < series.instantsMs.length; i += 1) {
    const start = series.instantsMs[i];
    if (!isOnResolutionGrid(start, resolutionMinutes, clock)) {
      throw new RangeError(
        `${new Date(start).toISOString()} is not on the ${resolutionLabel(resolutionMinutes)} grid of ${timezone}`,
      );
    }
    counts[i] = quarterHoursCovered(start, resolutionMinutes, clock);
    total += counts[i];
  }
  const instantsMs = new Float64Array(total);
  const values = new Float64Array(total);
  const columnNames = Object.keys(series.columns);
  const columns: Record<string, Float64Array> = {};
  for (const name of columnNames) {
    columns[name] = new Float64Array(total);
  }
  let out = 0;
  for (let i = 0; i < series.instantsMs.length; i += 1) {
    for (let q = 0; q < counts[i]; q += 1) {
      instantsMs[out] = series.instantsMs[i] + q * INTERVAL_MS;
      values[out] = series.values[i];
      for (const name of columnNames) {
        columns[name][out] = series.columns[name][i];
      }
      out += 1;
    }
  }
  return {
    name: series.name,
    instantsMs,
    values,
    columns,
    provenance: {
      ...series.provenance,
      steps: [...series.provenance.steps, `expanded_from_${resolutionLabel(resolutionMinutes)}`],
    },
  };
}
