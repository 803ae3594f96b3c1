import { IANAZone } from 'luxon';
import { localDayGrid, zoneClock } from '@euroflex/markets';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Local calendar day and wall-clock minute of one UTC instant. */
export interface LocalClockReading {
  /** Local calendar date as a day number (days since 1970-01-01); consecutive dates differ by 1. */
  readonly localDay: number;
  /** Minutes since local midnight on the wall clock (02:00 reads 120 on both autumn occurrences). */
  readonly minuteOfDay: number;
}

/** Local-day arithmetic in one time zone, memoised: persistence needs it on every decision. */
export interface LocalCalendar {
  readonly timezone: string;
  /** Local day and wall-clock minute of a UTC instant (ms). */
  read(instantMs: number): LocalClockReading;
  /** Quarter-hour interval starts of a local day (92, 96 or 100), as `localDayGrid`. */
  dayGrid(localDay: number): Float64Array;
}

/** `YYYY-MM-DD` of a local day number. */
export function dateIsoOf(localDay: number): string {
  return new Date(localDay * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A memoised local calendar for `timezone`. luxon's zone lookups cost microseconds and a
 * day grid a few hundred, while persistence reads the clock on every delivery interval of
 * every decision: offsets come from the markets' zone clock (`zoneClock`, cached per UTC
 * day), day grids are cached per date, and readings are plain arithmetic.
 */
export function createLocalCalendar(timezone: string): LocalCalendar {
  if (!IANAZone.isValidZone(timezone)) {
    throw new RangeError(`"${timezone}" is not a valid IANA time zone`);
  }
  const clock = zoneClock(timezone);
  const grids = new Map<number, Float64Array>();
  return {
    timezone,
    read(instantMs: number): LocalClockReading {
      const wallMs = instantMs + clock.offsetMinutes(instantMs) * MINUTE_MS;
      const localDay = Math.floor(wallMs / DAY_MS);
      return { localDay, minuteOfDay: Math.floor((wallMs - localDay * DAY_MS) / MINUTE_MS) };
    },
    dayGrid(localDay: number): Float64Array {
      let grid = grids.get(localDay);
      if (grid === undefined) {
        grid = localDayGrid(dateIsoOf(localDay), timezone);
        grids.set(localDay, grid);
      }
      return grid;
    },
  };
}
