import { UserError, type SeriesName } from '@euroflex/config';
import type { ForecastProvider } from '@euroflex/forecasts';
import { addDays, INTERVAL_MS, localDayGrid, localTimeToUtcMs } from '@euroflex/markets';
import type { ExtendedDispatchProblem, ExtendedDispatchResult, ScenarioInput } from '@euroflex/optimization';
import { forecastFor, type SeriesForecast } from './forecastFor';
import { buildProblem, type LockedReserves, type PlanningPrices } from './problem';
import { replayDay } from './replay';
import { reviseWindow, skippedRevision } from './revision';
import { solveDay } from './solveDay';
import type { DaySeries, DecisionRecord, DecisionType, EngineContext, ExecutedDay, RevisionRecord, SnapshotRecord, WalkForwardStats } from './types';
import { ACTIVATION_SERIES, CAPACITY_SERIES, reserveProductOf, workflowSeries } from './workflowSeries';

/** The plan being built for one day: per asset flows, SoC and reserves, spliced by rebalances. */
interface WorkingPlan {
  readonly chargeMw: Float64Array[];
  readonly dischargeMw: Float64Array[];
  readonly socMwh: Float64Array[];
  readonly fcrMw?: Float64Array[];
  readonly afrrUpMw?: Float64Array[];
  readonly afrrDownMw?: Float64Array[];
}

export interface DayOutcome {
  readonly day: ExecutedDay;
  /** SoC the plan ends the day with (what the next day's decision plans from). */
  readonly plannedEndSocMwh: number[];
  /** SoC the day really ends with (after the aFRR replay). */
  readonly realizedEndSocMwh: number[];
  readonly stats: WalkForwardStats;
}

