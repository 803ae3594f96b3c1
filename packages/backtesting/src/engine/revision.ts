import type { SeriesName } from '@euroflex/config';
import { INTERVAL_H, publicationTimeMs } from '@euroflex/markets';
import { checkPlanInvariants, solveDispatch, type ExtendedDispatchResult } from '@euroflex/optimization';
import { blockOfInterval } from './blocks';
import type { SeriesForecast } from './forecastFor';
import { buildProblem, type LockedReserves, type PlanningPrices } from './problem';
import { replayDay, type PlanArrays } from './replay';
import type { DaySeries, DecisionRecord, EngineContext } from './types';
import { INTRADAY_MIP_LIMITS, usable } from './solveDay';
import { ACTIVATION_SERIES } from './workflowSeries';

export interface ReviseWindowArgs {
  readonly context: EngineContext;
  readonly instantsMs: Float64Array;
  readonly plan: PlanArrays;
  readonly nominationMw: readonly Float64Array[];
  readonly siteNomination: Float64Array;
  /** Window [start, end) of the day's intervals. */
  readonly start: number;
  readonly end: number;
  readonly date: string;
  readonly atMs: number;
  readonly id: string;
  /** The day's series with the forecasts the current plan uses. */
  readonly seriesNow: Readonly<Partial<Record<SeriesName, DaySeries>>>;
  readonly realizedStartSocMwh: readonly number[];
  readonly cycleBudgetMwh: Float64Array | undefined;
  readonly forecast: (series: SeriesName, id: string, atMs: number, instants: Float64Array) => Promise<SeriesForecast>;
}

export interface ReviseWindowOutcome {
  readonly status: 'revised' | 'infeasible_kept_previous';
  readonly reason: string;
  /** The solve (also when it failed: its status is recorded). */
  readonly result: ExtendedDispatchResult;
  /** The window forecasts, spliced into the day's forecasts when revised. */
  readonly forecasts: ReadonlyMap<SeriesName, SeriesForecast>;
}

/** Awards per window block from per-interval values (the window may start inside a product block). */
function lockedPerBlock(values: readonly Float64Array[] | undefined, instants: Float64Array, timezone: string, minutes: number, start: number) {
  if (values === undefined) {
    return undefined;
  }
  const { blockOfInterval: blocks, blockCount } = blockOfInterval(instants, timezone, minutes);
  return values.map((perInterval) => {
    const out = new Float64Array(blockCount).fill(Number.NaN);
    for (let t = 0; t < blocks.length; t += 1) {
      if (Number.isNaN(out[blocks[t]])) {
        out[blocks[t]] = perInterval[start + t];
      }
    }
    return out;
  });
}

const RATIOS: readonly SeriesName[] = ['afrr_activation_ratio_up', 'afrr_activation_ratio_down'];

/**
 * The day's series as a checkpoint at `atMs` knows them: an aFRR activation ratio whose
 * publication (its interval end plus the lag) is after the checkpoint takes the value the
 * plan expected (its forecast) in place of the actual one, which is not public yet.
 */
function ratiosKnownAt(
  context: Pick<EngineContext, 'publication' | 'timezone'>,
  instantsMs: Float64Array,
  series: Readonly<Partial<Record<SeriesName, DaySeries>>>,
  atMs: number,
): Readonly<Partial<Record<SeriesName, DaySeries>>> {
  let known = series;
  for (const name of RATIOS) {
    const day = series[name];
    if (day === undefined) {
      continue;
    }
    const expected = day.lockedForecast ?? day.forecast;
    let actual: Float64Array | undefined;
    for (let t = 0; t < instantsMs.length; t += 1) {
      if (publicationTimeMs(context.publication[name], instantsMs[t], context.timezone) > atMs) {
        actual ??= Float64Array.from(day.actual);
        actual[t] = expected[t];
      }
    }
    if (actual !== undefined) {
      known = { ...known, [name]: { ...day, actual } };
    }
  }
  return known;
}

/**
 * One schedule revision (spec/engine.md, Walk-forward run, step 2): from the REALIZED SoC at
 * the first unlocked instant, re-forecast with what is public at the checkpoint and re-plan
 * the unlocked energy of [start, end): reserves and the nomination stay locked, the SoC at
 * the window end is pinned to the current plan (or the day's terminal target when the
 * window reaches the day's end), the realized start SoC is not held to the reserve energy
 * rows (it cannot change; a drifted SoC is restored from the next instant on), deviations from the nomination are priced at the imbalance
 * forecast (or the day-ahead forecast without an imbalance series). A window that cannot be
 * solved, or whose plan fails the physical checks, keeps the previous plan, with the reason.
 */
