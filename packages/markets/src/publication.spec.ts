import { localDayGrid } from './calendar';
import { publicationTimeMs, visibleCount, type PublicationRule } from './publication';

const TZ = 'Europe/Brussels';
const DAY_AHEAD: PublicationRule = { kind: 'daily_auction', gateLocal: '12:00', lagMinutes: 60 };
const IMBALANCE: PublicationRule = { kind: 'after_interval', lagMinutes: 15 };

function gridOf(...dates: string[]): { instantsMs: Float64Array } {
  return { instantsMs: Float64Array.from(dates.flatMap((date) => Array.from(localDayGrid(date, TZ)))) };
}

describe('publicationTimeMs', () => {
  it('publishes a whole auction day at D-1 gate + lag', () => {
    // 12:00 CEST + 60 min = 11:00Z on D-1, for the first and the last interval of D.
    expect(publicationTimeMs(DAY_AHEAD, Date.UTC(2025, 5, 16, 22), TZ)).toBe(Date.UTC(2025, 5, 16, 11));
    expect(publicationTimeMs(DAY_AHEAD, Date.UTC(2025, 5, 17, 21, 45), TZ)).toBe(Date.UTC(2025, 5, 16, 11));
    // Winter: 12:00 CET + 60 min = 12:00Z.
    expect(publicationTimeMs(DAY_AHEAD, Date.UTC(2024, 0, 14, 23), TZ)).toBe(Date.UTC(2024, 0, 14, 12));
  });

  it('publishes after-interval values at interval end + lag', () => {
    expect(publicationTimeMs(IMBALANCE, Date.UTC(2025, 5, 17, 10), TZ)).toBe(Date.UTC(2025, 5, 17, 10, 30));
    expect(publicationTimeMs({ kind: 'after_interval', lagMinutes: 0 }, Date.UTC(2025, 5, 17, 10), TZ)).toBe(
      Date.UTC(2025, 5, 17, 10, 15),
    );
  });
});

describe('visibleCount, daily auction', () => {
  const series = gridOf('2025-06-15', '2025-06-16', '2025-06-17', '2025-06-18');

  it('shows day D only from D-1 gate + lag', () => {
    expect(visibleCount(series, DAY_AHEAD, Date.UTC(2025, 5, 16, 10, 59), TZ)).toBe(2 * 96);
    expect(visibleCount(series, DAY_AHEAD, Date.UTC(2025, 5, 16, 11), TZ)).toBe(3 * 96);
    expect(visibleCount(series, DAY_AHEAD, Date.UTC(2025, 5, 17, 11), TZ)).toBe(4 * 96);
  });

  it('counts 92 and 100 quarter-hours on DST delivery days', () => {
    const spring = gridOf('2024-03-30', '2024-03-31', '2024-04-01');
    expect(visibleCount(spring, DAY_AHEAD, Date.UTC(2024, 2, 30, 11, 59), TZ)).toBe(96);
    expect(visibleCount(spring, DAY_AHEAD, Date.UTC(2024, 2, 30, 12), TZ)).toBe(96 + 92);
    const autumn = gridOf('2024-10-26', '2024-10-27', '2024-10-28');
    // 2024-10-28 is public at 2024-10-27 13:00 CET = 12:00Z.
    expect(visibleCount(autumn, DAY_AHEAD, Date.UTC(2024, 9, 27, 11, 59), TZ)).toBe(96 + 100);
    expect(visibleCount(autumn, DAY_AHEAD, Date.UTC(2024, 9, 27, 12), TZ)).toBe(96 + 100 + 96);
  });

  it('keeps a lag of several days: nothing newer than the lag allows is visible', () => {
    // Lag 5 days on a 12:00 gate: day X is public on X+4 at 12:00 CEST (10:00Z).
    const lagged: PublicationRule = { kind: 'daily_auction', gateLocal: '12:00', lagMinutes: 5 * 1440 };
    const week = gridOf('2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13', '2025-06-14', '2025-06-15', '2025-06-16');
    expect(visibleCount(week, lagged, Date.UTC(2025, 5, 16, 9, 59), TZ)).toBe(2 * 96); // the 10th and 11th
    expect(visibleCount(week, lagged, Date.UTC(2025, 5, 16, 10), TZ)).toBe(3 * 96); // and the 12th
  });
});

describe('visibleCount, after interval', () => {
  it('shows an interval 15 min after it ends', () => {
    const series = gridOf('2025-06-17');
    const start = Date.UTC(2025, 5, 16, 22);
    expect(visibleCount(series, IMBALANCE, start + 29 * 60_000, TZ)).toBe(0);
    expect(visibleCount(series, IMBALANCE, start + 30 * 60_000, TZ)).toBe(1);
    expect(visibleCount(series, IMBALANCE, start + 45 * 60_000, TZ)).toBe(2);
  });

  it('counts both repeated 02:00 hours of the autumn day', () => {
    const series = gridOf('2024-10-27');
    // At 02:00Z (03:00 CET) the intervals 22:00Z .. 01:30Z are public: 15 of them, 8 in local 02:xx.
    expect(visibleCount(series, IMBALANCE, Date.UTC(2024, 9, 27, 2), TZ)).toBe(15);
  });
});
