import fc from 'fast-check';
import { parseDecimal } from '../parseDecimal';
import { parseTimestampInto } from '../time/parseTimestamp';
import { numberFromBytes, parseIsoBytes, type IsoBytesOut } from './canonicalCells';

const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** What the text path computes for a numeric cell (readSeriesRows, extraColumns): plain decimals only. */
function textNumber(cell: string): { value: number; blank: boolean } {
  return { value: parseDecimal(cell), blank: cell.trim() === '' };
}

function bytesNumber(cell: string): { value: number; blank: boolean } {
  const out = { blank: true };
  const value = numberFromBytes(bytesOf(cell), 0, cell.length, out);
  return { value, blank: out.blank };
}

/** Characters timestamps and numbers are made of, plus a few that must be refused. */
const cellText = (alphabet: string, maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { maxLength }).map((chars) => chars.join(''));

describe('numberFromBytes', () => {
  it.each([
    '0', '-0', '12.5', '-3.25', '.5', '-.5', '5.', '-', '.', '', '   ', ' 7 ', '+3', '1e3', '1E-7', 'Infinity', '-Infinity', 'NaN',
    '0x10', '0b11', '0o7', '00012.50', '0.30000000000000004', '123456789012345', '1234567890123456', '123456789012345678',
    '0.1234567890123456789012', '0.12345678901234567890123', '0.0000000000000000000001', '0.00000000000000000000001',
    '-0.0000000000000000000000125', '1000000000000000000000.5', '1.7976931348623157e308', '9007199254740993', '4.35', '1,5', '1 5',
  ])('reads %j as the text path (parseDecimal) does', (cell) => {
    expect(bytesNumber(cell)).toEqual(textNumber(cell));
  });

  it('refuses JavaScript-only notations: 0x10, 0b11, 0o7 and Infinity are NaN, not numbers', () => {
    expect(['0x10', '0b11', '0o7', 'Infinity', '-Infinity'].map((cell) => bytesNumber(cell).value)).toEqual([NaN, NaN, NaN, NaN, NaN]);
  });

  it('agrees with the text path on random decimal-looking cells and on every double printed', () => {
    fc.assert(
      fc.property(cellText('0123456789.-+e ', 30), (cell) => {
        expect(bytesNumber(cell)).toEqual(textNumber(cell));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 20 }), (value, digits) => {
        for (const cell of [String(value), value.toFixed(digits), Number.isFinite(value) ? value.toPrecision(1 + digits) : 'x']) {
          expect(bytesNumber(cell)).toEqual(textNumber(cell));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseIsoBytes', () => {
  const text = (cell: string): { wallMs: number; offsetMinutes: number | undefined } | undefined => {
    const out = { wallMs: 0, offsetMinutes: undefined as number | undefined };
    return parseTimestampInto(cell, out) ? out : undefined;
  };
  const bytes = (cell: string, out: IsoBytesOut): { wallMs: number; offsetMinutes: number } | undefined =>
    parseIsoBytes(bytesOf(cell), 0, cell.length, out) ? { wallMs: out.wallMs, offsetMinutes: out.offsetMinutes } : undefined;

  it.each([
    '2024-01-01T00:00:00Z', '2024-01-01T00:00:00z', '2024-03-31T01:45:00+01:00', '2024-10-27T02:15:00+02:00', '1999-12-31T23:59:59-05:30',
    '2024-02-29T12:00:00Z', '2023-02-29T12:00:00Z', '2100-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '0050-06-01T00:00:00Z',
    '2024-13-01T00:00:00Z', '2024-00-01T00:00:00Z', '2024-04-31T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T00:60:00Z',
    '2024-01-01T00:00:60Z', '2024-01-01T00:00:00+18:59', '2024-01-01T00:00:00+19:00', '2024-01-01T00:00:00+01:60', '2024-01-01T00:00:00X',
    '2024-01-01T00:00:00+0100', '2024-01-01T00:00:00+01', '2024-01-01 00:00:00Z', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00Z',
    ' 2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z ', '2024-01-01T00:00:00', '2O24-01-01T00:00:00Z', '2024-01-01T00:00:00*01:00',
    '2024-01-01T00:00:00+01X00', '2024-01-01T00:00:00+0a:00',
  ])('reads %j as parseTimestampInto does, or declines', (cell) => {
    const fast = bytes(cell, { wallMs: 0, offsetMinutes: 0, dayKey: -1, dayMs: 0 });
    if (fast !== undefined) {
      expect(fast).toEqual(text(cell));
    }
  });

  it('declines only shapes outside YYYY-MM-DDTHH:MM:SS(Z|±HH:MM), and agrees on every other cell', () => {
    const out: IsoBytesOut = { wallMs: 0, offsetMinutes: 0, dayKey: -1, dayMs: 0 };
    const shape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[Zz]|[+-]\d{2}:\d{2})$/;
    const stamps = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom('Z', 'z', '+01:00', '-05:30', '+18:59', '+19:00', '+01:60', 'X', '', '+0100', '+01-00'),
      )
      .map(([y, mo, d, h, mi, s, zone]) => {
        const p = (n: number, w = 2): string => String(n).padStart(w, '0');
        return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${zone}`;
      });
    fc.assert(
      fc.property(fc.oneof(stamps, cellText('0123456789-:TZz+ .', 26)), (cell) => {
        const fast = bytes(cell, out);
        const slow = text(cell);
        if (fast === undefined) {
          // Declined: either invalid for the text path too, or a shape the fast path leaves to it.
          expect(slow === undefined || !shape.test(cell)).toBe(true);
        } else {
          expect(fast).toEqual(slow);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
