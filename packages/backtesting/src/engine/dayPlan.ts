import { UserError, type SeriesName } from '@euroflex/config';
import type { ForecastProvider } from '@euroflex/forecasts';
import { addDays, localDayGrid, localTimeToUtcMs } from '@euroflex/markets';
import { float64Array, float64Copy, type ExtendedDispatchResult } from '@euroflex/optimization';
import { createDayLog } from './dayLog';
import { runDayRevisions } from './dayRevisions';
import type { SeriesForecast } from './forecastFor';
import { pricesFrom } from './planningPrices';
import { buildProblem, type LockedReserves, type PlanningPrices } from './problem';
import { runRebalances } from './rebalances';
import { replayDay } from './replay';
import { solveDay } from './solveDay';
import type { DaySeries, EngineContext, ExecutedDay, WalkForwardStats } from './types';
import { dayStateFrom, lockedFrom, netExportMw, sameValues, type DayState } from './workingPlan';
import { ACTIVATION_SERIES, CAPACITY_SERIES, reserveProductOf, workflowSeries } from './workflowSeries';

export interface DayOutcome {
  readonly day: ExecutedDay;
  /** SoC the plan ends the day with (what the next day's decision plans from). */
  readonly plannedEndSocMwh: number[];
  /** SoC the day really ends with (after the aFRR replay). */
  readonly realizedEndSocMwh: number[];
  readonly stats: WalkForwardStats;
}

/**
 * The day's series: the forecast each interval was planned with (spliced by rebalances and
 * revisions), the nomination's forecast, the actual, and the forecast a locked capacity was
 * chosen with.
 */
function daySeries(
  latest: ReadonlyMap<SeriesName, SeriesForecast>,
  state: DayState,
  lockedCapacityForecast: ReadonlyMap<SeriesName, Float64Array>,
): Partial<Record<SeriesName, DaySeries>> {
  const out: Partial<Record<SeriesName, DaySeries>> = {};
  for (const [name, value] of latest) {
    const current = state.used.get(name) as { values: Float64Array; extra: Record<string, Float64Array> };
    const lockedForecast = name === 'day_ahead' ? value.values : lockedCapacityForecast.get(name);
    out[name] = {
      forecast: current.values,
      baselineForecast: value.values,
      actual: value.actual,
      ...(lockedForecast ? { lockedForecast } : {}),
      ...(Object.keys(value.actualExtra).length > 0 ? { extraActual: value.actualExtra } : {}),
      ...(Object.keys(value.extra).length > 0 ? { extraForecast: current.extra, extraBaselineForecast: value.extra } : {}),
    };
  }
  return out;
}

/**
 * Plan and execute one delivery day (spec/engine.md, Walk-forward run):
 * 1. reserve gate (strict `gates: sequential`): plan the day with what is public at the
 *    product's gate and lock its awards;
 * 2. day-ahead gate: re-plan energy with the awards locked (skipped, and the gate's plan
 *    kept, when nothing it plans with has changed) and lock the nomination; under
 *    `gates: single` this one decision chooses everything, each product forecast as of its
 *    own gate;
 * 3. imbalance rebalances (da_plus_imbalance): every cadence step, re-plan the intervals
 *    after the execution lock against the imbalance forecast, deviating from the nomination;
 * 4. execute: replay the plan with the actual activation ratios and settle later.
 */
