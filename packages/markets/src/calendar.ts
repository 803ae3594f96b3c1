import { DateTime } from 'luxon';
import { INTERVAL_MS } from './series';

/**
 * Local calendar days in a market time zone, as UTC instants. Everything is keyed by
 * UTC; local labels are derived and never used as keys (they repeat on autumn DST days).
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function startOfLocalDay(dateIso: string, timezone: string): DateTime {
  if (!ISO_DATE.test(dateIso)) {
    throw new RangeError(`"${dateIso}" is not an ISO date (YYYY-MM-DD)`);
  }
  const start = DateTime.fromISO(dateIso, { zone: timezone }).startOf('day');
  if (!start.isValid) {
    throw new RangeError(`"${dateIso}" is not a valid date in ${timezone}: ${start.invalidExplanation ?? ''}`);
  }
  return start;
}

/** UTC instant (ms) of local midnight starting `dateIso`. */
export function localMidnightMs(dateIso: string, timezone: string): number {
  return startOfLocalDay(dateIso, timezone).toMillis();
}

/**
 * The quarter-hour interval starts of one local day: 96 normally, 92 on the spring
 * DST day and 100 on the autumn one.
 */
export function localDayGrid(dateIso: string, timezone: string): Float64Array {
  const start = startOfLocalDay(dateIso, timezone);
  const startMs = start.toMillis();
  const endMs = start.plus({ days: 1 }).toMillis();
  const count = Math.round((endMs - startMs) / INTERVAL_MS);
  const grid = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    grid[i] = startMs + i * INTERVAL_MS;
  }
  return grid;
}

/** Local dates from `startIso` to `endIso`, both included. */
export function localDatesBetween(startIso: string, endIso: string): string[] {
  const dates: string[] = [];
  let day = DateTime.fromISO(startIso, { zone: 'UTC' });
  const end = DateTime.fromISO(endIso, { zone: 'UTC' });
  if (!day.isValid || !end.isValid) {
    throw new RangeError(`invalid date range ${startIso} .. ${endIso}`);
  }
  while (day <= end) {
    dates.push(day.toISODate() as string);
    day = day.plus({ days: 1 });
  }
  return dates;
}

/** The local calendar date (YYYY-MM-DD) that contains `instantMs`. */
export function localDateOf(instantMs: number, timezone: string): string {
  return DateTime.fromMillis(instantMs, { zone: timezone }).toISODate() as string;
}

/** `dateIso` shifted by `days` calendar days. */
export function addDays(dateIso: string, days: number): string {
  return DateTime.fromISO(dateIso, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/** ISO-8601 UTC label, `2025-06-17T10:00:00Z`. */
export function isoUtc(instantMs: number): string {
  return new Date(instantMs).toISOString().replace('.000Z', 'Z');
}

/** ISO-8601 local label with offset, `2025-06-17T12:00:00+02:00`. */
export function isoLocal(instantMs: number, timezone: string): string {
  return DateTime.fromMillis(instantMs, { zone: timezone }).toISO({ suppressMilliseconds: true }) as string;
}

/** How a local wall-clock time maps to UTC on a given date. */
export type LocalTimeResolution =
  | { readonly kind: 'unique'; readonly instantMs: number }
  | { readonly kind: 'ambiguous'; readonly earlierMs: number; readonly laterMs: number }
  | { readonly kind: 'missing' };

/**
 * Resolve local `hhmm` on `dateIso` in `timezone`. Autumn DST times occur twice
 * (`ambiguous`); spring DST times do not exist (`missing`). Callers decide what to do.
 */
export function resolveLocalTime(dateIso: string, hhmm: string, timezone: string): LocalTimeResolution {
  const match = HHMM.exec(hhmm);
  if (!match) {
    throw new RangeError(`"${hhmm}" is not a valid HH:MM time (00:00 to 23:59)`);
  }
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const dayStart = startOfLocalDay(dateIso, timezone).toMillis();
  const dayEnd = startOfLocalDay(addDays(dateIso, 1), timezone).toMillis();
  const hits: number[] = [];
  // Scan candidate instants: local minutes-of-day can only be reached at most twice in one day.
  for (const offsetHours of [-1, 0, 1]) {
    const candidate = dayStart + (minutes + offsetHours * 60) * 60_000;
    if (candidate < dayStart || candidate >= dayEnd) {
      continue;
    }
    const local = DateTime.fromMillis(candidate, { zone: timezone });
    if (local.toISODate() === dateIso && local.hour * 60 + local.minute === minutes && !hits.includes(candidate)) {
      hits.push(candidate);
    }
  }
  hits.sort((a, b) => a - b);
  if (hits.length === 0) {
    return { kind: 'missing' };
  }
  if (hits.length === 1) {
    return { kind: 'unique', instantMs: hits[0] };
  }
  return { kind: 'ambiguous', earlierMs: hits[0], laterMs: hits[hits.length - 1] };
}

/**
 * Local `hhmm` on `dateIso` as a UTC instant, for times that exist exactly once.
 * Throws a RangeError naming the DST problem otherwise.
 */
export function localTimeToUtcMs(dateIso: string, hhmm: string, timezone: string): number {
  const resolved = resolveLocalTime(dateIso, hhmm, timezone);
  if (resolved.kind === 'unique') {
    return resolved.instantMs;
  }
  if (resolved.kind === 'missing') {
    throw new RangeError(`${hhmm} does not exist on ${dateIso} in ${timezone} (spring DST change)`);
  }
  throw new RangeError(`${hhmm} occurs twice on ${dateIso} in ${timezone} (autumn DST change)`);
}
