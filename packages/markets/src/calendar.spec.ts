import {
  addDays,
  isoLocal,
  isoUtc,
  localDateOf,
  localDatesBetween,
  localDayGrid,
  localMidnightMs,
  localTimeToUtcMs,
  offsetMinutesAt,
  resolveLocalTime,
} from './calendar';
import fc from 'fast-check';
import { DateTime } from 'luxon';

const TZ = 'Europe/Brussels';

describe('localDayGrid', () => {
  it.each([
    ['2024-03-31', 92, '2024-03-30T23:00:00Z', '2024-03-31T21:45:00Z'],
    ['2024-06-17', 96, '2024-06-16T22:00:00Z', '2024-06-17T21:45:00Z'],
    ['2024-10-27', 100, '2024-10-26T22:00:00Z', '2024-10-27T22:45:00Z'],
    ['2024-01-01', 96, '2023-12-31T23:00:00Z', '2024-01-01T22:45:00Z'],
  ])('%s has %i quarter-hours from %s to %s', (date, count, first, last) => {
    const grid = localDayGrid(date, TZ);
    expect(grid).toHaveLength(count);
    expect(isoUtc(grid[0])).toBe(first);
    expect(isoUtc(grid[count - 1])).toBe(last);
    for (let i = 1; i < count; i += 1) {
      expect(grid[i] - grid[i - 1]).toBe(900_000);
    }
  });

  it('skips the local 02:00 hour in spring and repeats it in autumn', () => {
    const spring = Array.from(localDayGrid('2024-03-31', TZ), (ms) => isoLocal(ms, TZ).slice(11, 16));
    expect(spring.slice(7, 9)).toEqual(['01:45', '03:00']);
    const autumn = Array.from(localDayGrid('2024-10-27', TZ), (ms) => isoLocal(ms, TZ).slice(11, 25));
    expect(autumn.filter((label) => label.startsWith('02:00'))).toEqual(['02:00:00+02:00', '02:00:00+01:00']);
  });

  it('rejects a malformed date', () => {
    expect(() => localDayGrid('2024-3-31', TZ)).toThrow(RangeError);
  });
});

describe('resolveLocalTime', () => {
  it('reports the spring gap as missing', () => {
    expect(resolveLocalTime('2024-03-31', '02:30', TZ)).toEqual({ kind: 'missing' });
  });

  it('reports the autumn repeat as ambiguous with both instants', () => {
    expect(resolveLocalTime('2024-10-27', '02:30', TZ)).toEqual({
      kind: 'ambiguous',
      earlierMs: Date.UTC(2024, 9, 27, 0, 30),
      laterMs: Date.UTC(2024, 9, 27, 1, 30),
    });
  });

  it('resolves an ordinary time uniquely, also on DST days', () => {
    expect(resolveLocalTime('2024-06-17', '12:00', TZ)).toEqual({ kind: 'unique', instantMs: Date.UTC(2024, 5, 17, 10) });
    expect(resolveLocalTime('2024-03-31', '03:00', TZ)).toEqual({ kind: 'unique', instantMs: Date.UTC(2024, 2, 31, 1) });
    expect(resolveLocalTime('2024-10-27', '03:00', TZ)).toEqual({ kind: 'unique', instantMs: Date.UTC(2024, 9, 27, 2) });
  });

  it('agrees with a wall-clock scan in luxon for any date and time, DST days included', () => {
    // Reference: every instant of the date whose local wall clock (luxon) reads hh:mm.
    const reference = (dateIso: string, hhmm: string, zone: string) => {
      const minutes = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
      const start = DateTime.fromISO(dateIso, { zone }).startOf('day').toMillis();
      const hits: number[] = [];
      for (let t = start - 3 * 3_600_000; t < start + 27 * 3_600_000; t += 60_000) {
        const local = DateTime.fromMillis(t, { zone });
        if (local.toISODate() === dateIso && local.hour * 60 + local.minute === minutes) {
          hits.push(t);
        }
      }
      return hits.length === 0 ? { kind: 'missing' } : hits.length === 1 ? { kind: 'unique', instantMs: hits[0] } : { kind: 'ambiguous', earlierMs: hits[0], laterMs: hits[hits.length - 1] };
    };
    const dstDays = ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2024-03-10', '2024-11-03'];
    const date = fc.oneof(
      fc.constantFrom(...dstDays),
      fc.integer({ min: 0, max: 3650 }).map((days) => addDays('2020-01-01', days)),
    );
    const time = fc.oneof(
      fc.constantFrom('00:00', '01:59', '02:00', '02:30', '02:59', '03:00', '12:00', '23:45'),
      fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) }).map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(date, time, fc.constantFrom('Europe/Brussels', 'Europe/Amsterdam', 'America/New_York', 'UTC'), (dateIso, hhmm, zone) => {
        expect(resolveLocalTime(dateIso, hhmm, zone)).toEqual(reference(dateIso, hhmm, zone));
      }),
      { numRuns: 150 },
    );
  });

  it('localTimeToUtcMs throws for missing and ambiguous times and bad HH:MM', () => {
    expect(() => localTimeToUtcMs('2024-03-31', '02:15', TZ)).toThrow(/does not exist/);
    expect(() => localTimeToUtcMs('2024-10-27', '02:15', TZ)).toThrow(/occurs twice/);
    expect(() => localTimeToUtcMs('2024-10-27', '24:00', TZ)).toThrow(/HH:MM/);
    expect(localTimeToUtcMs('2024-12-31', '23:45', TZ)).toBe(Date.UTC(2024, 11, 31, 22, 45));
  });
});

