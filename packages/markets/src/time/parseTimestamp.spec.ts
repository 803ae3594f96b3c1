import { instantOf, parseTimestamp } from './parseTimestamp';

describe('parseTimestamp', () => {
  it.each([
    ['2025-06-15T22:00:00+00:00', Date.UTC(2025, 5, 15, 22), 0],
    ['2025-06-15T22:00:00Z', Date.UTC(2025, 5, 15, 22), 0],
    ['2025-06-16T00:00:00+02:00', Date.UTC(2025, 5, 15, 22), 120],
    ['2025-06-16T00:00+0200', Date.UTC(2025, 5, 15, 22), 120],
    ['2025-06-15T18:30:00-03:30', Date.UTC(2025, 5, 15, 22), -210],
    ['2025-06-15T22:00:00.000Z', Date.UTC(2025, 5, 15, 22), 0],
  ])('%s is the instant %d with offset %d', (text, instant, offset) => {
    const parsed = parseTimestamp(text);
    expect(parsed?.offsetMinutes).toBe(offset);
    expect(parsed === undefined ? undefined : instantOf(parsed)).toBe(instant);
  });

  it('reads naive timestamps as wall clock without offset', () => {
    expect(parseTimestamp(' 2023-12-31 23:00:00 ')).toEqual({ wallMs: Date.UTC(2023, 11, 31, 23), offsetMinutes: undefined });
    expect(parseTimestamp('2024-02-29T01:15')).toEqual({ wallMs: Date.UTC(2024, 1, 29, 1, 15), offsetMinutes: undefined });
  });

  it.each(['', 'abc', '2025-02-30T00:00:00Z', '2023-02-29 00:00', '2025-06-15T24:00:00Z', '2025-06-15T22:00:00+2', '2025-06-15T22:00:00 UTC', '15/06/2025 22:00', '2025-06-15T22:00:00.Z'])(
    'rejects %p',
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    },
  );
});
