import { DateTime } from 'luxon';
import { formatOffset, zoneClock } from './zoneClock';

const BRUSSELS = zoneClock('Europe/Brussels');

describe('zoneClock', () => {
  it('agrees with luxon on every quarter-hour around both 2024 DST changes', () => {
    for (const day of [Date.UTC(2024, 2, 30), Date.UTC(2024, 9, 26)]) {
      for (let q = 0; q < 3 * 96; q += 1) {
        const instant = day + q * 900_000;
        const expected = DateTime.fromMillis(instant, { zone: 'Europe/Brussels' });
        expect(BRUSSELS.offsetMinutes(instant)).toBe(expected.offset);
        expect(BRUSSELS.formatLocal(instant)).toBe(expected.toISO({ suppressMilliseconds: true }));
      }
    }
  });

  it('agrees with luxon over two years, asked out of order, in zones with other rules', () => {
    // Filled a week at a time: weeks with and without a change, read backwards, then forwards.
    for (const timezone of ['Europe/Amsterdam', 'Australia/Adelaide', 'America/St_Johns', 'Asia/Kathmandu']) {
      const clock = zoneClock(timezone);
      const start = Date.UTC(2023, 11, 25);
      const quarters = 2 * 366 * 96;
      const backwards = Array.from({ length: Math.ceil(quarters / 7) }, (_, i) => quarters - 1 - 7 * i);
      const forwards = Array.from({ length: quarters / 4 }, (_, i) => 4 * i + (i % 4));
      const wrong = [...backwards, ...forwards]
        .map((q) => start + q * 900_000)
        .filter((instant) => clock.offsetMinutes(instant) !== DateTime.fromMillis(instant, { zone: timezone }).offset);
      expect({ timezone, wrong }).toEqual({ timezone, wrong: [] });
    }
  });

  it('places wall times: none in the spring gap, two in the autumn repeat', () => {
    expect(BRUSSELS.instantsOfWall(Date.UTC(2024, 2, 31, 2, 30))).toEqual([]);
    expect(BRUSSELS.instantsOfWall(Date.UTC(2024, 9, 27, 2, 30))).toEqual([
      Date.UTC(2024, 9, 27, 0, 30),
      Date.UTC(2024, 9, 27, 1, 30),
    ]);
    expect(BRUSSELS.instantsOfWall(Date.UTC(2024, 5, 17, 12))).toEqual([Date.UTC(2024, 5, 17, 10)]);
  });

  it('gives minutes since local midnight', () => {
    expect(BRUSSELS.minuteOfDay(Date.UTC(2024, 5, 16, 22))).toBe(0);
    expect(BRUSSELS.minuteOfDay(Date.UTC(2024, 9, 27, 1, 15))).toBe(2 * 60 + 15);
  });

  it('rejects an unknown zone and memoises known ones', () => {
    expect(() => zoneClock('Europe/Atlantis')).toThrow(/IANA/);
    expect(zoneClock('Europe/Brussels')).toBe(BRUSSELS);
  });

  it('formats offsets', () => {
    expect(formatOffset(120)).toBe('+02:00');
    expect(formatOffset(-210)).toBe('-03:30');
    expect(formatOffset(0)).toBe('+00:00');
  });
});
