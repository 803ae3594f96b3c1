import type { SeriesName } from '@euroflex/config';
import { localDayGrid, valuesAt } from '@euroflex/markets';
import type { ExtendedDispatchResult } from '@euroflex/optimization';
import { buildProblem, type PlanningPrices } from './problem';
import { replayDay } from './replay';
import { settleRunTotals, type SettlementColumnName } from './settlement';
import { solveDay } from './solveDay';
import type { DaySeries, EngineContext, ExecutedDay, WalkForwardStats } from './types';
import { workflowSeries } from './workflowSeries';
import { netExportMw } from './workingPlan';

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
export function oracleMode(context: Pick<EngineContext, 'model' | 'assets' | 'dates'>): 'per_day' | 'joint' {
  if (context.model.switches.soc_carry === 'reset_daily') {
    return 'per_day';
  }
  const pinned = context.assets.every((asset) => asset.terminalSocMwh !== null) && context.model.switches.terminal_soc === 'equal';
  return pinned || context.dates.length <= 1 ? 'per_day' : 'joint';
}

/**
 * Whether a perfect-foresight walk-forward is itself the oracle: it is, except in imbalance
 * workflows whose nomination is not chosen jointly (`imbalance_nomination: day_ahead_only`),
 * where the two-stage run can fall short of the joint optimum.
 */
export function walkIsOracle(context: Pick<EngineContext, 'model' | 'assets' | 'dates' | 'workflow'>): boolean {
  return oracleMode(context) === 'per_day' && !(context.workflow === 'da_plus_imbalance' && context.model.switches.imbalance_nomination !== 'joint');
}

/**
 * Whether the oracle solves the window's days itself: for an auditable provider (its plans are
 * not made on the actuals), or when the walk-forward cannot be its own oracle (`walkIsOracle`).
 * Otherwise the walk-forward of a perfect-foresight run is its oracle.
 */
export function oracleIsSeparate(provider: { readonly auditable: boolean }, context: Pick<EngineContext, 'model' | 'assets' | 'dates' | 'workflow'>): boolean {
  return provider.auditable || !walkIsOracle(context);
}

/** Actual values of the workflow's series over `instantsMs`, as `DaySeries` (forecast = actual). */
function actualSeries(context: EngineContext, instantsMs: Float64Array): Partial<Record<SeriesName, DaySeries>> {
  const out: Partial<Record<SeriesName, DaySeries>> = {};
  for (const name of workflowSeries(context.workflow)) {
    const series = context.actuals[name];
    const values = series ? valuesAt(series, instantsMs) : undefined;
    if (!series || !values) {
      throw new RangeError(`the oracle needs actual ${name} values for the whole window`);
    }
    const extra: Record<string, Float64Array> = {};
    for (const column of Object.keys(series.columns)) {
      const columnValues = valuesAt(series, instantsMs, column);
      if (columnValues) {
        extra[column] = columnValues;
      }
    }
    out[name] = { forecast: values, actual: values, ...(Object.keys(extra).length > 0 ? { extraForecast: extra, extraActual: extra } : {}) };
  }
  return out;
}

/** Planning prices from actual series; imbalance always on the settled (dual) prices. */
function actualPrices(context: EngineContext, series: Partial<Record<SeriesName, DaySeries>>): PlanningPrices {
  const get = (name: SeriesName) => series[name]?.actual as Float64Array;
  const imbalance = series.imbalance;
  const columns = context.adapter.imbalanceColumns;
  const dual = imbalance && context.adapter.imbalanceSettlement === 'dual_price' && columns;
  return {
    dayAheadEurPerMwh: get('day_ahead'),
    ...(series.fcr_capacity ? { fcrCapacityEurPerMwH: get('fcr_capacity') } : {}),
    ...(series.afrr_capacity_up
      ? {
          afrr: {
            capacityUpEurPerMwH: get('afrr_capacity_up'),
            capacityDownEurPerMwH: get('afrr_capacity_down'),
            activationUpEurPerMwh: get('afrr_activation_price_up'),
            activationDownEurPerMwh: get('afrr_activation_price_down'),
            ratioUp: get('afrr_activation_ratio_up'),
            ratioDown: get('afrr_activation_ratio_down'),
          },
        }
      : {}),
    ...(imbalance
      ? {
          imbalance: dual
            ? {
                surplusEurPerMwh: imbalance.extraActual?.[columns.surplus] ?? imbalance.actual,
                shortageEurPerMwh: imbalance.extraActual?.[columns.shortage] ?? imbalance.actual,
              }
            : { surplusEurPerMwh: imbalance.actual, shortageEurPerMwh: imbalance.actual },
        }
      : {}),
  };
}

