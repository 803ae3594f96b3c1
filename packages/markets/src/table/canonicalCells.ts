import { parseDecimal } from '../parseDecimal';

/**
 * Cell parsers over the bytes of an ASCII file, for the canonical fast path of the row pass
 * (`CanonicalRowReader`). Each gives exactly what the text path computes from the cell's
 * string, or declines (the row then goes through the text path).
 */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** 10^k for k = 0..22, each exactly representable (parsed, not computed, so exact by construction). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The ASCII text of `bytes[start, end)`. */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

function twoDigits(bytes: Uint8Array, at: number): number {
  const tens = bytes[at] - 48;
  const ones = bytes[at + 1] - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Where `parseIsoBytes` puts a timestamp; `dayKey`/`dayMs` remember the last date's `Date.UTC`. */
export interface IsoBytesOut {
  wallMs: number;
  offsetMinutes: number;
  dayKey: number;
  dayMs: number;
}

/**
 * `YYYY-MM-DDTHH:MM:SS` then `Z`/`z` or `±HH:MM`, nothing around it (20 or 25 bytes): the
 * wall clock as `Date.UTC` gives it and the offset, with the ranges of `parseTimestampInto`,
 * which returns the same for such a cell. False for anything else, valid or not.
 */
export function parseIsoBytes(bytes: Uint8Array, start: number, end: number, out: IsoBytesOut): boolean {
  const length = end - start;
  if (
    (length !== 20 && length !== 25) ||
    bytes[start + 4] !== 45 ||
    bytes[start + 7] !== 45 ||
    bytes[start + 10] !== 84 ||
    bytes[start + 13] !== 58 ||
    bytes[start + 16] !== 58
  ) {
    return false;
  }
  const century = twoDigits(bytes, start);
  const yearInCentury = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  const hour = twoDigits(bytes, start + 11);
  const minute = twoDigits(bytes, start + 14);
  const second = twoDigits(bytes, start + 17);
  if (century < 0 || yearInCentury < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return false;
  }
  const year = century * 100 + yearInCentury;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) {
    return false;
  }
  const zone = bytes[start + 19];
  let offsetMinutes = 0;
  if (length === 20) {
    if (zone !== 90 && zone !== 122) {
      return false;
    }
  } else {
    const sign = zone === 43 ? 1 : zone === 45 ? -1 : 0;
    const offsetHours = twoDigits(bytes, start + 20);
    const minutesPart = twoDigits(bytes, start + 23);
    if (sign === 0 || bytes[start + 22] !== 58 || offsetHours < 0 || offsetHours > 18 || minutesPart < 0 || minutesPart > 59) {
      return false;
    }
    offsetMinutes = sign * (offsetHours * 60 + minutesPart);
  }
  const key = year * 10_000 + month * 100 + day;
  if (key !== out.dayKey) {
    out.dayKey = key;
    out.dayMs = Date.UTC(year, month - 1, day);
  }
  // Date.UTC(y, m, d, h, mi, s) is exactly its day's value plus the time of day.
  out.wallMs = out.dayMs + ((hour * 60 + minute) * 60 + second) * 1000;
  out.offsetMinutes = offsetMinutes;
  return true;
}

/** Where `numberFromBytes` says whether the cell was blank. */
export interface NumberBytesOut {
  blank: boolean;
}

/**
 * What the text path makes of a numeric cell: `parseDecimal` of the text (plain decimals only),
 * NaN when blank (then `out.blank`). Plain decimals with at most 15 significant digits and 22 decimals are
 * m / 10^k with m and 10^k exact doubles: one correctly rounded division, hence exactly
 * `Number(text)` (Clinger's fast path). Anything else is decoded and given to `parseDecimal`.
 */
export function numberFromBytes(bytes: Uint8Array, start: number, end: number, out: NumberBytesOut): number {
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) {
    i += 1;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i += 1) {
    const b = bytes[i];
    if (b >= 48 && b <= 57) {
      if (digits > 0 || b !== 48) {
        digits += 1;
      }
      mantissa = mantissa * 10 + (b - 48);
      if (decimals >= 0) {
        decimals += 1;
      }
    } else if (b === 46 && decimals < 0) {
      decimals = 0;
    } else {
      break;
    }
  }
  out.blank = false;
  if (i === end && end > start + (negative ? 1 : 0) && decimals !== 0 && digits <= 15 && decimals <= 22) {
    const magnitude = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
    return negative ? -magnitude : magnitude;
  }
  const text = asciiText(bytes, start, end).trim();
  out.blank = text === '';
  return out.blank ? Number.NaN : parseDecimal(text);
}