function sameValues(a: Float64Array | undefined, b: Float64Array | undefined): boolean {
  if (a === undefined || b === undefined) {
    return a === b;
  }
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function copyPlan(result: ExtendedDispatchResult): WorkingPlan {
  return {
    chargeMw: result.assets.map((asset) => Float64Array.from(asset.chargeMw)),
    dischargeMw: result.assets.map((asset) => Float64Array.from(asset.dischargeMw)),
    socMwh: result.assets.map((asset) => Float64Array.from(asset.socMwh)),
    ...(result.reserves?.some((r) => r.fcrMw) ? { fcrMw: result.reserves.map((r) => r.fcrMw as Float64Array) } : {}),
    ...(result.reserves?.some((r) => r.afrrUpMw)
      ? {
          afrrUpMw: result.reserves.map((r) => r.afrrUpMw as Float64Array),
          afrrDownMw: result.reserves.map((r) => r.afrrDownMw as Float64Array),
        }
      : {}),
  };
}

/** Awards per block from per-interval reserve values (block-constant by construction). */
function perBlock(values: Float64Array, blockOfInterval: Int32Array, blockCount: number): Float64Array {
  const out = new Float64Array(blockCount).fill(Number.NaN);
  for (let t = 0; t < values.length; t += 1) {
    if (Number.isNaN(out[blockOfInterval[t]])) {
      out[blockOfInterval[t]] = values[t];
    }
  }
  return out;
}

function lockedFrom(problem: ExtendedDispatchProblem, result: ExtendedDispatchResult): LockedReserves {
  const reserves = result.reserves ?? [];
  const locked: { fcrMw?: Float64Array[]; afrrUpMw?: Float64Array[]; afrrDownMw?: Float64Array[] } = {};
  if (problem.fcr) {
    const { blockOfInterval, blockCount } = problem.fcr;
    locked.fcrMw = reserves.map((r) => perBlock(r.fcrMw as Float64Array, blockOfInterval, blockCount));
  }
  if (problem.afrr) {
    const { blockOfInterval, blockCount } = problem.afrr;
    locked.afrrUpMw = reserves.map((r) => perBlock(r.afrrUpMw as Float64Array, blockOfInterval, blockCount));
    locked.afrrDownMw = reserves.map((r) => perBlock(r.afrrDownMw as Float64Array, blockOfInterval, blockCount));
  }
  return locked;
}

/** The imbalance prices a solve uses: dual (surplus, shortage) or the single value column. */
function imbalancePrices(context: EngineContext, forecast: SeriesForecast) {
  const columns = context.adapter.imbalanceColumns;
  if (context.adapter.imbalanceSettlement === 'dual_price' && columns && context.model.switches.imbalance_prices === 'dual') {
    const surplus = forecast.extra[columns.surplus];
    const shortage = forecast.extra[columns.shortage];
    if (surplus === undefined || shortage === undefined) {
      throw new UserError(
        `the ${context.adapter.id} imbalance forecast has no ${columns.surplus} / ${columns.shortage}; ` +
          'the provider must forecast both dual prices, or set model.imbalance_prices: single',
      );
    }
    return { surplusEurPerMwh: surplus, shortageEurPerMwh: shortage };
  }
  return { surplusEurPerMwh: forecast.values, shortageEurPerMwh: forecast.values };
}

/** Which scenario field carries each series (a scenario is a joint outcome of every series). */
const SCENARIO_FIELD: Readonly<Partial<Record<SeriesName, keyof ScenarioInput>>> = {
  day_ahead: 'dayAheadPriceEurPerMwh',
  fcr_capacity: 'fcrCapacityPriceEurPerMwH',
  afrr_capacity_up: 'afrrCapacityUpPriceEurPerMwH',
  afrr_capacity_down: 'afrrCapacityDownPriceEurPerMwH',
  afrr_activation_price_up: 'afrrActivationUpPriceEurPerMwh',
  afrr_activation_price_down: 'afrrActivationDownPriceEurPerMwh',
  afrr_activation_ratio_up: 'afrrActivationUpRatio',
  afrr_activation_ratio_down: 'afrrActivationDownRatio',
};

/**
 * The scenario bundle of a decision: scenarios are matched by id across series; a series
 * without scenarios is deterministic (every scenario takes its point forecast). Weights
 * must agree across series.
 */
function scenariosFrom(forecasts: ReadonlyMap<SeriesName, SeriesForecast>): ScenarioInput[] | undefined {
  const bundles = [...forecasts].filter(([, f]) => (f.record.snapshot.scenarios?.length ?? 0) > 0);
  if (bundles.length === 0) {
    return undefined;
  }
  const [firstName, first] = bundles[0];
  const ids = (first.record.snapshot.scenarios ?? []).map((scenario) => scenario.id);
  return ids.map((id, k) => {
    const weight = (first.record.snapshot.scenarios ?? [])[k].weight;
    const scenario: Record<string, unknown> = { id, weight };
    for (const [name, forecast] of bundles) {
      const match = forecast.record.snapshot.scenarios?.find((candidate) => candidate.id === id);
      if (match === undefined || Math.abs(match.weight - weight) > 1e-9) {
        throw new UserError(
          `scenario ${id} of ${firstName} ${match === undefined ? 'is missing from' : 'has another weight in'} the ${name} forecast of decision ${forecast.record.decisionId}: scenario ids and weights must match across series`,
        );
      }
      const field = SCENARIO_FIELD[name];
      if (field) {
        scenario[field] = match.values;
      }
    }
    return scenario as unknown as ScenarioInput;
  });
}

function pricesFrom(context: EngineContext, forecasts: ReadonlyMap<SeriesName, SeriesForecast>, withImbalance: boolean): PlanningPrices {
  const scenarios = scenariosFrom(forecasts);
  const get = (name: SeriesName) => forecasts.get(name)?.values;
  const dayAhead = get('day_ahead') as Float64Array;
  const imbalance = forecasts.get('imbalance');
  const afrrSeries = ['afrr_capacity_up', 'afrr_capacity_down', 'afrr_activation_price_up', 'afrr_activation_price_down', 'afrr_activation_ratio_up', 'afrr_activation_ratio_down'] as const;
  const afrr = afrrSeries.every((name) => forecasts.has(name))
    ? {
        capacityUpEurPerMwH: get('afrr_capacity_up') as Float64Array,
        capacityDownEurPerMwH: get('afrr_capacity_down') as Float64Array,
        activationUpEurPerMwh: get('afrr_activation_price_up') as Float64Array,
        activationDownEurPerMwh: get('afrr_activation_price_down') as Float64Array,
        ratioUp: get('afrr_activation_ratio_up') as Float64Array,
        ratioDown: get('afrr_activation_ratio_down') as Float64Array,
      }
    : undefined;
  return {
    dayAheadEurPerMwh: dayAhead,
    ...(forecasts.has('fcr_capacity') ? { fcrCapacityEurPerMwH: get('fcr_capacity') as Float64Array } : {}),
    ...(afrr ? { afrr } : {}),
    ...(withImbalance && imbalance ? { imbalance: imbalancePrices(context, imbalance) } : {}),
    ...(scenarios ? { scenarios } : {}),
  };
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
  const stats: WalkForwardStats = { lpSolves: 0, milpSolves: 0, memoSolves: 0, solverMs: 0, decisions: 0 };
  const snapshots: SnapshotRecord[] = [];
  const decisions: DecisionRecord[] = [];
  const horizonEndMs = instantsMs[n - 1] + INTERVAL_MS;

  const forecast = async (series: SeriesName, id: string, atMs: number, instants: Float64Array = instantsMs) => {
    const result = await forecastFor(context, provider, series, id, atMs, instants);
    snapshots.push(result.record);
    return result;
  };
  const record = (
    decisionType: DecisionType,
    decisionId: string,
    decisionTimeMs: number,
    startIndex: number,
    lockedIntervals: number,
    result: ExtendedDispatchResult | undefined,
    reused: ExtendedDispatchResult | undefined,
  ) => {
    const source = (result ?? reused) as ExtendedDispatchResult;
    if (result) {
      stats.lpSolves += result.stats.lpSolves;
      stats.milpSolves += result.stats.milpSolves;
      stats.memoSolves += result.stats.memoSolves;
      stats.solverMs += result.stats.solverMs;
    }
    stats.decisions += 1;
    decisions.push({
      decisionId,
      decisionType,
      decisionTimeMs,
      deliveryDate: date,
      horizonStartMs: instantsMs[startIndex],
      horizonEndMs: decisionType === 'revision' ? instantsMs[startIndex + lockedIntervals - 1] + INTERVAL_MS : horizonEndMs,
      lockedIntervals,
      scheduleVersion: decisionType === 'imbalance_rebalance' ? 'rebalance' : 'baseline',
      status: source.status,
      solveKind: result === undefined ? 'reused' : result.solvedAs,
      binaryCount: result ? result.stats.binaryCount : 0,
      gridMinutes: result ? ((result.stats.coarseFactor ?? 1) * INTERVAL_MS) / 60_000 : Number.NaN,
      mipGap: result && result.solvedAs === 'milp' ? result.stats.mipGap ?? null : null,
      objectiveEur: source.objectiveEur,
    });
  };

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
      gateForecasts.set(series, await forecast(series, id, atMs));
    }
    const prices = pricesFrom(context, gateForecasts, false);
    const problem = buildProblem(context, { instantsMs, startSocMwh: planStartSocMwh, prices, ...(cycleBudgetMwh ? { cycleBudgetMwh } : {}) });
    const result = solveDay(context, problem, id, instantsMs[0], 'gate');
    record(product === 'fcr' ? 'fcr_gate' : 'afrr_gate', id, atMs, 0, n, result, undefined);
    locked = lockedFrom(problem, result);
    for (const series of CAPACITY_SERIES[product]) {
      lockedCapacityForecast.set(series, (gateForecasts.get(series) as SeriesForecast).values);
      latest.set(series, gateForecasts.get(series) as SeriesForecast);
    }
    gatePlan = { prices, result };
  }

  // 2. The day-ahead gate: the nomination.
  const daId = `${date}-da-0`;
  latest.set('day_ahead', await forecast('day_ahead', daId, dayAheadGateMs));
  if (product && !sequential) {
    // gates: single: one decision chooses everything, each product forecast as of its own gate.
    for (const series of workflowSeries(workflow).filter((name) => name !== 'day_ahead')) {
      latest.set(series, await forecast(series, daId, productGateMs as number));
    }
  } else if (product === 'afrr') {
    // Capacity is locked; activation moves SoC in the final plan, so it is forecast again now.
    for (const series of ACTIVATION_SERIES) {
      latest.set(series, await forecast(series, daId, dayAheadGateMs));
    }
  }
  const imbalanceWorkflow = workflow === 'da_plus_imbalance';
  const joint = imbalanceWorkflow && model.switches.imbalance_nomination === 'joint';
  if (imbalanceWorkflow) {
    latest.set('imbalance', await forecast('imbalance', daId, dayAheadGateMs));
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
    record('day_ahead_nomination', daId, dayAheadGateMs, 0, n, undefined, nomination);
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
    record('day_ahead_nomination', daId, dayAheadGateMs, 0, n, nomination, undefined);
  }
  const plan = copyPlan(nomination);
  const poiImportDual = Float64Array.from(nomination.duals?.poiImportEurPerMw ?? new Float64Array(n));
  const poiExportDual = Float64Array.from(nomination.duals?.poiExportEurPerMw ?? new Float64Array(n));
  const nominationMw = joint
    ? (nomination.imbalance?.baselineAssetsMw ?? []).map((values) => Float64Array.from(values))
    : plan.chargeMw.map((charge, a) => Float64Array.from(charge, (c, t) => plan.dischargeMw[a][t] - c));
  if (nominationMw.length !== context.assets.length) {
    throw new Error(`decision ${daId}: the joint nomination has no per-asset baseline`);
  }

  // The forecasts the final plan uses per interval, spliced by rebalances and revisions.
  const used = new Map<SeriesName, { values: Float64Array; extra: Record<string, Float64Array> }>();
  for (const [name, value] of latest) {
    const extra: Record<string, Float64Array> = {};
    for (const [column, values] of Object.entries(value.extra)) {
      extra[column] = Float64Array.from(values);
    }
    used.set(name, { values: Float64Array.from(value.values), extra });
  }
  const splice = (name: SeriesName, forecast: SeriesForecast, start: number) => {
    const target = used.get(name);
    if (target) {
      target.values.set(forecast.values, start);
      for (const [column, values] of Object.entries(forecast.extra)) {
        target.extra[column]?.set(values, start);
      }
    }
  };
  const siteNomination = new Float64Array(n);
  nominationMw.forEach((values) => values.forEach((v, t) => (siteNomination[t] += v)));
  const baseline = {
    decisionId: daId,
    decisionTimeMs: dayAheadGateMs,
    assets: plan.chargeMw.map((_, a) => ({
      chargeMw: Float64Array.from(plan.chargeMw[a]),
      dischargeMw: Float64Array.from(plan.dischargeMw[a]),
      socMwh: Float64Array.from(plan.socMwh[a]),
      ...(plan.fcrMw ? { fcrMw: plan.fcrMw[a] } : {}),
      ...(plan.afrrUpMw ? { afrrUpMw: plan.afrrUpMw[a], afrrDownMw: plan.afrrDownMw?.[a] } : {}),
    })),
  };
  const revision = config.workflow === 'schedule_revision';

  // 3. Imbalance rebalances: deviate from the nomination against imbalance forecasts.
  if (imbalanceWorkflow && !revision) {
    const step = Math.max(1, Math.round(config.timing.rebalance_cadence_minutes / 15));
    const lockIntervals = config.timing.execution_lock_intervals;
    let previous: SeriesForecast | undefined;
    let previousStart = -1;
    for (let i = 0, k = 1; i + lockIntervals < n; i += step, k += 1) {
      const start = i + lockIntervals;
      const id = `${date}-imb-${k}`;
      const window = instantsMs.subarray(start);
      const forecastImb = await forecast('imbalance', id, instantsMs[i], window);
      const unchanged =
        previous !== undefined &&
        sameValues(forecastImb.values, previous.values.subarray(start - previousStart)) &&
        Object.entries(forecastImb.extra).every(([column, values]) => sameValues(values, previous?.extra[column]?.subarray(start - previousStart)));
      if (unchanged) {
        record('imbalance_rebalance', id, instantsMs[i], start, Math.min(step, n - start), undefined, nomination);
        continue;
      }
      const problem = buildProblem(context, {
        instantsMs: window,
        startSocMwh: plan.socMwh.map((soc) => soc[start]),
        prices: { dayAheadEurPerMwh: daPrices.dayAheadEurPerMwh.subarray(start), imbalance: imbalancePrices(context, forecastImb) },
        baseline: siteNomination.subarray(start),
      });
      const result = solveDay(context, problem, id, window[0], 'intraday');
      record('imbalance_rebalance', id, instantsMs[i], start, Math.min(step, n - start), result, undefined);
      result.assets.forEach((asset, a) => {
        plan.chargeMw[a].set(asset.chargeMw, start);
        plan.dischargeMw[a].set(asset.dischargeMw, start);
        plan.socMwh[a].set(asset.socMwh, start);
      });
      if (result.duals) {
        poiImportDual.set(result.duals.poiImportEurPerMw, start);
        poiExportDual.set(result.duals.poiExportEurPerMw, start);
      }
      splice('imbalance', forecastImb, start);
      previous = forecastImb;
      previousStart = start;
    }
  }

  const buildSeries = (): Partial<Record<SeriesName, DaySeries>> => {
    const out: Partial<Record<SeriesName, DaySeries>> = {};
    for (const [name, value] of latest) {
      const current = used.get(name) as { values: Float64Array; extra: Record<string, Float64Array> };
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
  };

  // 4. Schedule revisions: re-plan the unlocked energy at each checkpoint of the day.
  const setBy = new Uint8Array(n);
  const revisions: RevisionRecord[] = [];
  if (revision && config.revision) {
    const lockIntervals = config.timing.execution_lock_intervals;
    const horizon = config.revision.max_revision_horizon_intervals;
    for (const [index, checkpoint] of config.revision.revision_checkpoints_local.entries()) {
      const version = `revision_${String(index + 1).padStart(2, '0')}`;
      const id = `${date}-${version}`;
      const atMs = localTimeToUtcMs(date, checkpoint, timezone);
      let first = 0;
      while (first < n && instantsMs[first] < atMs) {
        first += 1;
      }
      const start = Math.min(first + lockIntervals, n);
      if (start >= n) {
        decisions.push(skippedRevision(id, version, atMs, date, horizonEndMs, n, checkpoint));
        stats.decisions += 1;
        continue;
      }
      const end = Math.min(start + horizon, n);
      const outcome = await reviseWindow({
        context,
        instantsMs,
        plan,
        nominationMw,
        siteNomination,
        start,
        end,
        date,
        atMs,
        id,
        seriesNow: buildSeries(),
        realizedStartSocMwh,
        cycleBudgetMwh,
        forecast,
      });
      record('revision', id, atMs, start, end - start, outcome.result, undefined);
      const last = decisions[decisions.length - 1];
      decisions[decisions.length - 1] = {
        ...last,
        scheduleVersion: version,
        revisionStatus: outcome.status,
        revisionReason: outcome.reason,
      };
      if (outcome.status === 'revised') {
        outcome.result.assets.forEach((asset, a) => {
          plan.chargeMw[a].set(asset.chargeMw, start);
          plan.dischargeMw[a].set(asset.dischargeMw, start);
          plan.socMwh[a].set(asset.socMwh, start);
        });
        if (outcome.result.duals) {
          poiImportDual.set(outcome.result.duals.poiImportEurPerMw, start);
          poiExportDual.set(outcome.result.duals.poiExportEurPerMw, start);
        }
        for (const [name, windowForecast] of outcome.forecasts) {
          splice(name, windowForecast, start);
        }
        setBy.fill(index + 1, start, end);
      }
      revisions.push({
        version,
        decisionId: id,
        checkpointLocal: checkpoint,
        decisionTimeMs: atMs,
        startIndex: start,
        endIndex: end,
        status: outcome.status,
        reason: outcome.reason,
        assets: plan.chargeMw.map((_, a) => ({
          chargeMw: plan.chargeMw[a].slice(start, end),
          dischargeMw: plan.dischargeMw[a].slice(start, end),
          socMwh: plan.socMwh[a].slice(start, end + 1),
          ...(plan.fcrMw ? { fcrMw: plan.fcrMw[a].slice(start, end) } : {}),
          ...(plan.afrrUpMw ? { afrrUpMw: plan.afrrUpMw[a].slice(start, end), afrrDownMw: plan.afrrDownMw?.[a].slice(start, end) } : {}),
        })),
      });
    }
  }

  // 5. Execute: the realized SoC with the actual activation ratios.
  const series = buildSeries();
  const assets = replayDay(context, instantsMs, plan, nominationMw, series, realizedStartSocMwh);
  return {
    day: {
      date,
      instantsMs,
      assets,
      series,
      poiImportDualEurPerMw: poiImportDual,
      poiExportDualEurPerMw: poiExportDual,
      baseline,
      ...(revision ? { revisions, setBy } : {}),
      decisions,
      snapshots,
    },
    plannedEndSocMwh: plan.socMwh.map((soc) => soc[n]),
    realizedEndSocMwh: assets.map((asset) => asset.socMwh[n]),
    stats,
  };
}
