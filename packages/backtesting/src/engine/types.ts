import type { BaseWorkflow, EuroflexConfig, ResolvedModel, SeriesName } from '@euroflex/config';
import type { ForecastRequest, ForecastSnapshot } from '@euroflex/forecasts';
import type { MarketAdapter, PublicationRule, Series } from '@euroflex/markets';
import type { Solver, SolveStatus } from '@euroflex/optimization';
import type { AssetModel } from './assetModels';

/** Everything a walk-forward needs, resolved once per run. */
export interface EngineContext {
  readonly config: EuroflexConfig;
  readonly model: ResolvedModel;
  /** The executed workflow (`revision.base_workflow` for schedule_revision). */
  readonly workflow: BaseWorkflow;
  readonly adapter: MarketAdapter;
  readonly timezone: string;
  readonly assets: readonly AssetModel[];
  /** Loaded actual series (whole files: history before the window is what persistence reads). */
  readonly actuals: Readonly<Partial<Record<SeriesName, Series>>>;
  readonly publication: Readonly<Record<SeriesName, PublicationRule>>;
  /** Local D-1 gate times (HH:MM) of the reserve products (adapter defaults or `market.gates`). */
  readonly reserveGates: { readonly fcr: string; readonly afrr: string };
  readonly solver: Solver;
  /** Local delivery dates of the window, in order. */
  readonly dates: readonly string[];
  /** Run the model invariant checks on every plan (always on in tests). */
  readonly debugChecks: boolean;
}

export type DecisionType = 'fcr_gate' | 'afrr_gate' | 'day_ahead_nomination' | 'imbalance_rebalance' | 'revision';

/** One solved decision, as written to the decision log. */
export interface DecisionRecord {
  readonly decisionId: string;
  readonly decisionType: DecisionType;
  readonly decisionTimeMs: number;
  readonly deliveryDate: string;
  readonly horizonStartMs: number;
  /** Exclusive end: the last interval start plus 15 minutes. */
  readonly horizonEndMs: number;
  /** Intervals this decision committed (a gate: the whole day; a rebalance: up to the next one). */
  readonly lockedIntervals: number;
  /** `baseline` (gates), `rebalance`, or `revision_01`, `revision_02`, ... */
  readonly scheduleVersion: string;
  /** Revisions: `revised`, `infeasible_kept_previous` (with the reason) or `skipped` (past the day's end). */
  readonly revisionStatus?: 'revised' | 'infeasible_kept_previous' | 'skipped';
  readonly revisionReason?: string;
  readonly status: SolveStatus;
  /** `reused`: the inputs equalled an earlier gate's, whose plan was kept without a solve. */
  readonly solveKind: 'lp' | 'milp' | 'reused';
  readonly binaryCount: number;
  /**
   * Minutes per interval of the grid the decision was solved on: 15, or the coarse grid's when
   * its inputs were constant over aligned groups (60 for hourly prices; a MILP then kept the
   * burning hours at 15, docs/optimization/model.md, Coarse grid). NaN without a solve.
   */
  readonly gridMinutes: number;
  readonly mipGap: number | null;
  readonly objectiveEur: number;
}

/** A forecast as it was made, with the actual attached afterwards (never shown to the provider). */
export interface SnapshotRecord {
  readonly decisionId: string;
  readonly request: ForecastRequest;
  readonly snapshot: ForecastSnapshot;
  readonly actual: Float64Array;
}

