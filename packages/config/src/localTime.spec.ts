import {
  datesNearOffsetChange,
  isoDatesBetween,
  localTimeOccurrences,
  offsetChangesNear,
  shiftIsoDate,
} from './localTime';

describe('local times around DST', () => {
  it('finds the skipped spring hour and the repeated autumn hour in Brussels', () => {
    expect(localTimeOccurrences('2025-03-30', 2 * 60 + 30, 'Europe/Brussels')).toBe(0);
    expect(localTimeOccurrences('2025-03-30', 3 * 60, 'Europe/Brussels')).toBe(1);
    expect(localTimeOccurrences('2025-03-30', 60 + 45, 'Europe/Brussels')).toBe(1);
    expect(localTimeOccurrences('2025-10-26', 2 * 60, 'Europe/Amsterdam')).toBe(2);
    expect(localTimeOccurrences('2025-10-26', 3 * 60, 'Europe/Amsterdam')).toBe(1);
    expect(localTimeOccurrences('2025-06-17', 2 * 60 + 30, 'Europe/Brussels')).toBe(1);
  });

  it('flags only days near an offset change', () => {
    expect(offsetChangesNear('2025-03-30', 'Europe/Brussels')).toBe(true);
    expect(offsetChangesNear('2025-06-17', 'Europe/Brussels')).toBe(false);
    expect(offsetChangesNear('2025-03-30', 'UTC')).toBe(false);
  });

  it('lists calendar dates inclusively and shifts them across month ends', () => {
    expect(isoDatesBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(isoDatesBetween('2025-06-17', '2025-06-16')).toEqual([]);
    expect(shiftIsoDate('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('datesNearOffsetChange', () => {
  it('keeps the days within two days of a change, and agrees with offsetChangesNear', () => {
    const year = isoDatesBetween('2025-01-01', '2025-12-31');
    const near = datesNearOffsetChange(year, 'Europe/Brussels');
    expect(near).toEqual(year.filter((date) => offsetChangesNear(date, 'Europe/Brussels')));
    expect(near).toContain('2025-03-30');
    expect(near).toContain('2025-10-26');
    expect(near.length).toBeLessThanOrEqual(10);
    expect(datesNearOffsetChange([], 'Europe/Brussels')).toEqual([]);
  });
});
