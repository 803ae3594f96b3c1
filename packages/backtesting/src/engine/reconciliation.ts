import { INTERVAL_H } from '@euroflex/markets';

/** Per-interval PnL views and buckets of one asset (or the site), EUR. */
export interface ReconciliationColumns {
  readonly baseline_expected_pnl_eur: Float64Array;
  readonly revised_expected_pnl_eur: Float64Array;
  readonly realized_pnl_eur: Float64Array;
  readonly revision_uplift_eur: Float64Array;
  readonly forecast_error_eur: Float64Array;
  readonly activation_deviation_eur: Float64Array;
  readonly imbalance_deviation_eur: Float64Array;
  readonly soc_drift_non_delivery_eur: Float64Array;
  readonly degradation_drift_eur: Float64Array;
}
export type ReconciliationColumnName = keyof ReconciliationColumns;

export const RECONCILIATION_COLUMNS: readonly ReconciliationColumnName[] = [
  'baseline_expected_pnl_eur',
  'revised_expected_pnl_eur',
  'realized_pnl_eur',
  'revision_uplift_eur',
  'forecast_error_eur',
  'activation_deviation_eur',
  'imbalance_deviation_eur',
  'soc_drift_non_delivery_eur',
  'degradation_drift_eur',
];

/** The buckets, which sum to realized - baseline expected. */
export const BUCKETS: readonly ReconciliationColumnName[] = [
  'revision_uplift_eur',
  'forecast_error_eur',
  'activation_deviation_eur',
  'imbalance_deviation_eur',
  'soc_drift_non_delivery_eur',
  'degradation_drift_eur',
];

/**
 * What reconciliation reads: the same columns a run directory's tables hold, so that the
 * inline numbers (during the backtest) and the standalone ones (`euroflex reconcile`, from
 * the files) come from identical inputs and agree exactly.
 */
export interface ReconciliationInput {
  readonly assets: readonly {
    readonly id: string;
    readonly baselineExpectedPnlEur: Float64Array;
    readonly expectedPnlEur: Float64Array;
    readonly realizedPnlEur: Float64Array;
    readonly imbalanceRevenueEur: Float64Array;
    readonly expectedImbalanceRevenueEur: Float64Array;
    readonly reserveActivationRevenueEur: Float64Array;
    readonly reservePenaltyEur: Float64Array;
    readonly expectedReservePenaltyEur: Float64Array;
    readonly degradationCostEur: Float64Array;
    readonly expectedDegradationCostEur: Float64Array;
    readonly afrrUpMw?: Float64Array;
    readonly afrrDownMw?: Float64Array;
  }[];
  /** aFRR activation ratios and prices of the site (forecast = what the final plan used). */
  readonly activation?: {
    readonly ratioUpForecast: Float64Array;
    readonly ratioUpActual: Float64Array;
    readonly ratioDownForecast: Float64Array;
    readonly ratioDownActual: Float64Array;
    readonly priceUpActual: Float64Array;
    readonly priceDownActual: Float64Array;
  };
  /** sigma: -1 under `afrr_down_activation: bsp_pays`, +1 under `bsp_receives`. */
  readonly downActivationSign: 1 | -1;
}

export interface Reconciliation {
  readonly assets: readonly ReconciliationColumns[];
  /** Column by column the sum over assets, in asset order. */
  readonly site: ReconciliationColumns;
}

function empty(length: number): ReconciliationColumns {
  const out = {} as Record<ReconciliationColumnName, Float64Array>;
  for (const name of RECONCILIATION_COLUMNS) {
    out[name] = new Float64Array(length);
  }
  return out;
}

/**
 * Reconciliation (spec/engine.md): three views per interval and asset (baseline expected,
 * revised expected, realized; all with degradation, so realized sums to the run total) and
 * buckets that sum to realized - baseline expected:
 * - revision_uplift = revised expected - baseline expected;
 * - activation_deviation = aFRR energy money at actual prices, actual minus forecast ratios;
 * - soc_drift_non_delivery = the money lost to clipped activations (their activation money
 *   and the non-delivery penalty);
 * - imbalance_deviation = realized - expected imbalance (deviation) revenue;
 * - degradation_drift = expected - realized degradation cost;
 * - forecast_error = the rest: realized at actual prices on the final plan minus revised
 *   expected, less the buckets above; it equals the price errors of the nomination's
 *   day-ahead money, the reserve capacity and the activation prices (`explainedForecastError`).
 */
export function reconcile(input: ReconciliationInput): Reconciliation {
  const length = input.assets[0]?.realizedPnlEur.length ?? 0;
  const dt = INTERVAL_H;
  const sigma = input.downActivationSign;
  const assets = input.assets.map((asset) => {
    const out = empty(length);
    for (let t = 0; t < length; t += 1) {
      const baseline = asset.baselineExpectedPnlEur[t];
      const revised = asset.expectedPnlEur[t];
      const realized = asset.realizedPnlEur[t];
      let activationDeviation = 0;
      let socDrift = 0;
      const act = input.activation;
      if (act && (asset.afrrUpMw || asset.afrrDownMw)) {
        const u = asset.afrrUpMw?.[t] ?? 0;
        const w = asset.afrrDownMw?.[t] ?? 0;
        const actualRatios = dt * (u * act.ratioUpActual[t] * act.priceUpActual[t] + sigma * w * act.ratioDownActual[t] * act.priceDownActual[t]);
        const forecastRatios = dt * (u * act.ratioUpForecast[t] * act.priceUpActual[t] + sigma * w * act.ratioDownForecast[t] * act.priceDownActual[t]);
        activationDeviation = actualRatios - forecastRatios;
        socDrift = asset.reserveActivationRevenueEur[t] - actualRatios - (asset.reservePenaltyEur[t] - asset.expectedReservePenaltyEur[t]);
      }
      const imbalanceDeviation = asset.imbalanceRevenueEur[t] - asset.expectedImbalanceRevenueEur[t];
      const degradationDrift = asset.expectedDegradationCostEur[t] - asset.degradationCostEur[t];
      const uplift = revised - baseline;
      out.baseline_expected_pnl_eur[t] = baseline;
      out.revised_expected_pnl_eur[t] = revised;
      out.realized_pnl_eur[t] = realized;
      out.revision_uplift_eur[t] = uplift;
      out.activation_deviation_eur[t] = activationDeviation;
      out.soc_drift_non_delivery_eur[t] = socDrift;
      out.imbalance_deviation_eur[t] = imbalanceDeviation;
      out.degradation_drift_eur[t] = degradationDrift;
      out.forecast_error_eur[t] = realized - revised - activationDeviation - socDrift - imbalanceDeviation - degradationDrift;
    }
    return out;
  });
  const site = empty(length);
  for (const name of RECONCILIATION_COLUMNS) {
    for (const columns of assets) {
      const source = columns[name];
      const target = site[name];
      for (let t = 0; t < length; t += 1) {
        target[t] += source[t];
      }
    }
  }
  return { assets, site };
}

/** Run totals of each view and bucket. */
export function reconciliationTotals(columns: ReconciliationColumns): Record<ReconciliationColumnName, number> {
  const out = {} as Record<ReconciliationColumnName, number>;
  for (const name of RECONCILIATION_COLUMNS) {
    let sum = 0;
    for (const value of columns[name]) {
      sum += value;
    }
    out[name] = sum;
  }
  return out;
}