/** What one asset did over one day: the executed schedule, its reserves and the realized SoC. */
export interface ExecutedAsset {
  readonly chargeMw: Float64Array;
  readonly dischargeMw: Float64Array;
  /** Realized SoC at the N+1 interval boundaries (after the aFRR replay). */
  readonly socMwh: Float64Array;
  /** SoC the final plan expected (forecast activation ratios). */
  readonly plannedSocMwh: Float64Array;
  /** The final plan's flows (the executed ones differ only where the replay had to cut them). */
  readonly plannedChargeMw: Float64Array;
  readonly plannedDischargeMw: Float64Array;
  readonly powerLimitMw: Float64Array;
  /** This asset's part of the day-ahead nomination, MW net export. */
  readonly nominationMw: Float64Array;
  readonly fcrMw?: Float64Array;
  readonly afrrUpMw?: Float64Array;
  readonly afrrDownMw?: Float64Array;
  /** Activated aFRR energy actually delivered, grid-side MWh per interval. */
  readonly afrrUpDeliveredMwh?: Float64Array;
  readonly afrrDownDeliveredMwh?: Float64Array;
  /** Activation the SoC band could not deliver (clipped), grid-side MWh per interval. */
  readonly afrrNonDeliveredMwh?: Float64Array;
}

/** Forecast and actual values of one series over one day, as the final plan used them. */
export interface DaySeries {
  /** The forecast the final plan used in each interval (revisions and rebalances splice theirs in). */
  readonly forecast: Float64Array;
  /**
   * For a locked commitment, the forecast it was chosen with (the expected value keeps it):
   * a reserve capacity price at its gate, the day-ahead price of the nomination.
   */
  readonly lockedForecast?: Float64Array;
  /** The forecast of the day-ahead decision (the baseline), before any rebalance or revision. */
  readonly baselineForecast?: Float64Array;
  readonly extraBaselineForecast?: Readonly<Record<string, Float64Array>>;
  readonly actual: Float64Array;
  /** Extra columns (the Dutch surplus and shortage prices), forecast and actual. */
  readonly extraForecast?: Readonly<Record<string, Float64Array>>;
  readonly extraActual?: Readonly<Record<string, Float64Array>>;
}

/** One asset's plan at some version: flows and reserves per interval, SoC at N+1 instants. */
export interface PlanVersionAsset {
  readonly chargeMw: Float64Array;
  readonly dischargeMw: Float64Array;
  readonly socMwh: Float64Array;
  readonly fcrMw?: Float64Array;
  readonly afrrUpMw?: Float64Array;
  readonly afrrDownMw?: Float64Array;
}

/** One revision of a day: the re-planned window (or the kept previous plan) and why. */
export interface RevisionRecord {
  /** `revision_01`, `revision_02`, ... within the day. */
  readonly version: string;
  readonly decisionId: string;
  readonly checkpointLocal: string;
  readonly decisionTimeMs: number;
  /** Window [startIndex, endIndex) of the day's intervals. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly status: 'revised' | 'infeasible_kept_previous';
  readonly reason: string;
  /** The window's plan per asset (SoC at endIndex - startIndex + 1 instants). */
  readonly assets: readonly PlanVersionAsset[];
}

/** One delivery day: the final plan, the prices it was planned and settled with, its decisions. */
export interface ExecutedDay {
  readonly date: string;
  readonly instantsMs: Float64Array;
  readonly assets: readonly ExecutedAsset[];
  readonly series: Readonly<Partial<Record<SeriesName, DaySeries>>>;
  /**
   * Shadow prices of the POI rows (EUR per MW of limit per interval) in the decision that set
   * each interval: > 0 where the shared connection bound the plan and cost money.
   */
  readonly poiImportDualEurPerMw: Float64Array;
  readonly poiExportDualEurPerMw: Float64Array;
  /** The day-ahead decision's plan (the baseline version), per asset. */
  readonly baseline?: { readonly decisionId: string; readonly decisionTimeMs: number; readonly assets: readonly PlanVersionAsset[] };
  /** Revisions of the day (schedule_revision), in checkpoint order. */
  readonly revisions?: readonly RevisionRecord[];
  /** Per interval: 0 when the baseline set it, k when revision k (1-based) did. */
  readonly setBy?: Uint8Array;
  readonly decisions: readonly DecisionRecord[];
  readonly snapshots: readonly SnapshotRecord[];
}

/** Counters of one walk-forward. */
export interface WalkForwardStats {
  lpSolves: number;
  milpSolves: number;
  /** Solves answered from the run's memo of identical models (no HiGHS call). */
  memoSolves: number;
  solverMs: number;
  decisions: number;
}
