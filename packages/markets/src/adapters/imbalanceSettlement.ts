import { INTERVAL_H, type Series } from '../series';
import type { MarketAdapter } from './marketAdapter';

/** The imbalance price(s) of one interval, tagged with the settlement rule. */
export type ImbalancePrices =
  | { readonly rule: 'single_price'; readonly price_eur_per_mwh: number }
  | { readonly rule: 'dual_price'; readonly surplus_eur_per_mwh: number; readonly shortage_eur_per_mwh: number };

/**
 * Money received for an imbalance of `deviationMw` (executed net export minus the
 * nomination: positive = long) held for `dtH` hours (default one quarter-hour). Single
 * price: deviation x price. Dual price: the surplus price when long (deviation >= 0), the
 * shortage price when short. Negative results are payments.
 */
export function imbalanceRevenueEur(deviationMw: number, prices: ImbalancePrices, dtH: number = INTERVAL_H): number {
  if (prices.rule === 'single_price') {
    return deviationMw * prices.price_eur_per_mwh * dtH;
  }
  const price = deviationMw >= 0 ? prices.surplus_eur_per_mwh : prices.shortage_eur_per_mwh;
  return deviationMw * price * dtH;
}

/**
 * The imbalance prices of interval `index` of an imbalance series under the adapter's rule.
 * `mode: 'single'` (model switch `imbalance_prices: single`) uses the value column even in a
 * dual-price market. Throws a RangeError when a dual-price column is missing.
 */
export function imbalancePricesAt(
  adapter: MarketAdapter,
  series: Series,
  index: number,
  mode: 'dual' | 'single' = 'dual',
): ImbalancePrices {
  if (adapter.imbalanceSettlement === 'single_price' || mode === 'single' || adapter.imbalanceColumns === undefined) {
    return { rule: 'single_price', price_eur_per_mwh: series.values[index] };
  }
  const surplus = series.columns[adapter.imbalanceColumns.surplus];
  const shortage = series.columns[adapter.imbalanceColumns.shortage];
  if (surplus === undefined || shortage === undefined) {
    throw new RangeError(
      `${adapter.id} imbalance needs columns ${adapter.imbalanceColumns.surplus} and ${adapter.imbalanceColumns.shortage}`,
    );
  }
  return { rule: 'dual_price', surplus_eur_per_mwh: surplus[index], shortage_eur_per_mwh: shortage[index] };
}
