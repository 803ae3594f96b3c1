import { addDays, localDateOf, localMidnightMs, localTimeToUtcMs } from './calendar';
import { countBefore, INTERVAL_MS, type Series } from './series';

/**
 * When a value becomes public. Visibility is by publication, not by delivery:
 * a value is visible at a decision time tau iff its publication time <= tau.
 */
export type PublicationRule =
  /** Every value of local day X is public at (X-1, `gateLocal`) + `lagMinutes` (auction results). */
  | { readonly kind: 'daily_auction'; readonly gateLocal: string; readonly lagMinutes: number }
  /** A value is public when its interval ends, plus `lagMinutes` (imbalance prices, activations). */
  | { readonly kind: 'after_interval'; readonly lagMinutes: number };

/** Publication instant (UTC ms) of the value of the interval starting at `deliveryStartMs`. */
export function publicationTimeMs(rule: PublicationRule, deliveryStartMs: number, timezone: string): number {
  if (rule.kind === 'after_interval') {
    return deliveryStartMs + INTERVAL_MS + rule.lagMinutes * 60_000;
  }
  const day = localDateOf(deliveryStartMs, timezone);
  return localTimeToUtcMs(addDays(day, -1), rule.gateLocal, timezone) + rule.lagMinutes * 60_000;
}

/**
 * How many leading values of `series` are public at `decisionTimeMs`. Publication time
 * never decreases with delivery time under either rule, so the visible part is a prefix.
 */
export function visibleCount(
  series: Pick<Series, 'instantsMs'>,
  rule: PublicationRule,
  decisionTimeMs: number,
  timezone: string,
): number {
  if (rule.kind === 'after_interval') {
    const latestVisibleStart = decisionTimeMs - INTERVAL_MS - rule.lagMinutes * 60_000;
    return countBefore(series, latestVisibleStart + 1);
  }
  const day = latestPublicAuctionDay(rule, decisionTimeMs, timezone);
  return countBefore(series, localMidnightMs(addDays(day, 1), timezone));
}

/**
 * The latest local delivery day whose auction result (`rule`) is public at `decisionTimeMs`:
 * tomorrow + 1 downwards, as far back as the lag reaches (a lag of several days included).
 */
export function latestPublicAuctionDay(
  rule: Extract<PublicationRule, { kind: 'daily_auction' }>,
  decisionTimeMs: number,
  timezone: string,
): string {
  const today = localDateOf(decisionTimeMs, timezone);
  // The gate is on D-1 and the lag adds whole days at most ceil(lag / 1 day), plus one for DST.
  const lowest = -Math.ceil(rule.lagMinutes / 1440) - 2;
  let offset = 2;
  for (; offset > lowest; offset -= 1) {
    const publishedMs = localTimeToUtcMs(addDays(today, offset - 1), rule.gateLocal, timezone) + rule.lagMinutes * 60_000;
    if (publishedMs <= decisionTimeMs) {
      break;
    }
  }
  return addDays(today, offset);
}
