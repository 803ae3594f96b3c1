import { createLocalClock } from './localClock';

describe('createLocalClock (Europe/Brussels)', () => {
  const clock = createLocalClock('Europe/Brussels');

  it.each([
    ['2024-03-30T23:00:00Z', '2024-03-31', 0],
    ['2024-03-31T00:45:00Z', '2024-03-31', 105],
    ['2024-03-31T01:00:00Z', '2024-03-31', 180],
    ['2024-10-27T00:00:00Z', '2024-10-27', 120],
    ['2024-10-27T01:00:00Z', '2024-10-27', 120],
    ['2024-10-27T22:45:00Z', '2024-10-27', 1425],
    ['2024-10-27T23:00:00Z', '2024-10-28', 0],
  ])('reads %s as %s minute %d', (iso, dateIso, minuteOfDay) => {
    expect(clock(Date.parse(iso))).toEqual({ dateIso, minuteOfDay });
  });

  it('rejects an unknown time zone', () => {
    expect(() => createLocalClock('Europe/Atlantis')).toThrow('not a valid IANA time zone');
  });
});
