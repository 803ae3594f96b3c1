import { DateTime } from 'luxon';

/**
 * Fast ISO-8601 labels for many instants. Formatting each instant through luxon costs
 * microseconds apiece, which adds up over a year of quarter-hours, so the UTC offset is
 * looked up once per hour and the label is assembled by hand.
 */
const HOUR_MS = 3_600_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) {
    return '+00:00';
  }
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

function wallClock(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}`;
}

/** `2025-06-17T10:00:00Z` for each instant. */
export function utcLabels(instantsMs: ArrayLike<number>): string[] {
  const out = new Array<string>(instantsMs.length);
  for (let i = 0; i < instantsMs.length; i += 1) {
    out[i] = `${wallClock(instantsMs[i])}Z`;
  }
  return out;
}

/** A formatter of local labels with offset (`2025-06-17T12:00:00+02:00`) for one time zone. */
export function localLabeler(timezone: string): (instantMs: number) => string {
  const offsets = new Map<number, number>();
  return (instantMs: number): string => {
    const hour = Math.floor(instantMs / HOUR_MS);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = DateTime.fromMillis(hour * HOUR_MS, { zone: timezone }).offset;
      offsets.set(hour, offset);
    }
    return `${wallClock(instantMs + offset * 60_000)}${offsetLabel(offset)}`;
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
