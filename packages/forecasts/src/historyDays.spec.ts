import type { PublicationRule } from '@euroflex/markets';
import { testConfig as config } from '../test/support/config';
import { localMs } from '../test/support/series';
import { forecastHistoryDays, persistenceDaysBack } from './historyDays';

const TZ = 'Europe/Brussels';

describe('persistenceDaysBack', () => {
  it.each<[string, PublicationRule, string, number]>([
    ['day-ahead at its 12:00 gate, lag 60: the day before', { kind: 'daily_auction', gateLocal: '12:00', lagMinutes: 60 }, '2025-06-16T12:00', 1],
    ['day-ahead after publication: the delivery day itself', { kind: 'daily_auction', gateLocal: '12:00', lagMinutes: 60 }, '2025-06-16T13:00', 0],
    ['FCR at 08:00, lag 3000 min (public on D+1 10:00): three days', { kind: 'daily_auction', gateLocal: '08:00', lagMinutes: 3000 }, '2025-06-16T08:00', 3],
    ['FCR, lag 7 days (day X public on X+6 at 08:00, the decision time itself): seven days', { kind: 'daily_auction', gateLocal: '08:00', lagMinutes: 7 * 1440 }, '2025-06-16T08:00', 7],
    ['activation at 09:00, lag 0: the day before', { kind: 'after_interval', lagMinutes: 0 }, '2025-06-16T09:00', 1],
    ['activation at 00:00, lag 0: the last interval is 23:45 two days before', { kind: 'after_interval', lagMinutes: 0 }, '2025-06-16T00:00', 2],
    ['imbalance at 12:00, lag 3000 min: three days', { kind: 'after_interval', lagMinutes: 3000 }, '2025-06-16T12:00', 3],
  ])('%s', (_label, rule, decisionLocal, days) => {
    expect(persistenceDaysBack(rule, localMs(decisionLocal), '2025-06-17', TZ)).toBe(days);
  });
});

describe('forecastHistoryDays', () => {
  it('asks persistence for one day with the default lags, none for the other providers', () => {
    expect(forecastHistoryDays(config({}))).toBe(1);
    expect(forecastHistoryDays(config({ provider: 'perfect_foresight' }))).toBe(0);
  });

  it('accounts for a publication lag longer than a day, of a reserve or of the day-ahead series', () => {
    expect(forecastHistoryDays(config({ lags: { fcr_capacity: 3000 } }))).toBe(3);
    // Day-ahead is first forecast at the FCR gate (08:00 D-1): public on D+1 14:00, so D0-3.
    expect(forecastHistoryDays(config({ lags: { day_ahead: 3000 } }))).toBe(3);
  });

  it('ignores the lag of a series the workflow does not forecast', () => {
    expect(forecastHistoryDays(config({ workflow: 'da_only', lags: { fcr_capacity: 3000 } }))).toBe(1);
  });
});
