import type { SolveStatus } from '../solver/SolveResult';

/** The plan of one asset. */
export interface DispatchAssetPlan {
  readonly id: string;
  /** c_t in MW, length N. */
  readonly chargeMw: Float64Array;
  /** d_t in MW, length N. Never > 1e-9 where `chargeMw` is > 1e-9. */
  readonly dischargeMw: Float64Array;
  /** s_t in MWh at instants 0..N, length N + 1. */
  readonly socMwh: Float64Array;
}

/** Solver work behind one decision. */
export interface DispatchStats {
  readonly lpSolves: number;
  readonly milpSolves: number;
  /** Binary columns of the MILP (0 when the LP sufficed). */
  readonly binaryCount: number;
  /** Wall time inside HiGHS for this decision, in milliseconds. */
  readonly solverMs: number;
  /** Achieved relative gap of the MILP; null when no MILP was solved. */
  readonly mipGap: number | null;
}

/**
 * Shadow prices of the POI rows in the final LP (after a MILP: the LP with the chosen modes
 * fixed). Entry t is the objective gain in EUR per extra MW of limit in interval t; > 0
 * exactly where the limit binds and costs money.
 */
export interface DispatchDuals {
  readonly poiImportEurPerMw: Float64Array;
  readonly poiExportEurPerMw: Float64Array;
}

/**
 * Outcome of one dispatch decision. `assets` holds a plan when `status` is `optimal` (or
 * `time_limit` with a MILP incumbent) and is empty otherwise; `objectiveEur` is then NaN.
 */
export interface DispatchResult {
  readonly status: SolveStatus;
  /** sum_a,t dt [pDA (d - c) - k (c + d)] of the returned plan, in EUR. */
  readonly objectiveEur: number;
  readonly assets: readonly DispatchAssetPlan[];
  /** `lp` when the LP optimum already had no overlap where burning pays, `milp` otherwise. */
  readonly solvedAs: 'lp' | 'milp';
  readonly stats: DispatchStats;
  readonly duals?: DispatchDuals;
  /** Why the decision failed, when it did. */
  readonly message?: string;
}

/** Reserve awards of one asset, per interval (block-constant), MW. */
export interface ReservePlan {
  readonly fcrMw?: Float64Array;
  readonly afrrUpMw?: Float64Array;
  readonly afrrDownMw?: Float64Array;
}

/** Expected money of a plan by term, EUR (objective terms at the problem's prices). */
export interface ObjectiveTerms {
  readonly dayAheadEur: number;
  readonly imbalanceEur: number;
  readonly reserveCapacityEur: number;
  readonly reserveActivationEur: number;
  readonly reservePenaltyEur: number;
  readonly degradationEur: number;
}

/** Extra outputs of an extended problem. */
export interface ExtendedDispatchResult extends DispatchResult {
  /** Per asset, same order as `assets`. */
  readonly reserves?: readonly ReservePlan[];
  /**
   * Imbalance split of the site, MW per interval. When the baseline was free: `baselineMw`
   * (site nomination b) and `baselineAssetsMw` (each asset's share, the net export d' - c'
   * of its copy in the b schedule; they sum to `baselineMw`).
   */
  readonly imbalance?: {
    readonly longMw: Float64Array;
    readonly shortMw: Float64Array;
    readonly baselineMw?: Float64Array;
    readonly baselineAssetsMw?: readonly Float64Array[];
  };
  /** SoC per scenario `[scenario][asset]` (N+1 instants), when scenarios were given. */
  readonly scenarioSocMwh?: readonly (readonly Float64Array[])[];
  /** Expected money by term (scenario bundles: probability-weighted). */
  readonly terms?: ObjectiveTerms;
}
