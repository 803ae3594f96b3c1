/**
 * The closed vocabularies shared by every layer: markets, series, workflows,
 * providers and the model switches of the two profiles (spec/model.md).
 */

/** Market adapters. Adding one means one adapter file in @euroflex/markets plus this id. */
export const MARKET_IDS = ['belgium', 'netherlands'] as const;
export type MarketId = (typeof MARKET_IDS)[number];

/** The input series a config may name under `data` (and a csv forecast under `forecast_provider`). */
export const SERIES_NAMES = [
  'day_ahead',
  'imbalance',
  'fcr_capacity',
  'afrr_capacity_up',
  'afrr_capacity_down',
  'afrr_activation_price_up',
  'afrr_activation_price_down',
  'afrr_activation_ratio_up',
  'afrr_activation_ratio_down',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

/** The six aFRR series a `da_plus_afrr` workflow needs. */
export const AFRR_SERIES = [
  'afrr_capacity_up',
  'afrr_capacity_down',
  'afrr_activation_price_up',
  'afrr_activation_price_down',
  'afrr_activation_ratio_up',
  'afrr_activation_ratio_down',
] as const satisfies readonly SeriesName[];

/** Unit of each series' value column. */
export const SERIES_UNITS: Readonly<Record<SeriesName, 'eur_per_mwh' | 'eur_per_mw_per_h' | 'frac'>> = {
  day_ahead: 'eur_per_mwh',
  imbalance: 'eur_per_mwh',
  fcr_capacity: 'eur_per_mw_per_h',
  afrr_capacity_up: 'eur_per_mw_per_h',
  afrr_capacity_down: 'eur_per_mw_per_h',
  afrr_activation_price_up: 'eur_per_mwh',
  afrr_activation_price_down: 'eur_per_mwh',
  afrr_activation_ratio_up: 'frac',
  afrr_activation_ratio_down: 'frac',
};

export const BASE_WORKFLOWS = ['da_only', 'da_plus_imbalance', 'da_plus_fcr', 'da_plus_afrr'] as const;
export type BaseWorkflow = (typeof BASE_WORKFLOWS)[number];
export const WORKFLOWS = [...BASE_WORKFLOWS, 'schedule_revision'] as const;
export type Workflow = (typeof WORKFLOWS)[number];

export const RUN_SCOPES = ['single_asset', 'portfolio'] as const;
export type RunScope = (typeof RUN_SCOPES)[number];

/** `custom_python` is accepted in configs as an alias of `custom_module`. */
export const PROVIDER_NAMES = ['perfect_foresight', 'persistence', 'csv', 'custom_module'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const FORECAST_MODES = ['point', 'scenario_bundle'] as const;
export type ForecastMode = (typeof FORECAST_MODES)[number];

export const MODEL_PROFILES = ['strict', 'reference_v1'] as const;
export type ModelProfile = (typeof MODEL_PROFILES)[number];

/**
 * Every difference between the `strict` and `reference_v1` profiles is one of these
 * switches (spec/model.md). The profile only sets their defaults.
 */
export interface ModelSwitches {
  /** Reserve energy sustain: `additive` at both interval ends (strict) or `independent`, start only (reference_v1). */
  readonly reserve_energy: 'additive' | 'independent';
  /** `carry`: day D starts from D-1's end SoC (strict); `reset_daily`: every day from `initial_soc_mwh`. */
  readonly soc_carry: 'carry' | 'reset_daily';
  /** Sign of downward aFRR activation money: provider pays (`bsp_pays`, strict) or receives (`bsp_receives`). */
  readonly afrr_down_activation: 'bsp_pays' | 'bsp_receives';
  /** Terminal SoC target: `equal` (default in both) or `at_least`. */
  readonly terminal_soc: 'equal' | 'at_least';
  /** NL imbalance in the solve: `dual` surplus/shortage (strict) or the `single` price column. */
  readonly imbalance_prices: 'dual' | 'single';
  /** rainflow_offline degradation in settlement: `posthoc` cost (strict) or `zero` (reference_v1). */
  readonly rainflow_settlement: 'posthoc' | 'zero';
  /** Commitment gates: `sequential` per product (strict) or one `single` decision at the day-ahead gate. */
  readonly gates: 'sequential' | 'single';
  /**
   * Realized aFRR: `actual_ratios` replays the SoC with the actual activation ratios and
   * clips what the SoC band cannot deliver (strict); `planned_soc` keeps the planned SoC and
   * books committed MW x actual ratio x actual price (reference_v1).
   */
  readonly activation_replay: 'actual_ratios' | 'planned_soc';
  /**
   * da_plus_imbalance nomination: `joint` chooses the day-ahead nomination together with the
   * physical schedule against the day-ahead and imbalance forecasts (strict: with perfect
   * foresight the run equals its joint oracle); `day_ahead_only` nominates the da_only plan
   * and leaves imbalance to the rebalances (reference_v1).
   */
  readonly imbalance_nomination: 'joint' | 'day_ahead_only';
}

export const PROFILE_DEFAULTS: Readonly<Record<ModelProfile, ModelSwitches>> = {
  strict: {
    reserve_energy: 'additive',
    soc_carry: 'carry',
    afrr_down_activation: 'bsp_pays',
    terminal_soc: 'equal',
    imbalance_prices: 'dual',
    rainflow_settlement: 'posthoc',
    gates: 'sequential',
    activation_replay: 'actual_ratios',
    imbalance_nomination: 'joint',
  },
  reference_v1: {
    reserve_energy: 'independent',
    soc_carry: 'reset_daily',
    afrr_down_activation: 'bsp_receives',
    terminal_soc: 'equal',
    imbalance_prices: 'single',
    rainflow_settlement: 'zero',
    gates: 'single',
    activation_replay: 'planned_soc',
    imbalance_nomination: 'day_ahead_only',
  },
};

/** Default reserve product block length in minutes, per profile (spec/model.md). */
export const PROFILE_BLOCK_MINUTES: Readonly<Record<ModelProfile, number>> = {
  strict: 240,
  reference_v1: 15,
};
