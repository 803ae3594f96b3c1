import type { ForecastProvider } from '@euroflex/forecasts';
import { runDay } from './dayPlan';
import type { EngineContext, ExecutedDay, WalkForwardStats } from './types';

export interface WalkForwardOptions {
  /** Called after each delivery day with (days done, days total). */
  readonly onDay?: (done: number, total: number) => void;
  /**
   * SoC the first day is planned and executed from under `soc_carry: carry` (a later chunk of
   * the window, docs/backtesting.md, Day chunks). Defaults to every asset's `initial_soc_mwh`.
   */
  readonly start?: ChunkStartSoc;
}

/** The SoC a run of days starts from: what its first decision plans from, and what it executes from. */
export interface ChunkStartSoc {
  readonly plannedSocMwh: readonly number[];
  readonly realizedSocMwh: readonly number[];
}

export interface WalkForwardResult {
  readonly days: readonly ExecutedDay[];
  readonly stats: WalkForwardStats;
}

/**
 * The walk-forward (spec/engine.md, Walk-forward run): each local delivery day D is decided
 * at its gates on D-1 with what is public then, re-planned by rebalances where the workflow
 * has them, and executed. Day D is planned from the SoC D-1's plan ends with and executed
 * from the SoC D-1 really ended with (`soc_carry: carry`), or both from `initial_soc_mwh`
 * (`reset_daily`). The solver's warm start is reset first, so a chunk of days run alone
 * starts from the same state as a whole run.
 */
export async function runWalkForward(
  context: EngineContext,
  provider: ForecastProvider,
  options: WalkForwardOptions = {},
): Promise<WalkForwardResult> {
  const days: ExecutedDay[] = [];
  const stats: WalkForwardStats = { lpSolves: 0, milpSolves: 0, memoSolves: 0, solverMs: 0, decisions: 0 };
  const initial = context.assets.map((asset) => asset.initialSocMwh);
  let plannedEnd = options.start?.plannedSocMwh ?? initial;
  let realizedEnd = options.start?.realizedSocMwh ?? initial;
  // Same input, same output: the solve sequence of a run never starts from a basis left
  // behind by an earlier run on the same solver instance.
  context.solver.resetWarmStart();
  const carry = context.model.switches.soc_carry === 'carry';
  for (const date of context.dates) {
    const outcome = await runDay(context, provider, date, carry ? plannedEnd : initial, carry ? realizedEnd : initial);
    days.push(outcome.day);
    stats.lpSolves += outcome.stats.lpSolves;
    stats.milpSolves += outcome.stats.milpSolves;
    stats.memoSolves += outcome.stats.memoSolves;
    stats.solverMs += outcome.stats.solverMs;
    stats.decisions += outcome.stats.decisions;
    plannedEnd = outcome.plannedEndSocMwh;
    realizedEnd = outcome.realizedEndSocMwh;
    options.onDay?.(days.length, context.dates.length);
  }
  return { days, stats };
}
