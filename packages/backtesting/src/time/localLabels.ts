import { offsetMinutesAt } from '@euroflex/markets';

/**
 * Fast ISO-8601 labels for many instants. A year of quarter-hours is 35k labels per
 * column, so the date part is formatted once per day, times come from a table, and the
 * UTC offset is looked up once per hour (offsets change on the hour).
 */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

/** `HH:MM:00` for every minute of the day. */
const TIMES: readonly string[] = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:00`);

function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) {
    return '+00:00';
  }
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(absolute / 60))}:${pad2(absolute % 60)}`;
}

/** Formats wall-clock milliseconds as `YYYY-MM-DDTHH:MM:SS`, caching the date of the last day seen. */
function wallClockFormatter(): (wallMs: number) => string {
  let cachedDay = Number.NaN;
  let cachedDate = '';
  return (wallMs: number): string => {
    const day = Math.floor(wallMs / DAY_MS);
    if (day !== cachedDay) {
      cachedDay = day;
      cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
    }
    const withinDay = wallMs - day * DAY_MS;
    if (withinDay % MINUTE_MS === 0) {
      return `${cachedDate}T${TIMES[withinDay / MINUTE_MS]}`;
    }
    return new Date(wallMs).toISOString().slice(0, 19);
  };
}

/** `2025-06-17T10:00:00Z` for each instant. */
export function utcLabels(instantsMs: ArrayLike<number>): string[] {
  const format = wallClockFormatter();
  const out = new Array<string>(instantsMs.length);
  for (let i = 0; i < instantsMs.length; i += 1) {
    out[i] = `${format(instantsMs[i])}Z`;
  }
  return out;
}

/** A formatter of local labels with offset (`2025-06-17T12:00:00+02:00`) for one time zone. */
export function localLabeler(timezone: string): (instantMs: number) => string {
  const format = wallClockFormatter();
  let cachedOffset = Number.NaN;
  let cachedSuffix = '';
  return (instantMs: number): string => {
    const offset = offsetMinutesAt(instantMs, timezone);
    if (offset !== cachedOffset) {
      cachedOffset = offset;
      cachedSuffix = offsetLabel(offset);
    }
    return `${format(instantMs + offset * MINUTE_MS)}${cachedSuffix}`;
  };
}

/** Local labels with offset for each instant. */
export function localLabels(instantsMs: ArrayLike<number>, timezone: string): string[] {
  const label = localLabeler(timezone);
  const out = new Array<string>(instantsMs.length);
  for (let i = 0; i < instantsMs.length; i += 1) {
    out[i] = label(instantsMs[i]);
  }
  return out;
}
