import type { EuroflexConfig, ResolvedModel } from '@euroflex/config';
import type { OracleResult } from './oracle';
import type { Reconciliation } from './reconciliation';
import type { RunSettlement } from './settlement';
import type { EngineContext, ExecutedDay, WalkForwardStats } from './types';

/** Wall-clock timings of one run, in milliseconds (reported in summary.json `timings`). */
export interface RunTimings {
  loadMs: number;
  walkForwardMs: number;
  oracleMs: number;
  settlementMs: number;
  solverMs: number;
  totalMs: number;
}

/** Everything one backtest produced, before it is written to disk. */
export interface BacktestRun {
  readonly runId: string;
  readonly createdAtMs: number;
  readonly configFile: string;
  readonly config: EuroflexConfig;
  readonly model: ResolvedModel;
  readonly context: EngineContext;
  readonly providerName: string;
  readonly auditable: boolean;
  readonly benchmarkName: string;
  readonly days: readonly ExecutedDay[];
  readonly stats: WalkForwardStats;
  readonly settlement: RunSettlement;
  /** The baseline (day-ahead decision) plans settled at their forecasts: revision and imbalance runs. */
  readonly baselineSettlement?: RunSettlement;
  /** Inline reconciliation: revision and imbalance runs. */
  readonly reconciliation?: Reconciliation;
  readonly oracle: OracleResult;
  readonly timings: RunTimings;
}
