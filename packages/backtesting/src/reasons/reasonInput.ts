import type { ReasonTolerances } from './reasonCodes';

/** One asset's executed interval arrays (all of the run's length N), its band and its losses. */
export interface AssetReasonInput {
  /** Executed grid-side charging power, MW. */
  readonly chargeMw: ArrayLike<number>;
  /** Executed grid-side discharging power, MW. */
  readonly dischargeMw: ArrayLike<number>;
  /** The asset's part of the day-ahead nomination (net export), MW. */
  readonly nominationMw: ArrayLike<number>;
  /**
   * The final plan's flows, MW. Where the executed flow differs from the plan, the realized
   * SoC reached a bound and the replay cut the flow. Default: the executed flows (no cuts).
   */
  readonly plannedChargeMw?: ArrayLike<number>;
  readonly plannedDischargeMw?: ArrayLike<number>;
  /** Reserve capacity held, MW (absent or all zero where the workflow has no such product). */
  readonly fcrMw?: ArrayLike<number>;
  readonly afrrUpMw?: ArrayLike<number>;
  readonly afrrDownMw?: ArrayLike<number>;
  /** Realized SoC at the start and end of each interval, MWh. */
  readonly socStartMwh: ArrayLike<number>;
  readonly socEndMwh: ArrayLike<number>;
  /** Effective SoC band (soc_min + headroom .. soc_max - headroom), MWh. */
  readonly socMinMwh: number;
  readonly socMaxMwh: number;
  /** Power limit per interval: min(power, connection limit) x availability, MW. */
  readonly powerLimitMw: ArrayLike<number>;
  readonly chargeEfficiency: number;
  readonly dischargeEfficiency: number;
  /** Degradation cost per MWh of grid-side throughput, EUR/MWh. */
  readonly degradationEurPerMwh: number;
}

/** Everything the decision tree reads: per-interval arrays of one run (or one day). */
export interface ReasonCodeInput {
  /** Assets in config order. */
  readonly assets: readonly AssetReasonInput[];
  /** The day-ahead forecast price each interval was planned with, EUR/MWh (the price signal). */
  readonly priceForecastEurPerMwh: ArrayLike<number>;
  /** Local delivery date of each interval: the price signal compares prices within a day. */
  readonly deliveryDate: readonly string[];
  /** POI limits, MW: one value for the run or one per interval. */
  readonly poiImportLimitMw: number | ArrayLike<number>;
  readonly poiExportLimitMw: number | ArrayLike<number>;
  /** Shadow prices of the POI rows in the deciding plan, EUR per MW (default: none known, 0). */
  readonly poiImportDualEurPerMw?: ArrayLike<number>;
  readonly poiExportDualEurPerMw?: ArrayLike<number>;
  /** Defaults to DEFAULT_REASON_TOLERANCES. */
  readonly tolerances?: Partial<ReasonTolerances>;
}

/** Per-interval value of a limit given as one number or an array. */
export function valueAt(limit: number | ArrayLike<number>, t: number): number {
  return typeof limit === 'number' ? limit : limit[t];
}

/** Element t of an optional array, 0 where the array is absent. */
export function orZero(values: ArrayLike<number> | undefined, t: number): number {
  return values === undefined ? 0 : values[t];
}
