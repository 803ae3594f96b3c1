/**
 * ISO-8601 date-time as written by pandas or by hand: `2024-04-01T10:00:00Z`,
 * `2024-04-01 10:00:00+00:00`, `2024-04-01T12:00+02:00`, optional fraction of a second.
 * Without an offset the time is read as UTC, because every time column of a forecast file
 * is named `_utc`.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetMinutes(designator: string | undefined): number {
  if (designator === undefined || designator.toUpperCase() === 'Z') {
    return 0;
  }
  const sign = designator.startsWith('-') ? -1 : 1;
  const digits = designator.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  return hours > 18 || minutes > 59 ? Number.NaN : sign * (hours * 60 + minutes);
}

/** UTC epoch ms of `text`, or undefined when it is not a real ISO-8601 date-time. */
export function parseUtcInstant(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const [, year, month, day, hour, minute, second, fraction, designator] = match;
  const wallMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? '0'));
  const wall = new Date(wallMs);
  // Date.UTC rolls 2024-02-30 over to March: reject anything that does not read back the same.
  if (
    wall.getUTCFullYear() !== Number(year) ||
    wall.getUTCMonth() !== Number(month) - 1 ||
    wall.getUTCDate() !== Number(day) ||
    wall.getUTCHours() !== Number(hour) ||
    wall.getUTCMinutes() !== Number(minute) ||
    wall.getUTCSeconds() !== Number(second ?? '0')
  ) {
    return undefined;
  }
  const fractionMs = fraction === undefined ? 0 : Math.round(Number(fraction) * 1000);
  const offset = offsetMinutes(designator);
  if (Number.isNaN(offset)) {
    return undefined;
  }
  return wallMs + fractionMs - offset * 60_000;
}
