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

/*
 * ---------------------------------------------------------------------------------------
 * Extensions for reserves, imbalance, locks, cycle limits and scenarios (all optional; a
 * problem without them is the da_only problem above). Contract between the backtesting
 * engine and the model builder: see docs/optimization/model.md.
 * ---------------------------------------------------------------------------------------
 */

/** Product blocks of a reserve: capacity is one variable per (asset, block), constant over the block. */
export interface ReserveBlocks {
  /** Block index of each interval, length N, non-decreasing from 0 to blockCount - 1. */
  readonly blockOfInterval: Int32Array;
  readonly blockCount: number;
}

/** Symmetric FCR capacity r (spec/model.md). */
export interface FcrInput extends ReserveBlocks {
  /** pFCR per interval in EUR/MW/h (revenue r x p x dt per interval). */
  readonly capacityPriceEurPerMwH: Float64Array;
  /** pen: fee per committed MW and hour (`fcr.non_delivery_penalty_eur_per_mw`), EUR/MW/h. */
  readonly penaltyEurPerMwH: number;
  /** Dfcr in hours (`fcr.sustain_duration_minutes` / 60). */
  readonly sustainHours: number;
  /** Locked awards in MW, `[asset][block]`; NaN leaves that block free. Absent: all free. */
  readonly fixedMw?: readonly Float64Array[];
}

/** Asymmetric aFRR capacity u (up) and w (down) with expected-value activation (spec/model.md). */
export interface AfrrInput extends ReserveBlocks {
  readonly capacityUpPriceEurPerMwH: Float64Array;
  readonly capacityDownPriceEurPerMwH: Float64Array;
  /** pAU, pAD per interval in EUR/MWh. */
  readonly activationUpPriceEurPerMwh: Float64Array;
  readonly activationDownPriceEurPerMwh: Float64Array;
  /** rhoU, rhoD per interval: expected activated fraction of the reserved MW, in [0, 1]. */
  readonly activationUpRatio: Float64Array;
  readonly activationDownRatio: Float64Array;
  /**
   * sigma, the sign of the downward activation money: -1 when the provider buys the
   * activated energy (`bsp_pays`, strict), +1 when it is paid for it (`bsp_receives`).
   */
  readonly downActivationSign: 1 | -1;
  /** Fee per committed MW and hour, EUR/MW/h. */
  readonly penaltyEurPerMwH: number;
  /** Dafrr in hours. */
  readonly sustainHours: number;
  /** Locked awards, `[asset][block]`, NaN = free. */
  readonly fixedUpMw?: readonly Float64Array[];
  readonly fixedDownMw?: readonly Float64Array[];
}

/**
 * Imbalance workflows: the site's physical net export n = sum_a (d - c) deviates from the
 * day-ahead nomination b; n - b = l - h with l, h >= 0; revenue dt (pSUR l - pSHO h).
 * Single-price markets pass the same array as both prices.
 */
export interface ImbalanceInput {
  /**
   * The nomination b per interval (MW, fixed: the rebalance case), or `free`: the solve
   * also chooses b as a second, physically feasible schedule of the same batteries (no
   * degradation, no reserves) earning dt x pDA x b (the joint perfect-foresight oracle).
   */
  readonly baseline: Float64Array | 'free';
  readonly surplusPriceEurPerMwh: Float64Array;
  readonly shortagePriceEurPerMwh: Float64Array;
  /**
   * Free baseline only. `exact` (default): the nomination copy never charges and discharges
   * one asset at once (binaries where it could pay). `relaxed`: it may, so the model stays
   * an LP: the nomination is a commercial position, and the relaxation is still an upper
   * bound of every two-stage run (the exact copy's MILP can take tens of seconds a day).
   */
  readonly baselineExclusivity?: 'exact' | 'relaxed';
}

/** Fixed energy (revision locks, the running interval of a rebalance): NaN = free. */
export interface EnergyLocks {
  /** `[asset][t]` in MW. */
  readonly chargeMw: readonly Float64Array[];
  readonly dischargeMw: readonly Float64Array[];
}

/** Degradation limit of `degradation.max_cycles_per_day`, per asset, for this horizon (for each day of it with `dayStarts`). */
export interface CycleBudget {
  /** sum_t d dt / etaD <= budget, MWh of stored energy per asset (Infinity = none), over the horizon or each of its days. */
  readonly dischargeBudgetMwh: Float64Array;
}

/** How a scenario bundle's profits are combined (alpha is the tail probability mass). */
export interface RiskInput {
  readonly mode: 'expected_value' | 'downside_penalty' | 'cvar';
  /** lambda >= 0: weight of the risk term. */
  readonly lambda: number;
  /** alpha in (0, 1]: CVaR over the worst alpha probability mass (cvar only). */
  readonly tailMass: number;
}

/**
 * One weighted scenario. Decisions (c, d, r, u, w) are shared by all scenarios; the SoC is
 * per scenario because activation ratios differ. A field left out takes the base problem's.
 */
export interface ScenarioInput {
  readonly id: string;
  readonly weight: number;
  readonly dayAheadPriceEurPerMwh?: Float64Array;
  readonly fcrCapacityPriceEurPerMwH?: Float64Array;
  readonly afrrCapacityUpPriceEurPerMwH?: Float64Array;
  readonly afrrCapacityDownPriceEurPerMwH?: Float64Array;
  readonly afrrActivationUpPriceEurPerMwh?: Float64Array;
  readonly afrrActivationDownPriceEurPerMwh?: Float64Array;
  readonly afrrActivationUpRatio?: Float64Array;
  readonly afrrActivationDownRatio?: Float64Array;
}

/** Reserve energy sustain: `additive` at both interval ends (strict) or per product at the start (reference_v1). */
export type ReserveEnergyRule = 'additive' | 'independent';

/** The full problem: da_only plus whatever the workflow adds. */
export interface ExtendedDispatchProblem extends DispatchProblem {
  readonly fcr?: FcrInput;
  readonly afrr?: AfrrInput;
  /** Default `additive`. */
  readonly reserveEnergy?: ReserveEnergyRule;
  /**
   * Skip the reserve energy rows of the horizon's first instant (s_0 is fixed: a revision
   * window starting from a realized SoC cannot change it, and a drifted SoC there would make
   * the whole window infeasible instead of restoring deliverability as early as possible).
   * Default false.
   */
  readonly reserveEnergyFromSecondInstant?: boolean;
  readonly imbalance?: ImbalanceInput;
  readonly locks?: EnergyLocks;
  readonly cycles?: CycleBudget;
  /**
   * A horizon of several days (the joint oracle of a window): the first interval of each day
   * after the first, increasing, in (0, N). The rules a one-day decision has per day then hold
   * per day: the terminal rule also binds at each of these instants, and the cycle budget
   * applies to each day. Absent: the horizon is one day.
   */
  readonly dayStarts?: Int32Array;
  /** With `risk`; weights sum to 1. The base prices are then ignored where a scenario sets them. */
  readonly scenarios?: readonly ScenarioInput[];
  readonly risk?: RiskInput;
  /**
   * Internal: the length of each interval in hours, length N, when they differ (the mixed grid
   * of dispatch/coarseGrid.ts). Absent: `intervalHours` everywhere.
   */
  readonly intervalHoursEach?: Float64Array;
}

/** dt of every interval in hours (`intervalHoursEach`, or `intervalHours` repeated). */
export function intervalHoursOf(problem: ExtendedDispatchProblem): Float64Array {
  return problem.intervalHoursEach ?? new Float64Array(problem.intervalCount).fill(problem.intervalHours);
}