/** Solve one perfect-foresight horizon (a day, or the window) and execute it. */
function oracleHorizon(
  context: EngineContext,
  instantsMs: Float64Array,
  startSocMwh: readonly number[],
  id: string,
  dayStarts?: Int32Array,
): { result: ExtendedDispatchResult; series: Partial<Record<SeriesName, DaySeries>>; assets: ExecutedDay['assets']; duals: [Float64Array, Float64Array] } {
  const series = actualSeries(context, instantsMs);
  const imbalance = context.workflow === 'da_plus_imbalance';
  const cap = context.config.degradation.max_cycles_per_day;
  // A joint horizon keeps each day's rules: the terminal rule at every day end, the budget per day.
  const problem = buildProblem(context, {
    instantsMs,
    startSocMwh,
    prices: actualPrices(context, series),
    ...(imbalance ? { baseline: 'free' as const } : {}),
    ...(cap ? { cycleBudgetMwh: Float64Array.from(context.assets, (a) => cap * (a.socMaxMwh - a.socMinMwh)) } : {}),
    ...(dayStarts !== undefined && dayStarts.length > 0 ? { dayStarts } : {}),
  });
  const result = solveDay(context, problem, id, instantsMs[0], 'oracle');
  const plan = {
    chargeMw: result.assets.map((a) => a.chargeMw),
    dischargeMw: result.assets.map((a) => a.dischargeMw),
    socMwh: result.assets.map((a) => a.socMwh),
    ...(problem.fcr ? { fcrMw: (result.reserves ?? []).map((r) => r.fcrMw as Float64Array) } : {}),
    ...(problem.afrr
      ? {
          afrrUpMw: (result.reserves ?? []).map((r) => r.afrrUpMw as Float64Array),
          afrrDownMw: (result.reserves ?? []).map((r) => r.afrrDownMw as Float64Array),
        }
      : {}),
  };
  const nomination = imbalance
    ? (result.imbalance?.baselineAssetsMw ?? []).map((b) => Float64Array.from(b))
    : netExportMw(plan);
  const assets = replayDay(context, instantsMs, plan, nomination, series, startSocMwh);
  const n = instantsMs.length;
  const duals: [Float64Array, Float64Array] = [result.duals?.poiImportEurPerMw ?? new Float64Array(n), result.duals?.poiExportEurPerMw ?? new Float64Array(n)];
  return { result, series, assets, duals };
}

/**
 * The oracle: the same constraints and settlement, with actual prices (perfect foresight),
 * every commitment chosen jointly (reserves with energy; in imbalance workflows the
 * nomination with the physical schedule: any two-stage run is a feasible point of it).
 * An auditable run can never beat it (spec/model.md, Horizon, carry and oracle).
 * `startSocMwh` starts a per-day oracle of a later chunk of days (docs/backtesting.md, Day chunks).
 */
export async function runOracle(
  context: EngineContext,
  perfectForesightRun?: WalkForwardResultLike,
  startSocMwh?: readonly number[],
): Promise<OracleResult> {
  const mode = oracleMode(context);
  if (perfectForesightRun !== undefined && walkIsOracle(context)) {
    const { days, stats } = perfectForesightRun;
    return oracleFromDays(context, days, stats);
  }
  if (startSocMwh !== undefined && mode !== 'per_day') {
    throw new Error('a joint oracle solves the whole window from initial_soc_mwh: it has no chunk start');
  }
  context.solver.resetWarmStart();
  const stats: WalkForwardStats = { lpSolves: 0, milpSolves: 0, memoSolves: 0, solverMs: 0, decisions: 0 };
  const days: ExecutedDay[] = [];
  const count = (result: ExtendedDispatchResult) => {
    stats.lpSolves += result.stats.lpSolves;
    stats.milpSolves += result.stats.milpSolves;
    stats.memoSolves += result.stats.memoSolves;
    stats.solverMs += result.stats.solverMs;
    stats.decisions += 1;
  };
  const initial = context.assets.map((asset) => asset.initialSocMwh);
  if (mode === 'per_day') {
    // A later chunk of the window starts from the SoC the chunk before it ends with (per_day only).
    let start = startSocMwh ?? initial;
    for (const date of context.dates) {
      const instantsMs = localDayGrid(date, context.timezone);
      const { result, series, assets, duals } = oracleHorizon(context, instantsMs, start, `oracle-${date}`);
      count(result);
      days.push({ date, instantsMs, assets, series, poiImportDualEurPerMw: duals[0], poiExportDualEurPerMw: duals[1], decisions: [], snapshots: [] });
      start = context.model.switches.soc_carry === 'carry' ? assets.map((a) => a.socMwh[a.socMwh.length - 1]) : initial;
    }
  } else {
    const grids = context.dates.map((date) => localDayGrid(date, context.timezone));
    const instantsMs = new Float64Array(grids.reduce((sum, grid) => sum + grid.length, 0));
    let offset = 0;
    for (const grid of grids) {
      instantsMs.set(grid, offset);
      offset += grid.length;
    }
    const dayStarts = new Int32Array(grids.length - 1);
    for (let d = 1, start = 0; d < grids.length; d++) {
      start += grids[d - 1].length;
      dayStarts[d - 1] = start;
    }
    const { result, series, assets, duals } = oracleHorizon(context, instantsMs, initial, 'oracle-joint', dayStarts);
    count(result);
    offset = 0;
    grids.forEach((grid, d) => {
      const end = offset + grid.length;
      const slice = (values: Float64Array | undefined) => values?.subarray(offset, end);
      const daySeries: Partial<Record<SeriesName, DaySeries>> = {};
      for (const [name, value] of Object.entries(series) as [SeriesName, DaySeries][]) {
        const extra = value.extraActual
          ? Object.fromEntries(Object.entries(value.extraActual).map(([column, values]) => [column, values.subarray(offset, end)]))
          : undefined;
        daySeries[name] = { forecast: value.forecast.subarray(offset, end), actual: value.actual.subarray(offset, end), ...(extra ? { extraForecast: extra, extraActual: extra } : {}) };
      }
      days.push({
        date: context.dates[d],
        instantsMs: grid,
        assets: assets.map((asset) => ({
          chargeMw: asset.chargeMw.subarray(offset, end),
          dischargeMw: asset.dischargeMw.subarray(offset, end),
          socMwh: asset.socMwh.subarray(offset, end + 1),
          plannedSocMwh: asset.plannedSocMwh.subarray(offset, end + 1),
          plannedChargeMw: asset.plannedChargeMw.subarray(offset, end),
          plannedDischargeMw: asset.plannedDischargeMw.subarray(offset, end),
          powerLimitMw: asset.powerLimitMw.subarray(offset, end),
          nominationMw: asset.nominationMw.subarray(offset, end),
          ...(asset.fcrMw ? { fcrMw: slice(asset.fcrMw) } : {}),
          ...(asset.afrrUpMw ? { afrrUpMw: slice(asset.afrrUpMw), afrrDownMw: slice(asset.afrrDownMw) } : {}),
          ...(asset.afrrUpDeliveredMwh
            ? {
                afrrUpDeliveredMwh: slice(asset.afrrUpDeliveredMwh),
                afrrDownDeliveredMwh: slice(asset.afrrDownDeliveredMwh),
                afrrNonDeliveredMwh: slice(asset.afrrNonDeliveredMwh),
              }
            : {}),
        })),
        series: daySeries,
        poiImportDualEurPerMw: duals[0].subarray(offset, end),
        poiExportDualEurPerMw: duals[1].subarray(offset, end),
        decisions: [],
        snapshots: [],
      });
      offset = end;
    });
  }
  return oracleFromDays(context, days, stats);
}