describe('dates', () => {
  it('lists local dates inclusively and across month ends', () => {
    expect(localDatesBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(localDatesBetween('2024-03-01', '2024-02-28')).toEqual([]);
  });

  it('knows the local date of an instant near midnight', () => {
    expect(localDateOf(Date.UTC(2024, 5, 16, 22), TZ)).toBe('2024-06-17');
    expect(localDateOf(Date.UTC(2024, 5, 16, 21, 45), TZ)).toBe('2024-06-16');
    expect(localMidnightMs('2024-10-28', TZ)).toBe(Date.UTC(2024, 9, 27, 23));
  });

  it('adds calendar days and formats instants', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(isoUtc(Date.UTC(2025, 5, 17, 10))).toBe('2025-06-17T10:00:00Z');
    expect(isoLocal(Date.UTC(2025, 5, 17, 10), TZ)).toBe('2025-06-17T12:00:00+02:00');
  });
});

describe('offsetMinutesAt', () => {
  const zones = ['Europe/Brussels', 'Europe/Amsterdam', 'Europe/Berlin', 'UTC', 'America/New_York'];

  it('agrees with a direct time-zone lookup at any instant, DST days included', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(...zones), (instantMs, zone) => {
        expect(offsetMinutesAt(instantMs, zone)).toBe(DateTime.fromMillis(instantMs, { zone }).offset);
      }),
      { numRuns: 2000 },
    );
  });

  it('switches on the hour of each 2024 Brussels change: 01:00 UTC on 31 March and 27 October', () => {
    const hour = 3_600_000;
    const spring = Date.UTC(2024, 2, 31, 1);
    expect([offsetMinutesAt(spring - 1, TZ), offsetMinutesAt(spring, TZ), offsetMinutesAt(spring + 22 * hour, TZ)]).toEqual([60, 120, 120]);
    const autumn = Date.UTC(2024, 9, 27, 1);
    expect([offsetMinutesAt(autumn - 1, TZ), offsetMinutesAt(autumn, TZ), offsetMinutesAt(autumn + 22 * hour, TZ)]).toEqual([120, 60, 60]);
    // Every quarter-hour of both days, against the direct lookup.
    for (const start of [Date.UTC(2024, 2, 30), Date.UTC(2024, 9, 26)]) {
      for (let t = start; t < start + 3 * 24 * hour; t += hour / 4) {
        expect(offsetMinutesAt(t, TZ)).toBe(DateTime.fromMillis(t, { zone: TZ }).offset);
      }
    }
  });
});
