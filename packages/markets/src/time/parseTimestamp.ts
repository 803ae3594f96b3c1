const MINUTE_MS = 60_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A parsed ISO-8601 timestamp: the wall clock as written, and its offset when it has one. */
export interface ParsedTimestamp {
  /** The wall-clock fields as if they were UTC (epoch ms). */
  readonly wallMs: number;
  /** Offset in minutes east of UTC (`Z` = 0), or undefined for a naive timestamp. */
  readonly offsetMinutes: number | undefined;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) {
      return -1;
    }
    value = value * 10 + code;
  }
  return value;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Parse `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH[:MM]]` by hand (Date.parse would read naive
 * timestamps in the machine's zone, and a regex per row is slower). Returns undefined for
 * anything else, including impossible dates such as 2025-02-30.
 */
export function parseTimestamp(raw: string): ParsedTimestamp | undefined {
  const out = { wallMs: 0, offsetMinutes: undefined as number | undefined };
  return parseTimestampInto(raw, out) ? out : undefined;
}

/** `parseTimestamp` into a caller-owned object (no allocation per row); false if invalid. */
export function parseTimestampInto(raw: string, out: { wallMs: number; offsetMinutes: number | undefined }): boolean {
  const text = raw.trim();
  if (text.length < 16 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) {
    return false;
  }
  const separator = text[10];
  if (separator !== 'T' && separator !== ' ') {
    return false;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return false;
  }
  const monthDays = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > monthDays) {
    return false;
  }
  let pos = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(pos) === 58) {
    second = digits(text, pos + 1, 2);
    if (second < 0 || second > 59) {
      return false;
    }
    pos += 3;
    if (text.charCodeAt(pos) === 46) {
      let end = pos + 1;
      while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) {
        end += 1;
      }
      if (end === pos + 1) {
        return false;
      }
      millis = Math.round(Number(`0${text.slice(pos, end)}`) * 1000);
      pos = end;
    }
  }
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  out.wallMs = wallMs;
  if (pos === text.length) {
    out.offsetMinutes = undefined;
    return true;
  }
  const offsetMinutes = parseOffset(text, pos);
  out.offsetMinutes = offsetMinutes;
  return offsetMinutes !== undefined;
}

function parseOffset(text: string, pos: number): number | undefined {
  const length = text.length - pos;
  const first = text.charCodeAt(pos);
  if (length === 1 && (first === 90 || first === 122)) {
    return 0;
  }
  const sign = first === 43 ? 1 : first === 45 ? -1 : 0;
  const hours = digits(text, pos + 1, 2);
  let minutes = 0;
  if (length === 6 && text.charCodeAt(pos + 3) === 58) {
    minutes = digits(text, pos + 4, 2);
  } else if (length === 5) {
    minutes = digits(text, pos + 3, 2);
  } else if (length !== 3) {
    return undefined;
  }
  if (sign === 0 || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
    return undefined;
  }
  return sign * (hours * 60 + minutes);
}

/** The UTC instant of a parsed timestamp; naive timestamps are read as UTC. */
export function instantOf(parsed: ParsedTimestamp): number {
  return parsed.wallMs - (parsed.offsetMinutes ?? 0) * MINUTE_MS;
}