/**
 * The oracle of a window from its executed oracle days (in order) and counters, settled over
 * `context` when its totals are first read, unless they are given: a perfect-foresight run is
 * its own oracle, and its settlement has the same totals (`settleRunTotals`).
 */
export function oracleFromDays(
  context: EngineContext,
  days: readonly ExecutedDay[],
  stats: WalkForwardStats,
  totals?: Record<SettlementColumnName, number>,
): OracleResult {
  let settled = totals;
  return {
    mode: oracleMode(context),
    days,
    stats,
    get totals(): Record<SettlementColumnName, number> {
      settled ??= settleRunTotals(days, context);
      return settled;
    },
  };
}

/** Relative tolerance of the oracle bound: 1e-6 of the run's money scale. */
export function oracleTolerance(realizedTotal: number, oracleTotal: number): number {
  return 1e-6 * Math.max(1, Math.abs(realizedTotal), Math.abs(oracleTotal));
}

/**
 * Whether settlement books a cost the solves never see: `rainflow_offline` with
 * `rainflow_settlement: posthoc` (k = 0 in the solve, the rainflow cost afterwards). The
 * oracle then bounds the money before that cost only, since it maximises that money and not
 * the settled total: a run that cycles less than the oracle may settle above it.
 */
export function oracleBoundsBeforePosthocDegradation(context: Pick<EngineContext, 'config' | 'model'>): boolean {
  return context.config.degradation.mode === 'rainflow_offline' && context.model.switches.rainflow_settlement === 'posthoc';
}

/**
 * How far a run's money is above its oracle's, on the money the oracle bounds (the settled
 * total, or the total before the post-hoc rainflow cost, `oracleBoundsBeforePosthocDegradation`),
 * with the tolerance of the bound. An excess above the tolerance is a bug, unless aFRR
 * activations were clipped (spec/model.md, Horizon, carry and oracle).
 */
export function oracleExcess(
  context: Pick<EngineContext, 'config' | 'model'>,
  run: Pick<Record<SettlementColumnName, number>, 'realized_pnl_eur' | 'degradation_cost_eur'>,
  oracle: Pick<Record<SettlementColumnName, number>, 'realized_pnl_eur' | 'degradation_cost_eur'>,
): { readonly excessEur: number; readonly toleranceEur: number } {
  const before = oracleBoundsBeforePosthocDegradation(context);
  const runMoney = before ? run.realized_pnl_eur + run.degradation_cost_eur : run.realized_pnl_eur;
  const oracleMoney = before ? oracle.realized_pnl_eur + oracle.degradation_cost_eur : oracle.realized_pnl_eur;
  return { excessEur: runMoney - oracleMoney, toleranceEur: oracleTolerance(runMoney, oracleMoney) };
}
