import type { EuroflexConfig, ResolvedModel, SeriesName } from '@euroflex/config';
import type { ForecastRequest, ForecastSnapshot } from '@euroflex/forecasts';
import type { PublicationRule, Series } from '@euroflex/markets';
import type { Solver, SolveStatus } from '@euroflex/optimization';
import type { AssetModel } from './assetModels';

/** Everything a walk-forward needs, resolved once per run. */
export interface EngineContext {
  readonly config: EuroflexConfig;
  readonly model: ResolvedModel;
  readonly timezone: string;
  readonly assets: readonly AssetModel[];
  /** Loaded actual series (whole files: history before the window is what persistence reads). */
  readonly actuals: Readonly<Partial<Record<SeriesName, Series>>>;
  readonly publication: Readonly<Record<SeriesName, PublicationRule>>;
  readonly solver: Solver;
  /** Local delivery dates of the window, in order. */
  readonly dates: readonly string[];
  /** Run the model invariant checks on every plan (always on in tests). */
  readonly debugChecks: boolean;
}

/** One solved decision, as written to the decision log. */
export interface DecisionRecord {
  readonly decisionId: string;
  readonly decisionType: 'day_ahead_nomination';
  readonly decisionTimeMs: number;
  readonly deliveryDate: string;
  readonly horizonStartMs: number;
  /** Exclusive end: the last interval start plus 15 minutes. */
  readonly horizonEndMs: number;
  readonly lockedIntervals: number;
  readonly scheduleVersion: 'baseline';
  readonly status: SolveStatus;
  readonly solveKind: 'lp' | 'milp';
  readonly binaryCount: number;
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

/** The executed schedule of one asset over one day. */
export interface ExecutedAsset {
  readonly chargeMw: Float64Array;
  readonly dischargeMw: Float64Array;
  /** SoC at the N+1 interval boundaries of the day. */
  readonly socMwh: Float64Array;
  readonly powerLimitMw: Float64Array;
}

/** One delivery day: the final plan, the prices it was planned and settled with, its decisions. */
export interface ExecutedDay {
  readonly date: string;
  readonly instantsMs: Float64Array;
  readonly assets: readonly ExecutedAsset[];
  readonly dayAheadForecastEurPerMwh: Float64Array;
  readonly dayAheadActualEurPerMwh: Float64Array;
  readonly decisions: readonly DecisionRecord[];
  readonly snapshots: readonly SnapshotRecord[];
}

/** Counters of one walk-forward. */
export interface WalkForwardStats {
  lpSolves: number;
  milpSolves: number;
  solverMs: number;
  decisions: number;
}
