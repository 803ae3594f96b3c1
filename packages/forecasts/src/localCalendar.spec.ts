import { createLocalCalendar, dateIsoOf } from './localCalendar';

describe('createLocalCalendar (Europe/Brussels)', () => {
  const calendar = createLocalCalendar('Europe/Brussels');

  it.each([
    ['2024-03-30T23:00:00Z', '2024-03-31', 0],
    ['2024-03-31T00:45:00Z', '2024-03-31', 105],
    ['2024-03-31T01:00:00Z', '2024-03-31', 180],
    ['2024-10-27T00:00:00Z', '2024-10-27', 120],
    ['2024-10-27T01:00:00Z', '2024-10-27', 120],
    ['2024-10-27T22:45:00Z', '2024-10-27', 1425],
    ['2024-10-27T23:00:00Z', '2024-10-28', 0],
  ])('reads %s as %s minute %d', (iso, dateIso, minuteOfDay) => {
    const reading = calendar.read(Date.parse(iso));
    expect([dateIsoOf(reading.localDay), reading.minuteOfDay]).toEqual([dateIso, minuteOfDay]);
  });

  it('gives the 92, 96 and 100 quarter-hours of local days', () => {
    const dayOf = (iso: string): number => calendar.read(Date.parse(iso)).localDay;
    const days = ['2024-03-31T12:00:00Z', '2024-04-01T12:00:00Z', '2024-10-27T12:00:00Z'].map(dayOf);
    expect(days.map((day) => calendar.dayGrid(day).length)).toEqual([92, 96, 100]);
    expect(calendar.dayGrid(days[1])[0]).toBe(Date.parse('2024-03-31T22:00:00Z'));
    expect(days[1] - days[0]).toBe(1);
  });

  it('rejects an unknown time zone', () => {
    expect(() => createLocalCalendar('Europe/Atlantis')).toThrow('not a valid IANA time zone');
  });
});
