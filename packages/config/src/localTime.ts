/**
 * Local wall-clock times around DST changes, with the platform's Intl time-zone data.
 * The config layer only needs to know whether a local HH:MM exists once on a date; the
 * markets layer does the real calendar work.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The local wall clock at `instantMs`, as minutes since 1970-01-01T00:00 local. */
function localWallMinutes(instantMs: number, timezone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) / 60_000;
}

/** Offset of local time from UTC at `instantMs`, in minutes (+120 for CEST). */
function offsetMinutes(instantMs: number, timezone: string): number {
  return localWallMinutes(instantMs, timezone) - Math.floor(instantMs / 60_000);
}

/** True when `timezone` is an IANA zone this platform knows. */
export function isKnownTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/**
 * How often local `minutesOfDay` occurs on `dateIso` in `timezone`: 1 normally, 0 in a
 * spring-forward gap, 2 in an autumn fall-back overlap.
 */
export function localTimeOccurrences(dateIso: string, minutesOfDay: number, timezone: string): number {
  const [year, month, day] = dateIso.split('-').map(Number);
  const wallMinutes = Date.UTC(year, month - 1, day) / 60_000 + minutesOfDay;
  const wallMs = wallMinutes * 60_000;
  const offsets = new Set([-1, 0, 1].map((days) => offsetMinutes(wallMs + days * 86_400_000, timezone)));
  let hits = 0;
  for (const offset of offsets) {
    if (localWallMinutes(wallMs - offset * 60_000, timezone) === wallMinutes) {
      hits += 1;
    }
  }
  return hits;
}

/** True when the UTC offset changes somewhere within two days of `dateIso` (cheap pre-check). */
export function offsetChangesNear(dateIso: string, timezone: string): boolean {
  const middayMs = Date.parse(`${dateIso}T12:00:00Z`);
  return offsetMinutes(middayMs - 2 * 86_400_000, timezone) !== offsetMinutes(middayMs + 2 * 86_400_000, timezone);
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Middays (UTC ms) whose offset differs from the previous midday's, between `fromMs` and
 * `toMs`. Samples weekly and refines daily only where the offset moved; offsets change a
 * few times a year, never twice within a week.
 */
function offsetChangeMiddays(fromMs: number, toMs: number, timezone: string): number[] {
  const changes: number[] = [];
  for (let weekStart = fromMs; weekStart < toMs; weekStart += WEEK_MS) {
    const weekEnd = Math.min(weekStart + WEEK_MS, toMs);
    if (offsetMinutes(weekStart, timezone) === offsetMinutes(weekEnd, timezone)) {
      continue;
    }
    for (let ms = weekStart + DAY_MS; ms <= weekEnd; ms += DAY_MS) {
      if (offsetMinutes(ms, timezone) !== offsetMinutes(ms - DAY_MS, timezone)) {
        changes.push(ms);
      }
    }
  }
  return changes;
}

/**
 * The dates of `dates` (ascending `YYYY-MM-DD`) near a UTC offset change (as
 * offsetChangesNear), with a few dozen offset lookups per year instead of two per date.
 */
export function datesNearOffsetChange(dates: readonly string[], timezone: string): string[] {
  if (dates.length === 0) {
    return [];
  }
  const middayOf = (date: string): number => Date.parse(`${date}T12:00:00Z`);
  const changes = offsetChangeMiddays(
    middayOf(dates[0]) - 2 * DAY_MS,
    middayOf(dates[dates.length - 1]) + 2 * DAY_MS,
    timezone,
  );
  return dates.filter((date) => {
    const middayMs = middayOf(date);
    return changes.some((changeMs) => changeMs > middayMs - 2 * DAY_MS && changeMs <= middayMs + 2 * DAY_MS);
  });
}

/** Calendar dates from `startIso` to `endIso`, both included (`YYYY-MM-DD`). */
export function isoDatesBetween(startIso: string, endIso: string): string[] {
  const dates: string[] = [];
  const endMs = Date.parse(`${endIso}T00:00:00Z`);
  for (let ms = Date.parse(`${startIso}T00:00:00Z`); ms <= endMs; ms += 86_400_000) {
    dates.push(new Date(ms).toISOString().slice(0, 10));
  }
  return dates;
}

/** `dateIso` shifted by `days` calendar days. */
export function shiftIsoDate(dateIso: string, days: number): string {
  return new Date(Date.parse(`${dateIso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
