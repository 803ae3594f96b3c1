import { IANAZone } from 'luxon';
import { INTERVAL_MS } from '@euroflex/markets';

/** Local calendar date and wall-clock minute of one UTC instant. */
export interface LocalClockReading {
  /** Local date, `YYYY-MM-DD`. */
  readonly dateIso: string;
  /** Minutes since local midnight on the wall clock (02:00 reads 120 on both autumn occurrences). */
  readonly minuteOfDay: number;
}

/** Maps a UTC instant (ms) to its local date and wall-clock minute in one time zone. */
export type LocalClock = (instantMs: number) => LocalClockReading;

/**
 * A local clock for `timezone`. The UTC offset is memoised per quarter-hour because luxon's
 * zone lookup costs microseconds and persistence asks for it on every delivery interval of
 * every decision; offsets only change on quarter-hour boundaries in the supported markets.
 */
export function createLocalClock(timezone: string): LocalClock {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) {
    throw new RangeError(`"${timezone}" is not a valid IANA time zone`);
  }
  const offsetMinutesByQuarter = new Map<number, number>();
  return (instantMs: number): LocalClockReading => {
    const quarter = Math.floor(instantMs / INTERVAL_MS);
    let offsetMinutes = offsetMinutesByQuarter.get(quarter);
    if (offsetMinutes === undefined) {
      offsetMinutes = zone.offset(quarter * INTERVAL_MS);
      offsetMinutesByQuarter.set(quarter, offsetMinutes);
    }
    const wall = new Date(instantMs + offsetMinutes * 60_000);
    return {
      dateIso: wall.toISOString().slice(0, 10),
      minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
    };
  };
}
