import { marketTimezone, type EuroflexConfig } from '@euroflex/config';
import { addDays, INTERVAL_MS, latestPublicAuctionDay, localDateOf, type PublicationRule } from '@euroflex/markets';
import { configPublicationRules, firstForecastTimesMs, type ScheduleConfig } from './forecastSchedule';

/** Whole local days from `earlierDate` to `laterDate` (ISO dates). */
function daysFrom(earlierDate: string, laterDate: string): number {
  let days = 0;
  while (addDays(earlierDate, days) < laterDate) {
    days += 1;
  }
  return days;
}

/**
 * How many local days before `deliveryDate` persistence reaches back for a series published
 * by `rule`, deciding at `decisionMs`: to the latest local day fully public then (auction
 * series; 0 when the delivery day itself is public), or to the day of the last interval
 * public then (series published after each interval). A publication lag of 50 hours on a
 * D-1 gate makes it 3 days instead of 1.
 */
export function persistenceDaysBack(rule: PublicationRule, decisionMs: number, deliveryDate: string, timezone: string): number {
  const sourceDate =
    rule.kind === 'daily_auction'
      ? latestPublicAuctionDay(rule, decisionMs, timezone)
      : localDateOf(decisionMs - INTERVAL_MS - rule.lagMinutes * 60_000, timezone);
  return daysFrom(sourceDate, deliveryDate);
}

/**
 * Days of history before the delivery window that the config's forecast provider reads:
 * for persistence, the most any forecast series needs at the first delivery day's first
 * decision (`firstForecastTimesMs`), given its publication rule and lag (1 with the default
 * lags); 0 for the other providers.
 */
export function forecastHistoryDays(config: ScheduleConfig & Pick<EuroflexConfig, 'forecast_provider'>): number {
  if (config.forecast_provider.name !== 'persistence') {
    return 0;
  }
  const timezone = marketTimezone(config.market.id);
  const rules = configPublicationRules(config);
  const firstDate = config.timing.delivery_start_date;
  let days = 0;
  for (const [series, decisionMs] of firstForecastTimesMs(config, firstDate)) {
    days = Math.max(days, persistenceDaysBack(rules[series], decisionMs, firstDate, timezone));
  }
  return days;
}
