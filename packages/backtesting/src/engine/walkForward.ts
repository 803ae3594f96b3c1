import type { ForecastProvider } from '@euroflex/forecasts';
import { addDays, INTERVAL_MS, localDayGrid, localTimeToUtcMs } from '@euroflex/markets';
import { forecastFor } from './forecastFor';
import { dayAheadProblem, solveDay } from './solveDay';
import type { EngineContext, ExecutedDay, WalkForwardStats } from './types';

export interface WalkForwardOptions {
  /** Called after each delivery day with (days done, days total). */
  readonly onDay?: (done: number, total: number) => void;
}

export interface WalkForwardResult {
  readonly days: readonly ExecutedDay[];
  readonly stats: WalkForwardStats;
}

/**
 * The day-ahead walk-forward (spec/engine.md, Walk-forward run): for each local delivery
 * day D, decide at D-1 `day_ahead_gate_closure_local` with what is public then, plan all
 * of D from the SoC the previous day ends with (`soc_carry: carry`) or from
 * `initial_soc_mwh` (`reset_daily`), and execute the plan.
 */
export async function runWalkForward(
  context: EngineContext,
  provider: ForecastProvider,
  options: WalkForwardOptions = {},
): Promise<WalkForwardResult> {
  const { config, timezone } = context;
  const days: ExecutedDay[] = [];
  const stats: WalkForwardStats = { lpSolves: 0, milpSolves: 0, solverMs: 0, decisions: 0 };
  let carriedSocMwh = context.assets.map((asset) => asset.initialSocMwh);
  // Same input, same output: the solve sequence of a run never starts from a basis left
  // behind by an earlier run on the same solver instance.
  context.solver.resetWarmStart();

  for (const date of context.dates) {
    const instantsMs = localDayGrid(date, timezone);
    const intervalCount = instantsMs.length;
    const decisionTimeMs = localTimeToUtcMs(addDays(date, -1), config.timing.day_ahead_gate_closure_local, timezone);
    const decisionId = `${date}-da-0`;
    const startSocMwh =
      context.model.switches.soc_carry === 'carry' ? carriedSocMwh : context.assets.map((asset) => asset.initialSocMwh);

    const { snapshot, record } = await forecastFor(context, provider, 'day_ahead', decisionId, decisionTimeMs, instantsMs);
    const problem = dayAheadProblem(context, instantsMs, startSocMwh, snapshot.values);
    const result = solveDay(context, problem, decisionId, instantsMs[0]);

    stats.lpSolves += result.stats.lpSolves;
    stats.milpSolves += result.stats.milpSolves;
    stats.solverMs += result.stats.solverMs;
    stats.decisions += 1;

    days.push({
      date,
      instantsMs,
      assets: result.assets.map((plan, index) => ({
        chargeMw: plan.chargeMw,
        dischargeMw: plan.dischargeMw,
        socMwh: plan.socMwh,
        powerLimitMw: problem.assets[index].powerLimitMw,
      })),
      dayAheadForecastEurPerMwh: snapshot.values,
      dayAheadActualEurPerMwh: record.actual,
      decisions: [
        {
          decisionId,
          decisionType: 'day_ahead_nomination',
          decisionTimeMs,
          deliveryDate: date,
          horizonStartMs: instantsMs[0],
          horizonEndMs: instantsMs[intervalCount - 1] + INTERVAL_MS,
          lockedIntervals: intervalCount,
          scheduleVersion: 'baseline',
          status: result.status,
          solveKind: result.stats.milpSolves > 0 ? 'milp' : 'lp',
          binaryCount: result.stats.binaryCount,
          mipGap: result.stats.milpSolves > 0 ? result.stats.mipGap ?? null : null,
          objectiveEur: result.objectiveEur,
        },
      ],
      snapshots: [record],
    });
    carriedSocMwh = result.assets.map((plan) => plan.socMwh[intervalCount]);
    options.onDay?.(days.length, context.dates.length);
  }
  return { days, stats };
}
