import { createPerfectForesightProvider } from '@euroflex/forecasts';
import { localDayGrid, valuesAt } from '@euroflex/markets';
import { dayAheadProblem, solveDay } from './solveDay';
import { settleRun, settlementTotals, type SettlementColumnName } from './settlement';
import type { EngineContext, ExecutedDay, WalkForwardStats } from './types';
import { runWalkForward } from './walkForward';

/** The parts of a walk-forward result the oracle can reuse. */
export interface WalkForwardResultLike {
  readonly days: readonly ExecutedDay[];
  readonly stats: WalkForwardStats;
}

export interface OracleResult {
  /** `per_day` when every day's end SoC is pinned (or reset), else one `joint` solve of the window. */
  readonly mode: 'per_day' | 'joint';
  readonly days: readonly ExecutedDay[];
  readonly totals: Record<SettlementColumnName, number>;
  readonly stats: WalkForwardStats;
}

/**
 * Whether per-day perfect-foresight solves bound every run from above. They do when each
 * day starts from a fixed SoC (reset_daily) or ends at a pinned one (terminal `equal`):
 * then the days are independent problems. Otherwise a greedy day could leave a worse
 * SoC for the next one, so the oracle solves the whole window jointly.
 */
export function oracleMode(context: EngineContext): 'per_day' | 'joint' {
  if (context.model.switches.soc_carry === 'reset_daily') {
    return 'per_day';
  }
  const pinned = context.assets.every((asset) => asset.terminalSocMwh !== null) && context.model.switches.terminal_soc === 'equal';
  return pinned || context.dates.length <= 1 ? 'per_day' : 'joint';
}

/**
 * The oracle: the same constraints and settlement, with actual prices (perfect foresight).
 * An auditable run can never beat it (spec/model.md, Horizon, carry and oracle).
 */
export async function runOracle(context: EngineContext, perfectForesightRun?: WalkForwardResultLike): Promise<OracleResult> {
  const mode = oracleMode(context);
  if (mode === 'per_day' && perfectForesightRun !== undefined) {
    // A perfect-foresight walk-forward IS the per-day oracle: same provider, same solves.
    const { days, stats } = perfectForesightRun;
    return { mode, days, totals: settlementTotals(settleRun(days, context.assets).site), stats };
  }
  if (mode === 'per_day') {
    const provider = createPerfectForesightProvider(context.actuals);
    const { days, stats } = await runWalkForward(context, provider);
    return { mode, days, totals: settlementTotals(settleRun(days, context.assets).site), stats };
  }
  return jointOracle(context);
}

function jointOracle(context: EngineContext): OracleResult {
  const grids = context.dates.map((date) => localDayGrid(date, context.timezone));
  const total = grids.reduce((sum, grid) => sum + grid.length, 0);
  const instantsMs = new Float64Array(total);
  let offset = 0;
  for (const grid of grids) {
    instantsMs.set(grid, offset);
    offset += grid.length;
  }
  const dayAhead = context.actuals.day_ahead;
  const prices = dayAhead ? valuesAt(dayAhead, instantsMs) : undefined;
  if (prices === undefined) {
    throw new RangeError('the oracle needs actual day-ahead prices for the whole window');
  }
  const problem = dayAheadProblem(
    context,
    instantsMs,
    context.assets.map((asset) => asset.initialSocMwh),
    prices,
  );
  context.solver.resetWarmStart();
  const result = solveDay(context, problem, 'oracle-joint', instantsMs[0]);
  const days: ExecutedDay[] = [];
  offset = 0;
  grids.forEach((grid, d) => {
    const end = offset + grid.length;
    days.push({
      date: context.dates[d],
      instantsMs: grid,
      assets: result.assets.map((plan, a) => ({
        chargeMw: plan.chargeMw.subarray(offset, end),
        dischargeMw: plan.dischargeMw.subarray(offset, end),
        socMwh: plan.socMwh.subarray(offset, end + 1),
        powerLimitMw: problem.assets[a].powerLimitMw.subarray(offset, end),
      })),
      dayAheadForecastEurPerMwh: prices.subarray(offset, end),
      dayAheadActualEurPerMwh: prices.subarray(offset, end),
      decisions: [],
      snapshots: [],
    });
    offset = end;
  });
  const stats: WalkForwardStats = {
    lpSolves: result.stats.lpSolves,
    milpSolves: result.stats.milpSolves,
    solverMs: result.stats.solverMs,
    decisions: 1,
  };
  return { mode: 'joint', days, totals: settlementTotals(settleRun(days, context.assets).site), stats };
}

/** Relative tolerance of the oracle bound: 1e-6 of the run's money scale. */
export function oracleTolerance(realizedTotal: number, oracleTotal: number): number {
  return 1e-6 * Math.max(1, Math.abs(realizedTotal), Math.abs(oracleTotal));
}