export async function runDay(
  context: EngineContext,
  provider: ForecastProvider,
  date: string,
  planStartSocMwh: readonly number[],
  realizedStartSocMwh: readonly number[],
): Promise<DayOutcome> {
  const { config, timezone, model } = context;
  const instantsMs = localDayGrid(date, timezone);
  const n = instantsMs.length;
  const workflow = context.workflow;
  const product = reserveProductOf(workflow);
  const sequential = model.switches.gates === 'sequential';
  const dayAheadGateMs = localTimeToUtcMs(addDays(date, -1), config.timing.day_ahead_gate_closure_local, timezone);
  const productGateMs = product ? localTimeToUtcMs(addDays(date, -1), context.reserveGates[product], timezone) : undefined;
  if (product && sequential && (productGateMs as number) >= dayAheadGateMs) {
    throw new UserError(
      `the ${product} gate (${context.reserveGates[product]} on D-1) is not before the day-ahead gate ` +
        `(${config.timing.day_ahead_gate_closure_local}): sequential gates lock reserves first. Move market.gates.${product} ` +
        'or timing.day_ahead_gate_closure_local, or set model.gates: single.',
    );
  }
  const cycleCap = config.degradation.max_cycles_per_day;
  const cycleBudgetMwh = cycleCap ? Float64Array.from(context.assets, (asset) => cycleCap * (asset.socMaxMwh - asset.socMinMwh)) : undefined;
  const log = createDayLog(context, provider, date, instantsMs);

  // 1. The reserve product's own gate (sequential gates only).
  const latest = new Map<SeriesName, SeriesForecast>();
  const lockedCapacityForecast = new Map<SeriesName, Float64Array>();
  let locked: LockedReserves | undefined;
  let gatePlan: { prices: PlanningPrices; result: ExtendedDispatchResult } | undefined;
  if (product && sequential) {
    const id = `${date}-${product}-gate`;
    const atMs = productGateMs as number;
    const gateForecasts = new Map<SeriesName, SeriesForecast>();
    for (const series of workflowSeries(workflow)) {
      gateForecasts.set(series, await log.forecast(series, id, atMs));
    }
    const prices = pricesFrom(context, gateForecasts, false);
    const problem = buildProblem(context, { instantsMs, startSocMwh: planStartSocMwh, prices, ...(cycleBudgetMwh ? { cycleBudgetMwh } : {}) });
    const result = solveDay(context, problem, id, instantsMs[0], 'gate');
    log.record(product === 'fcr' ? 'fcr_gate' : 'afrr_gate', id, atMs, 0, n, result, undefined);
    locked = lockedFrom(problem, result);
    for (const series of CAPACITY_SERIES[product]) {
      lockedCapacityForecast.set(series, (gateForecasts.get(series) as SeriesForecast).values);
      latest.set(series, gateForecasts.get(series) as SeriesForecast);
    }
    gatePlan = { prices, result };
  }

  // 2. The day-ahead gate: the nomination.
  const daId = `${date}-da-0`;
  latest.set('day_ahead', await log.forecast('day_ahead', daId, dayAheadGateMs));
  if (product && !sequential) {
    // gates: single: one decision chooses everything, each product forecast as of its own gate.
    for (const series of workflowSeries(workflow).filter((name) => name !== 'day_ahead')) {
      latest.set(series, await log.forecast(series, daId, productGateMs as number));
    }
  } else if (product === 'afrr') {
    // Capacity is locked; activation moves SoC in the final plan, so it is forecast again now.
    for (const series of ACTIVATION_SERIES) {
      latest.set(series, await log.forecast(series, daId, dayAheadGateMs));
    }
  }
  const imbalanceWorkflow = workflow === 'da_plus_imbalance';
  const joint = imbalanceWorkflow && model.switches.imbalance_nomination === 'joint';
  if (imbalanceWorkflow) {
    latest.set('imbalance', await log.forecast('imbalance', daId, dayAheadGateMs));
  }
  const daPrices = pricesFrom(context, latest, joint);
  const reusable =
    gatePlan !== undefined &&
    daPrices.scenarios === undefined &&
    sameValues(daPrices.dayAheadEurPerMwh, gatePlan.prices.dayAheadEurPerMwh) &&
    (product !== 'afrr' ||
      (sameValues(daPrices.afrr?.activationUpEurPerMwh, gatePlan.prices.afrr?.activationUpEurPerMwh) &&
        sameValues(daPrices.afrr?.activationDownEurPerMwh, gatePlan.prices.afrr?.activationDownEurPerMwh) &&
        sameValues(daPrices.afrr?.ratioUp, gatePlan.prices.afrr?.ratioUp) &&
        sameValues(daPrices.afrr?.ratioDown, gatePlan.prices.afrr?.ratioDown)));
  let nomination: ExtendedDispatchResult;
  if (reusable && gatePlan) {
    nomination = gatePlan.result;
    log.record('day_ahead_nomination', daId, dayAheadGateMs, 0, n, undefined, nomination);
  } else {
    const problem = buildProblem(context, {
      instantsMs,
      startSocMwh: planStartSocMwh,
      prices: daPrices,
      ...(locked ? { locked } : {}),
      ...(joint ? { baseline: 'free' as const } : {}),
      ...(cycleBudgetMwh ? { cycleBudgetMwh } : {}),
    });
    nomination = solveDay(context, problem, daId, instantsMs[0], 'gate');
    log.record('day_ahead_nomination', daId, dayAheadGateMs, 0, n, nomination, undefined);
  }
  const state = dayStateFrom(nomination, latest, n);
  const { plan } = state;
  const nominationMw = joint ? (nomination.imbalance?.baselineAssetsMw ?? []).map((values) => Float64Array.from(values)) : netExportMw(plan);
  if (nominationMw.length !== context.assets.length) {
    throw new Error(`decision ${daId}: the joint nomination has no per-asset baseline`);
  }
  const siteNomination = float64Array(n);
  for (const values of nominationMw) {
    for (let t = 0; t < n; t += 1) {
      siteNomination[t] += values[t];
    }
  }
  const baseline = {
    decisionId: daId,
    decisionTimeMs: dayAheadGateMs,
    assets: plan.chargeMw.map((_, a) => ({
      chargeMw: float64Copy(plan.chargeMw[a]),
      dischargeMw: float64Copy(plan.dischargeMw[a]),
      socMwh: float64Copy(plan.socMwh[a]),
      ...(plan.fcrMw ? { fcrMw: plan.fcrMw[a] } : {}),
      ...(plan.afrrUpMw ? { afrrUpMw: plan.afrrUpMw[a], afrrDownMw: plan.afrrDownMw?.[a] } : {}),
    })),
  };
  const revision = config.workflow === 'schedule_revision';

  // 3. Imbalance rebalances: deviate from the nomination against imbalance forecasts.
  if (imbalanceWorkflow && !revision) {
    await runRebalances({ context, log, date, instantsMs, state, dayAheadEurPerMwh: daPrices.dayAheadEurPerMwh, siteNomination, nomination });
  }

  // 4. Schedule revisions: re-plan the unlocked energy at each checkpoint of the day.
  const revised = revision
    ? await runDayRevisions({
        context,
        log,
        date,
        instantsMs,
        state,
        nominationMw,
        siteNomination,
        realizedStartSocMwh,
        cycleBudgetMwh,
        seriesNow: () => daySeries(latest, state, lockedCapacityForecast),
      })
    : undefined;

  // 5. Execute: the realized SoC with the actual activation ratios.
  const series = daySeries(latest, state, lockedCapacityForecast);
  const assets = replayDay(context, instantsMs, plan, nominationMw, series, realizedStartSocMwh);
  return {
    day: {
      date,
      instantsMs,
      assets,
      series,
      poiImportDualEurPerMw: state.poiImportDual,
      poiExportDualEurPerMw: state.poiExportDual,
      baseline,
      ...(revised ? { revisions: revised.revisions, setBy: revised.setBy } : {}),
      decisions: log.decisions,
      snapshots: log.snapshots,
    },
    plannedEndSocMwh: plan.socMwh.map((soc) => soc[n]),
    realizedEndSocMwh: assets.map((asset) => asset.socMwh[n]),
    stats: log.stats,
  };
}
