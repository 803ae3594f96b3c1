import type { MarketId } from './vocabulary';

/**
 * The IANA time zone of each market. A config's `timing.timezone` must equal it; the
 * markets layer reuses this table for its calendars.
 */
export const MARKET_TIMEZONES: Readonly<Record<MarketId, string>> = {
  belgium: 'Europe/Brussels',
  netherlands: 'Europe/Amsterdam',
};

/** Adapter names as used in messages ("Belgium adapter requires ..."). */
export const MARKET_LABELS: Readonly<Record<MarketId, string>> = {
  belgium: 'Belgium',
  netherlands: 'Netherlands',
};

/** The IANA time zone of `marketId`, e.g. `Europe/Brussels` for `belgium`. */
export function marketTimezone(marketId: MarketId): string {
  return MARKET_TIMEZONES[marketId];
}
