import { DateTime } from 'luxon';
import { INTERVAL_MS } from './series';
import { zoneClock, type ZoneClock } from './time/zoneClock';

/**
 * Local calendar days in a market time zone, as UTC instants. Everything is keyed by
 * UTC; local labels are derived and never used as keys (they repeat on autumn DST days).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

const midnightCache = new Map<string, number>();

/**
 * UTC instant of local midnight starting `dateIso`. Memoised: calendar lookups run once
 * per decision and per series, and luxon's zone arithmetic costs microseconds each.
 */
function midnightMs(dateIso: string, timezone: string): number {
  const key = `${timezone}|${dateIso}`;
  let value = midnightCache.get(key);
  if (value === undefined) {
    const utcMidnightMs = isoDateToDayNumber(dateIso) * DAY_MS;
    // Two fixed-point steps: the offset at the guess, then at the corrected instant. Exact
    // unless a DST change falls at local midnight, which the check below catches.
    let guess = utcMidnightMs - offsetMinutesAt(utcMidnightMs, timezone) * 60_000;
    guess = utcMidnightMs - offsetMinutesAt(guess, timezone) * 60_000;
    if (guess + offsetMinutesAt(guess, timezone) * 60_000 !== utcMidnightMs) {
      guess = DateTime.fromISO(dateIso, { zone: timezone }).startOf('day').toMillis();
    }
    if (!Number.isFinite(guess)) {
      throw new RangeError(`cannot place ${dateIso} in time zone "${timezone}"`);
    }
    value = guess;
    midnightCache.set(key, value);
  }
  return value;
}

/** UTC instant (ms) of local midnight starting `dateIso`. */
export function localMidnightMs(dateIso: string, timezone: string): number {
  return midnightMs(dateIso, timezone);
}

/**
 * The quarter-hour interval starts of one local day: 96 normally, 92 on the spring
 * DST day and 100 on the autumn one.
 */
export function localDayGrid(dateIso: string, timezone: string): Float64Array {
  const startMs = midnightMs(dateIso, timezone);
  const endMs = midnightMs(addDays(dateIso, 1), timezone);
  const count = Math.round((endMs - startMs) / INTERVAL_MS);
  const grid = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    grid[i] = startMs + i * INTERVAL_MS;
  }
  return grid;
}

/** Local dates from `startIso` to `endIso`, both included. */
export function localDatesBetween(startIso: string, endIso: string): string[] {
  const start = isoDateToDayNumber(startIso);
  const end = isoDateToDayNumber(endIso);
  const dates: string[] = [];
  for (let day = start; day <= end; day += 1) {
    dates.push(dayNumberToIsoDate(day));
  }
  return dates;
}

const DAY_MS = 86_400_000;

/** Day numbers of the dates seen so far: a run asks for the same few hundred dates thousands of times. */
const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 of a calendar date (no time zone involved). */
function isoDateToDayNumber(dateIso: string): number {
  const known = dayNumbers.get(dateIso);
  if (known !== undefined) {
    return known;
  }
  const day = parseDayNumber(dateIso);
  if (dayNumbers.size < MAX_DAY_NUMBERS) {
    dayNumbers.set(dateIso, day);
  }
  return day;
}

/** Bound of the memo above (about 27 years of dates). */
const MAX_DAY_NUMBERS = 10_000;

function parseDayNumber(dateIso: string): number {
  const match = ISO_DATE.exec(dateIso) && /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateIso);
  if (!match) {
    throw new RangeError(`"${dateIso}" is not an ISO date (YYYY-MM-DD)`);
  }
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const check = new Date(ms);
  if (check.getUTCDate() !== Number(match[3]) || check.getUTCMonth() !== Number(match[2]) - 1) {
    throw new RangeError(`"${dateIso}" is not a valid calendar date`);
  }
  return ms / DAY_MS;
}

/** Dates of the day numbers seen so far (the visibility rules shift the same dates by a day on every decision). */
const isoDates = new Map<number, string>();

function dayNumberToIsoDate(day: number): string {
  let date = isoDates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDates.size < MAX_DAY_NUMBERS) {
      isoDates.set(day, date);
    }
  }
  return date;
}

/** The local calendar date (YYYY-MM-DD) that contains `instantMs`. */
export function localDateOf(instantMs: number, timezone: string): string {
  return new Date(instantMs + offsetMinutesAt(instantMs, timezone) * 60_000).toISOString().slice(0, 10);
}

let lastZone = '';
let lastClock: ZoneClock | undefined;

/** UTC offset in minutes of `timezone` at `instantMs` (the zone clock's cache, `zoneClock`). */
export function offsetMinutesAt(instantMs: number, timezone: string): number {
  if (timezone !== lastZone || lastClock === undefined) {
    lastClock = zoneClock(timezone);
    lastZone = timezone;
  }
  return lastClock.offsetMinutes(instantMs);
}

/** `dateIso` shifted by `days` calendar days. */
export function addDays(dateIso: string, days: number): string {
  return dayNumberToIsoDate(isoDateToDayNumber(dateIso) + days);
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

const localTimeCache = new Map<string, LocalTimeResolution>();

/**
 * Resolve local `hhmm` on `dateIso` in `timezone`. Autumn DST times occur twice
 * (`ambiguous`); spring DST times do not exist (`missing`). Callers decide what to do.
 */
export function resolveLocalTime(dateIso: string, hhmm: string, timezone: string): LocalTimeResolution {
  const key = `${timezone}|${dateIso}|${hhmm}`;
  let resolved = localTimeCache.get(key);
  if (resolved === undefined) {
    resolved = resolveLocalTimeUncached(dateIso, hhmm, timezone);
    localTimeCache.set(key, resolved);
  }
  return resolved;
}

function resolveLocalTimeUncached(dateIso: string, hhmm: string, timezone: string): LocalTimeResolution {
  const match = HHMM.exec(hhmm);
  if (!match) {
    throw new RangeError(`"${hhmm}" is not a valid HH:MM time (00:00 to 23:59)`);
  }
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const dayStart = midnightMs(dateIso, timezone);
  const dayEnd = midnightMs(addDays(dateIso, 1), timezone);
  const day = isoDateToDayNumber(dateIso);
  const hits: number[] = [];
  // Scan candidate instants: local minutes-of-day can only be reached at most twice in one day.
  for (const offsetHours of [-1, 0, 1]) {
    const candidate = dayStart + (minutes + offsetHours * 60) * 60_000;
    if (candidate < dayStart || candidate >= dayEnd) {
      continue;
    }
    // The candidate's local wall clock, from the (memoised) zone offset: no luxon per date.
    const localMs = candidate + offsetMinutesAt(candidate, timezone) * 60_000;
    const localDay = Math.floor(localMs / DAY_MS);
    if (localDay === day && Math.floor((localMs - localDay * DAY_MS) / 60_000) === minutes && !hits.includes(candidate)) {
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
