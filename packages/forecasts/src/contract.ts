import type { MarketId, SeriesName } from '@euroflex/config';
import type { Series } from '@euroflex/markets';

/**
 * What a provider is asked. It never receives actual future values: `history` holds
 * only the values that were public at `decisionTimeMs` (the engine clips them using the
 * market adapter's publication rules).
 */
export interface ForecastRequest {
  readonly series: SeriesName;
  readonly marketId: MarketId;
  /** IANA time zone of the market, for local-day logic (persistence). */
  readonly timezone: string;
  /** Decision instant, UTC epoch ms. */
  readonly decisionTimeMs: number;
  /** Delivery interval starts to forecast (UTC epoch ms), ascending; no prices. */
  readonly deliveryInstantsMs: Float64Array;
  /** The visible history of this series (a prefix of the loaded series). */
  readonly history: Series;
  /** Visible history of every loaded series, for providers that use covariates. */
  readonly visible: Readonly<Partial<Record<SeriesName, Series>>>;
}

/** One weighted scenario of a bundle. */
export interface ForecastScenario {
  readonly id: string;
  readonly weight: number;
  readonly values: Float64Array;
  readonly extra?: Readonly<Record<string, Float64Array>>;
}

/** A provider's answer for one series and one decision. */
export interface ForecastSnapshot {
  readonly series: SeriesName;
  readonly provider: string;
  /** When the forecast was made (UTC ms). */
  readonly issueTimeMs: number;
  /** When it became usable (UTC ms); must be <= the decision time for auditable providers. */
  readonly availableFromMs: number;
  /** Point forecast (the weighted mean for scenario bundles), aligned with the delivery instants. */
  readonly values: Float64Array;
  /** Extra columns, e.g. Dutch `imbalance_surplus_price_eur_per_mwh` / `..._shortage_...`. */
  readonly extra?: Readonly<Record<string, Float64Array>>;
  /** Scenario bundle; absent in point mode. */
  readonly scenarios?: readonly ForecastScenario[];
}

/**
 * A forecast provider. `forecast` must be a pure function of its request. It reports
 * problems with the user's data or files as `UserError`s (from @euroflex/config) naming the
 * series, the decision time and the fix; the engine checks every answer with `validateSnapshot`.
 */
export interface ForecastProvider {
  readonly name: string;
  /** False only for perfect foresight, the oracle. */
  readonly auditable: boolean;
  forecast(request: ForecastRequest): ForecastSnapshot | Promise<ForecastSnapshot>;
}
