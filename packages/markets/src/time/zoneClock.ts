import { DateTime, IANAZone } from 'luxon';
import { INTERVAL_MS } from '../series';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const QUARTERS_PER_DAY = 96;

/**
 * Fast local-time arithmetic for one IANA zone. Loading a year of quarter-hours needs the
 * UTC offset of every row; asking luxon 35,000 times costs more than the whole parse, so
 * offsets are cached per UTC day (one number for a day without a change, one per
 * quarter-hour on the two DST days), filled a week at a time. Offset changes are assumed to
 * fall on quarter-hour boundaries and never twice within a week, which holds for the
 * European zones this lab serves. This is the one offset cache of the lab: the calendar
 * (`offsetMinutesAt`) and the forecasts' local calendar read it too.
 */
export interface ZoneClock {
  readonly timezone: string;
  /** UTC offset in minutes at `instantMs` (+60 for CET, +120 for CEST). */
  offsetMinutes(instantMs: number): number;
  /** The local wall clock at `instantMs`, encoded as if it were a UTC instant (ms). */
  wallMs(instantMs: number): number;
  /** Minutes since local midnight at `instantMs` (0..1439). */
  minuteOfDay(instantMs: number): number;
  /**
   * Instants at which the local clock reads `wallMs` (wall time encoded as UTC ms):
   * none in the spring gap, two in the repeated autumn hour, else one. Ascending.
   */
  instantsOfWall(wallMs: number): number[];
  /** ISO-8601 local label with offset, `2025-06-17T12:00:00+02:00`. */
  formatLocal(instantMs: number): string;
}

const clocks = new Map<string, ZoneClock>();

/** The (memoised) clock of `timezone`. Throws a RangeError for an unknown zone. */
export function zoneClock(timezone: string): ZoneClock {
  const cached = clocks.get(timezone);
  if (cached !== undefined) {
    return cached;
  }
  if (!IANAZone.isValidZone(timezone)) {
    throw new RangeError(`"${timezone}" is not a known IANA time zone (e.g. Europe/Brussels)`);
  }
  const clock = createClock(timezone);
  clocks.set(timezone, clock);
  return clock;
}

function createClock(timezone: string): ZoneClock {
  const perDay = new Map<number, number | Int16Array>();
  const luxonOffset = (instantMs: number): number => DateTime.fromMillis(instantMs, { zone: timezone }).offset;

  /** The entry of one UTC day: its offset, or one per quarter-hour on a day the offset changes. */
  const dayEntry = (day: number): number | Int16Array => {
    const dayStart = day * DAY_MS;
    const first = luxonOffset(dayStart);
    if (first === luxonOffset(dayStart + DAY_MS - INTERVAL_MS)) {
      return first;
    }
    const quarters = new Int16Array(QUARTERS_PER_DAY);
    for (let q = 0; q < QUARTERS_PER_DAY; q += 1) {
      quarters[q] = luxonOffset(dayStart + q * INTERVAL_MS);
    }
    return quarters;
  };

  /**
   * Fills the UTC week (days since the epoch, in sevens) holding `day`: two lookups when the
   * offset is the same at both ends of the week, else day by day. Offsets change a few times a
   * year, never twice within a week, so a year costs about 110 lookups instead of 730.
   */
  const fillWeek = (day: number): void => {
    const weekStart = day - (((day % 7) + 7) % 7);
    const first = luxonOffset(weekStart * DAY_MS);
    const same = first === luxonOffset((weekStart + 7) * DAY_MS - INTERVAL_MS);
    for (let d = weekStart; d < weekStart + 7; d += 1) {
      if (!perDay.has(d)) {
        perDay.set(d, same ? first : dayEntry(d));
      }
    }
  };

  // Rows come in time order: the last day looked up answers most calls without the map.
  let lastDay = Number.NaN;
  let lastEntry: number | Int16Array = 0;
  const offsetMinutes = (instantMs: number): number => {
    const day = Math.floor(instantMs / DAY_MS);
    let entry = day === lastDay ? lastEntry : perDay.get(day);
    if (entry === undefined) {
      fillWeek(day);
      entry = perDay.get(day) as number | Int16Array;
    }
    lastDay = day;
    lastEntry = entry;
    if (typeof entry === 'number') {
      return entry;
    }
    return entry[Math.floor((instantMs - day * DAY_MS) / INTERVAL_MS)];
  };

  const wallMs = (instantMs: number): number => instantMs + offsetMinutes(instantMs) * MINUTE_MS;

  return {
    timezone,
    offsetMinutes,
    wallMs,
    minuteOfDay(instantMs) {
      const wall = wallMs(instantMs);
      return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
    },
    instantsOfWall(wall) {
      // Any instant reading `wall` has one of the offsets in force within a day of it.
      const candidates = new Set([offsetMinutes(wall - DAY_MS), offsetMinutes(wall), offsetMinutes(wall + DAY_MS)]);
      const hits: number[] = [];
      for (const offset of candidates) {
        const instant = wall - offset * MINUTE_MS;
        if (offsetMinutes(instant) === offset && !hits.includes(instant)) {
          hits.push(instant);
        }
      }
      return hits.sort((a, b) => a - b);
    },
    formatLocal(instantMs) {
      const offset = offsetMinutes(instantMs);
      const wall = new Date(instantMs + offset * MINUTE_MS).toISOString().slice(0, 19);
      return `${wall}${formatOffset(offset)}`;
    },
  };
}

/** `+02:00` / `-03:30` for an offset in minutes. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  const minutes = String(abs % 60).padStart(2, '0');
  return `${sign}${hours}:${minutes}`;
}