export async function reviseWindow(args: ReviseWindowArgs): Promise<ReviseWindowOutcome> {
  const { context, instantsMs, plan, start, end } = args;
  const { model, timezone } = context;
  const n = instantsMs.length;
  const window = instantsMs.subarray(start, end);
  // The SoC the window starts from: realized where the activation ratios are public at the
  // checkpoint, and rolled over the locked intervals still running with the ratios the plan expects.
  const known = ratiosKnownAt(context, instantsMs, args.seriesNow, args.atMs);
  const realized = replayDay(context, instantsMs, plan, args.nominationMw, known, args.realizedStartSocMwh);
  const startSocMwh = realized.map((asset) => asset.socMwh[start]);
  const endSocMwh = context.assets.map((asset, a) => (end < n ? plan.socMwh[a][end] : asset.terminalSocMwh));

  const forecasts = new Map<SeriesName, SeriesForecast>();
  const deviationSeries: SeriesName = context.actuals.imbalance ? 'imbalance' : 'day_ahead';
  forecasts.set('day_ahead', await args.forecast('day_ahead', args.id, args.atMs, window));
  if (deviationSeries === 'imbalance') {
    forecasts.set('imbalance', await args.forecast('imbalance', args.id, args.atMs, window));
  }
  if (context.workflow === 'da_plus_afrr') {
    for (const series of ACTIVATION_SERIES) {
      forecasts.set(series, await args.forecast(series, args.id, args.atMs, window));
    }
  }
  const slice = (name: SeriesName) => (forecasts.get(name)?.values ?? args.seriesNow[name]?.forecast.subarray(start, end)) as Float64Array;
  const imbalance = forecasts.get('imbalance');
  const columns = context.adapter.imbalanceColumns;
  const dual = imbalance && columns && context.adapter.imbalanceSettlement === 'dual_price' && model.switches.imbalance_prices === 'dual';
  const prices: PlanningPrices = {
    dayAheadEurPerMwh: slice('day_ahead'),
    imbalance: imbalance
      ? dual && columns
        ? { surplusEurPerMwh: imbalance.extra[columns.surplus] ?? imbalance.values, shortageEurPerMwh: imbalance.extra[columns.shortage] ?? imbalance.values }
        : { surplusEurPerMwh: imbalance.values, shortageEurPerMwh: imbalance.values }
      : { surplusEurPerMwh: slice('day_ahead'), shortageEurPerMwh: slice('day_ahead') },
    ...(args.seriesNow.fcr_capacity ? { fcrCapacityEurPerMwH: slice('fcr_capacity') } : {}),
    ...(args.seriesNow.afrr_capacity_up
      ? {
          afrr: {
            capacityUpEurPerMwH: slice('afrr_capacity_up'),
            capacityDownEurPerMwH: slice('afrr_capacity_down'),
            activationUpEurPerMwh: slice('afrr_activation_price_up'),
            activationDownEurPerMwh: slice('afrr_activation_price_down'),
            ratioUp: slice('afrr_activation_ratio_up'),
            ratioDown: slice('afrr_activation_ratio_down'),
          },
        }
      : {}),
  };
  const locked: LockedReserves = {
    ...(plan.fcrMw ? { fcrMw: lockedPerBlock(plan.fcrMw, window, timezone, model.fcr_block_minutes, start) } : {}),
    ...(plan.afrrUpMw ? { afrrUpMw: lockedPerBlock(plan.afrrUpMw, window, timezone, model.afrr_block_minutes, start) } : {}),
    ...(plan.afrrDownMw ? { afrrDownMw: lockedPerBlock(plan.afrrDownMw, window, timezone, model.afrr_block_minutes, start) } : {}),
  };
  const cycleBudgetMwh = args.cycleBudgetMwh
    ? Float64Array.from(context.assets, (asset, a) => {
        let used = 0;
        for (let t = 0; t < start; t += 1) {
          used += (plan.dischargeMw[a][t] * INTERVAL_H) / asset.dischargeEfficiency;
        }
        return Math.max(0, (args.cycleBudgetMwh as Float64Array)[a] - used);
      })
    : undefined;
  const problem = buildProblem(context, {
    instantsMs: window,
    startSocMwh,
    endSocMwh,
    prices,
    locked,
    baseline: args.siteNomination.slice(start, end),
    realizedStart: true,
    ...(cycleBudgetMwh ? { cycleBudgetMwh } : {}),
  });
  const result = solveDispatch(context.solver, problem, {
    mipRelGap: model.solver.mip_rel_gap,
    timeLimitSeconds: model.solver.time_limit_seconds,
    ...INTRADAY_MIP_LIMITS,
  }) as ExtendedDispatchResult;
  if (!usable(result)) {
    return {
      status: 'infeasible_kept_previous',
      reason: `window ${start}-${end} from the realized SoC ${startSocMwh.map((s) => s.toFixed(4)).join('/')} MWh: solver status ${result.status}${result.message ? ` (${result.message})` : ''}`,
      result,
      forecasts,
    };
  }
  const violations = checkPlanInvariants(problem, result);
  if (violations.length > 0) {
    return { status: 'infeasible_kept_previous', reason: `the revised window fails its physical checks: ${violations[0].message}`, result, forecasts };
  }
  return { status: 'revised', reason: '', result, forecasts };
}

/** The decision-log row of a checkpoint whose first revisable interval is past the day's end. */
export function skippedRevision(id: string, version: string, atMs: number, date: string, horizonEndMs: number, n: number, checkpoint: string): DecisionRecord {
  return {
    decisionId: id,
    decisionType: 'revision',
    decisionTimeMs: atMs,
    deliveryDate: date,
    horizonStartMs: horizonEndMs,
    horizonEndMs,
    lockedIntervals: n,
    scheduleVersion: version,
    status: 'optimal',
    solveKind: 'reused',
    binaryCount: 0,
    gridMinutes: Number.NaN,
    mipGap: null,
    objectiveEur: Number.NaN,
    revisionStatus: 'skipped',
    revisionReason: `checkpoint ${checkpoint} plus the execution lock is past the end of the day: nothing left to revise`,
  };
}
