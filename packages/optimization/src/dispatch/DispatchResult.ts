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
  /** Solves answered from the solver's memo of identical models (no HiGHS call; see solver/solveMemo.ts). */
  readonly memoSolves: number;
  /** Binary columns of the MILP (0 when the LP sufficed). */
  readonly binaryCount: number;
  /** Wall time inside HiGHS for this decision, in milliseconds. */
  readonly solverMs: number;
  /** Achieved relative gap of the MILP; null when no MILP was solved. */
  readonly mipGap: number | null;
  /**
   * Added field: the last MILP's proven upper bound on the optimum in EUR (absent when only
   * LPs ran). With a loose `mipRelGap` (say for a free-nomination oracle) `objectiveEur` may
   * lie below the optimum by up to the gap; this bound never does.
   */
  readonly mipBoundEur?: number;
  /**
   * True when the exclusivity MILP was answered by the flat-window relaxation (a small MILP
   * over the counts of joint charge / discharge modes, then the LP with the modes laid out;
   * docs/optimization/model.md, Flat windows): the plan is then proven optimal, `mipGap` is 0,
   * `binaryCount` counts the relaxation's integer columns (2^A) and no `mipBoundEur` is given.
   */
  readonly flatWindow?: boolean;
  /**
   * k when the plan was solved on the coarse grid of k x dt (every input constant over each
   * aligned group of k intervals; docs/optimization/model.md, Coarse grid) and refined to the
   * problem's grid. Absent when it was solved on the problem's own grid.
   */
  readonly coarseFactor?: number;
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
  /**
   * The objective of the returned plan in EUR, recomputed from the plan: for da_only
   * sum_a,t dt [pDA (d - c) - k (c + d)]; for extended problems the sum of `terms` (expected
   * value) less the risk term (docs/optimization/scenarios.md).
   */
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

/**
 * Expected money of a plan by term, EUR (objective terms at the problem's prices). Each
 * field is its signed contribution to the objective (penalty and degradation are <= 0),
 * so the fields sum to `objectiveEur`.
 */
export interface ObjectiveTerms {
  /** dt pDA (d - c) on the physical schedule; with a free baseline dt pDA b; 0 with a fixed baseline (booked by the decision that set it). */
  readonly dayAheadEur: number;
  /** dt (pSUR l - pSHO h). */
  readonly imbalanceEur: number;
  /** dt (pFCR r + pCU u + pCD w). */
  readonly reserveCapacityEur: number;
  /** dt (rhoU pAU u + sigma rhoD pAD w). */
  readonly reserveActivationEur: number;
  /** -dt (penFCR r + penAFRR (u + w)), <= 0. */
  readonly reservePenaltyEur: number;
  /** -dt k (c + d), <= 0. */
  readonly degradationEur: number;
  /**
   * Added field: `downside_penalty` / `cvar` only, the risk term -lambda x (downside or
   * CVaR) in EUR (<= 0), so that all fields still sum to `objectiveEur`.
   */
  readonly riskAdjustmentEur?: number;
}

/** The imbalance split of the site (MW per interval). */
export interface ImbalancePlan {
  /** l_t >= 0: long deviation (n - b > 0), settled at the surplus price. */
  readonly longMw: Float64Array;
  /** h_t >= 0: short deviation, settled at the shortage price. Never both > 0 in one interval. */
  readonly shortMw: Float64Array;
  /** Free baseline only: the chosen nomination b = sum_a (bd - bc). */
  readonly baselineMw?: Float64Array;
  /** Free baseline only: each asset's share bd - bc, same order as `assets`; they sum to `baselineMw`. */
  readonly baselineAssetsMw?: readonly Float64Array[];
  /** Added field, free baseline only: the baseline copy per asset (its c, d, SoC), same order as `assets`. */
  readonly baselineAssets?: readonly DispatchAssetPlan[];
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
  readonly imbalance?: ImbalancePlan;
  /**
   * SoC per scenario `[scenario][asset]` (N+1 instants), when scenarios were given. The
   * plan's `assets[a].socMwh` is then the probability-weighted mean of these paths.
   */
  readonly scenarioSocMwh?: readonly (readonly Float64Array[])[];
  /** Added field, scenarios only: Pi_k, each scenario's profit in EUR at its prices. */
  readonly scenarioProfitEur?: Float64Array;
  /** Expected money by term (scenario bundles: probability-weighted). */
  readonly terms?: ObjectiveTerms;
}
