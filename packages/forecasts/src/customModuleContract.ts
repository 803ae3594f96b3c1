import type { ForecastMode, MarketId, SeriesName } from '@euroflex/config';
import type { ForecastRequest } from './contract';

/** Numbers a custom module may return: a plain array or a Float64Array. */
export type CustomNumbers = readonly number[] | Float64Array;

/**
 * What `initialize(context)` receives, once per run, before the first forecast. Nothing
 * else of the run reaches the module.
 */
export interface CustomModuleContext {
  readonly marketId: MarketId;
  /** IANA time zone of the market, e.g. `Europe/Brussels`. */
  readonly timezone: string;
  /** The series loaded for the run, i.e. those the module may be asked to forecast. */
  readonly seriesNames: readonly SeriesName[];
  /** `forecast_provider.mode`: whether scenarios are expected (`scenario_bundle`). */
  readonly mode: ForecastMode;
  /** `forecast_provider.init_kwargs` (path-like keys already resolved), also given to the constructor. */
  readonly initKwargs: Readonly<Record<string, unknown>>;
}

/** One scenario returned by a custom module (`forecast_provider.mode: scenario_bundle`). */
export interface CustomScenarioResult {
  /** Non-empty, unique within the result, and the same for every series of a decision. */
  readonly id: string;
  /** Probability in [0, 1]; the weights of a result sum to 1 (within 1e-9). */
  readonly weight: number;
  /** One finite value per delivery instant, in the series' unit. */
  readonly values: CustomNumbers;
  /** Extra columns of this scenario, one finite value per delivery instant. */
  readonly extra?: Readonly<Record<string, CustomNumbers>>;
}

/**
 * What `forecast(request)` returns (or resolves to) for one series and one decision.
 *
 * - `values`: one finite value per `request.deliveryInstantsMs`, in the series' unit.
 *   Required in point mode. With `scenarios` it may be omitted (the weighted mean is used);
 *   if given, it must equal that mean (within 1e-9 relative).
 * - `issueTimeMs`, `availableFromMs`: UTC epoch ms; both default to the decision time;
 *   `issueTimeMs <= availableFromMs <= decision time`.
 * - `extra`: extra columns (e.g. `imbalance_surplus_price_eur_per_mwh`), same length.
 * - `scenarios`: only in `scenario_bundle` mode; omit it for a deterministic series.
 */
export interface CustomForecastResult {
  readonly values?: CustomNumbers;
  readonly issueTimeMs?: number;
  readonly availableFromMs?: number;
  readonly extra?: Readonly<Record<string, CustomNumbers>>;
  readonly scenarios?: readonly CustomScenarioResult[];
}

/**
 * The object a custom module's class builds (`new ClassName(init_kwargs)`) or its factory
 * returns (`factory(init_kwargs)`, possibly async).
 */
export interface CustomForecaster {
  initialize?(context: CustomModuleContext): void | Promise<void>;
  forecast(request: ForecastRequest): CustomForecastResult | Promise<CustomForecastResult>;
}
