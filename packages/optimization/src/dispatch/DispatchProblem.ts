/**
 * One battery of a dispatch problem, in model units. Pure data: the backtesting layer maps
 * the config (and the availability calendar) to it.
 */
export interface DispatchAsset {
  /** Asset id from the config. Any string: it never enters LP names (assets are indexed by position). */
  readonly id: string;
  /** P_a x alpha_{a,t}: usable charge and discharge power per interval in MW, length N (0 = unavailable). */
  readonly powerLimitMw: Float64Array;
  /** Effective SoC floor Smin in MWh (`soc_min_mwh` + `minimum_headroom_mwh`). */
  readonly socMinMwh: number;
  /** Effective SoC ceiling Smax in MWh (`soc_max_mwh` - `minimum_headroom_mwh`). */
  readonly socMaxMwh: number;
  /** SoC at instant 0 in MWh (the configured initial SoC, or the SoC carried from the previous plan). */
  readonly initialSocMwh: number;
  /** SoC target at instant N in MWh, or null for none. */
  readonly terminalSocMwh: number | null;
  /** etaC in (0, 1]: MWh stored per MWh drawn from the grid. */
  readonly chargeEfficiency: number;
  /** etaD in (0, 1]: MWh delivered to the grid per MWh taken from storage. */
  readonly dischargeEfficiency: number;
  /** k >= 0: degradation cost in EUR per MWh of grid-side throughput (charge + discharge). */
  readonly degradationEurPerMwh: number;
}

/** The shared grid connection (point of interconnection) of all assets. */
export interface DispatchSite {
  /** I: limit on the summed charging power in MW, every interval (Infinity for none). */
  readonly importLimitMw: number;
  /** E: limit on the summed discharging power in MW, every interval (Infinity for none). */
  readonly exportLimitMw: number;
}

/**
 * A da_only dispatch decision: N intervals of `intervalHours` (0.25 h), one or more batteries
 * behind one POI, day-ahead prices per interval. Interval t covers [instant t, instant t+1).
 */
export interface DispatchProblem {
  /** N, the number of intervals (96 on a normal local day, 92 / 100 on DST days). */
  readonly intervalCount: number;
  /** dt in hours. 0.25 for the 15-minute grid. */
  readonly intervalHours: number;
  readonly assets: readonly DispatchAsset[];
  readonly site: DispatchSite;
  /** pDA per interval in EUR/MWh, length N. Negative prices are allowed. */
  readonly dayAheadPriceEurPerMwh: Float64Array;
  /** How a set terminal SoC binds: `equal` (s_N = ST) or `at_least` (s_N >= ST). */
  readonly terminalSoc: 'equal' | 'at_least';
}
