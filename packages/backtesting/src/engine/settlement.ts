import { INTERVAL_H } from '@euroflex/markets';
import type { AssetModel } from './assetModels';
import { equivalentFullCycles } from './rainflow';
import type { DaySeries, EngineContext, ExecutedDay } from './types';

/** Money components booked per interval, realized (spec/model.md, Settlement). */
export const COMPONENTS = [
  'da_revenue_eur',
  'imbalance_revenue_eur',
  'reserve_capacity_revenue_eur',
  'reserve_activation_revenue_eur',
  'reserve_penalty_eur',
  'degradation_cost_eur',
] as const;
export type Component = (typeof COMPONENTS)[number];

/** Every settlement column of one asset (or the site) over the whole run, one value per interval. */
export interface SettlementColumns {
  readonly da_revenue_eur: Float64Array;
  readonly expected_da_revenue_eur: Float64Array;
  readonly imbalance_revenue_eur: Float64Array;
  readonly expected_imbalance_revenue_eur: Float64Array;
  readonly reserve_capacity_revenue_eur: Float64Array;
  readonly expected_reserve_capacity_revenue_eur: Float64Array;
  readonly reserve_activation_revenue_eur: Float64Array;
  readonly expected_reserve_activation_revenue_eur: Float64Array;
  readonly reserve_penalty_eur: Float64Array;
  readonly expected_reserve_penalty_eur: Float64Array;
  readonly degradation_cost_eur: Float64Array;
  readonly expected_degradation_cost_eur: Float64Array;
  readonly realized_pnl_eur: Float64Array;
  readonly expected_pnl_eur: Float64Array;
  readonly throughput_mwh: Float64Array;
  readonly afrr_non_delivered_mwh: Float64Array;
}
export type SettlementColumnName = keyof SettlementColumns;

/** Every settlement column, in the order tables show them. */
export const SETTLEMENT_COLUMNS: readonly SettlementColumnName[] = [
  'da_revenue_eur',
  'expected_da_revenue_eur',
  'imbalance_revenue_eur',
  'expected_imbalance_revenue_eur',
  'reserve_capacity_revenue_eur',
  'expected_reserve_capacity_revenue_eur',
  'reserve_activation_revenue_eur',
  'expected_reserve_activation_revenue_eur',
  'reserve_penalty_eur',
  'expected_reserve_penalty_eur',
  'degradation_cost_eur',
  'expected_degradation_cost_eur',
  'realized_pnl_eur',
  'expected_pnl_eur',
  'throughput_mwh',
  'afrr_non_delivered_mwh',
];

export interface RunSettlement {
  /** Interval starts of the whole run, in order. */
  readonly instantsMs: Float64Array;
  readonly assets: readonly SettlementColumns[];
  /** Column by column the sum over assets, in asset order, so site = sum of assets exactly. */
  readonly site: SettlementColumns;
  /**
   * How deviations from the day-ahead nomination were priced: at the imbalance price when an
   * imbalance series is configured, else at the day-ahead price (`day_ahead_proxy`).
   */
  readonly deviationSettlement: 'imbalance_price' | 'day_ahead_proxy';
}

/** What settlement needs beyond the executed days (a pure subset of the engine context). */
export type SettlementContext = Pick<EngineContext, 'assets' | 'config' | 'model' | 'adapter' | 'actuals'>;

function emptyColumns(length: number): SettlementColumns {
  return assetColumns(length, 1)[0];
}

/**
 * Zeroed columns for `assets` assets: each column's arrays are consecutive views of one
 * buffer (asset 0, then 1, ...), so a table with one block of rows per asset takes the
 * buffer as its column without copying (`joined` in tables/assetFlows.ts).
 */
function assetColumns(length: number, assets: number): SettlementColumns[] {
  const perAsset = Array.from({ length: assets }, () => ({}) as Record<SettlementColumnName, Float64Array>);
  for (const name of SETTLEMENT_COLUMNS) {
    const buffer = new Float64Array(length * assets);
    perAsset.forEach((columns, a) => {
      columns[name] = buffer.subarray(a * length, (a + 1) * length);
    });
  }
  return perAsset;
}

/** The per-interval deviation price of the site: imbalance (by the site's sign in dual markets) or day-ahead. */
function deviationPrices(
  context: SettlementContext,
  day: ExecutedDay,
  siteDeviationMw: Float64Array,
  useImbalance: boolean,
): { actual: Float64Array; expected: Float64Array } {
  const n = day.instantsMs.length;
  const dayAhead = day.series.day_ahead as DaySeries;
  const imbalance = day.series.imbalance;
  if (!useImbalance || imbalance === undefined) {
    return { actual: dayAhead.actual, expected: dayAhead.forecast };
  }
  const columns = context.adapter.imbalanceColumns;
  const dual = context.adapter.imbalanceSettlement === 'dual_price' && columns !== undefined;
  // Expected money uses the prices the plans were made with: under `imbalance_prices: single`
  // (reference_v1) the single forecast price, even where settlement uses both.
  const plannedDual = dual && context.model.switches.imbalance_prices === 'dual';
  const actual = new Float64Array(n);
  const expected = new Float64Array(n);
  for (let t = 0; t < n; t += 1) {
    const column = siteDeviationMw[t] >= 0 ? columns?.surplus : columns?.shortage;
    actual[t] = dual && column ? imbalance.extraActual?.[column]?.[t] ?? imbalance.actual[t] : imbalance.actual[t];
    expected[t] = plannedDual && column ? imbalance.extraForecast?.[column]?.[t] ?? imbalance.forecast[t] : imbalance.forecast[t];
  }
  return { actual, expected };
}

/** Post-hoc rainflow degradation of one asset-day, spread over its intervals by SoC movement. */
function rainflowCost(asset: AssetModel, eurPerCycle: number, soc: Float64Array): Float64Array {
  const n = soc.length - 1;
  const cost = new Float64Array(n);
  const total = eurPerCycle * equivalentFullCycles(soc, asset.socMaxMwh - asset.socMinMwh);
  let movement = 0;
  for (let t = 0; t < n; t += 1) {
    movement += Math.abs(soc[t + 1] - soc[t]);
  }
  if (total === 0 || movement === 0) {
    return cost;
  }
  for (let t = 0; t < n; t += 1) {
    cost[t] = (total * Math.abs(soc[t + 1] - soc[t])) / movement;
  }
  return cost;
}

/** What settling a day needs from the run's context, worked out once per run. */
interface SettlementParams {
  readonly context: SettlementContext;
  readonly dt: number;
  readonly useImbalance: boolean;
  readonly sigma: number;
  readonly fcrFee: number;
  readonly afrrFee: number;
  readonly nonDeliveryPenalty: number;
  readonly posthoc: boolean;
  readonly eurPerCycle: number;
}

function settlementParams(context: SettlementContext): SettlementParams {
  const { config, model } = context;
  return {
    context,
    dt: INTERVAL_H,
    useImbalance: context.actuals.imbalance !== undefined,
    sigma: model.switches.afrr_down_activation === 'bsp_pays' ? -1 : 1,
    fcrFee: config.fcr?.non_delivery_penalty_eur_per_mw ?? 0,
    afrrFee: config.afrr?.non_delivery_penalty_eur_per_mw ?? 0,
    // Only energy that was really clipped is penalised; under planned_soc it is informational.
    nonDeliveryPenalty: model.switches.activation_replay === 'actual_ratios' ? config.afrr?.non_delivery_penalty_eur_per_mwh ?? 0 : 0,
    posthoc: config.degradation.mode === 'rainflow_offline' && model.switches.rainflow_settlement === 'posthoc',
    eurPerCycle: config.degradation.eur_per_equivalent_cycle ?? 0,
  };
}

/**
 * Settle the executed days (spec/model.md, Settlement), per asset and interval:
 * - day-ahead revenue on the nomination at the actual price (expected: the forecast price);
 * - deviations of the executed net export from the nomination at the imbalance price (BE
 *   single price; NL surplus price when the site is long, shortage price when short), or
 *   at the day-ahead price when no imbalance series is configured (`day_ahead_proxy`);
 * - reserve capacity at the actual price (expected: the forecast the award was chosen with);
 * - aFRR activation on the delivered energy at the actual price, downward energy with the
 *   sign of `afrr_down_activation`; non-delivered energy earns nothing and pays
 *   `afrr.non_delivery_penalty_eur_per_mwh`;
 * - the per-MW reserve fee; degradation k (c + d) dt, plus the post-hoc rainflow cost under
 *   `rainflow_offline` with `rainflow_settlement: posthoc`.
 * The site is the sum of its assets, column by column, in asset order.
 */
export function settleRun(days: readonly ExecutedDay[], context: SettlementContext): RunSettlement {
  const { assets } = context;
  const total = days.reduce((sum, day) => sum + day.instantsMs.length, 0);
  const instantsMs = new Float64Array(total);
  const perAsset = assetColumns(total, assets.length);
  const params = settlementParams(context);
  let offset = 0;
  for (const day of days) {
    instantsMs.set(day.instantsMs, offset);
    settleDay(day, params, perAsset, offset);
    offset += day.instantsMs.length;
  }
  const site = emptyColumns(total);
  for (const name of SETTLEMENT_COLUMNS) {
    const target = site[name];
    for (const columns of perAsset) {
      const source = columns[name];
      for (let i = 0; i < total; i += 1) {
        target[i] += source[i];
      }
    }
  }
  return { instantsMs, assets: perAsset, site, deviationSettlement: params.useImbalance ? 'imbalance_price' : 'day_ahead_proxy' };
}

/** Settle one day into `perAsset`'s columns from index `offset` on (see `settleRun`). */
function settleDay(day: ExecutedDay, params: SettlementParams, perAsset: readonly SettlementColumns[], offset: number): void {
  const { context, dt, useImbalance, sigma, fcrFee, afrrFee, nonDeliveryPenalty, posthoc, eurPerCycle } = params;
  const { assets } = context;
  const n = day.instantsMs.length;
  const siteDeviation = new Float64Array(n);
  const sitePlannedDeviation = new Float64Array(n);
  for (const executed of day.assets) {
    for (let t = 0; t < n; t += 1) {
      siteDeviation[t] += executed.dischargeMw[t] - executed.chargeMw[t] - executed.nominationMw[t];
      sitePlannedDeviation[t] += executed.plannedDischargeMw[t] - executed.plannedChargeMw[t] - executed.nominationMw[t];
    }
  }
  const realizedDeviationPrice = deviationPrices(context, day, siteDeviation, useImbalance).actual;
  const plannedDeviationPrice = deviationPrices(context, day, sitePlannedDeviation, useImbalance).expected;
  const dayAhead = day.series.day_ahead as DaySeries;
  const fcr = day.series.fcr_capacity;
  const capUp = day.series.afrr_capacity_up;
  const capDown = day.series.afrr_capacity_down;
  const actUp = day.series.afrr_activation_price_up;
  const actDown = day.series.afrr_activation_price_down;
  const ratioUp = day.series.afrr_activation_ratio_up;
  const ratioDown = day.series.afrr_activation_ratio_down;
  day.assets.forEach((executed, a) => {
    const asset = assets[a];
    const k = asset.degradationEurPerMwh;
    const out = perAsset[a];
    const realizedRainflow = posthoc ? rainflowCost(asset, eurPerCycle, executed.socMwh) : undefined;
    const plannedRainflow = posthoc ? rainflowCost(asset, eurPerCycle, executed.plannedSocMwh) : undefined;
    for (let t = 0; t < n; t += 1) {
      const i = offset + t;
      const charge = executed.chargeMw[t];
      const discharge = executed.dischargeMw[t];
      const nomination = executed.nominationMw[t];
      const deviation = discharge - charge - nomination;
      const plannedDeviation = executed.plannedDischargeMw[t] - executed.plannedChargeMw[t] - nomination;
      out.da_revenue_eur[i] = nomination * dt * dayAhead.actual[t];
      out.expected_da_revenue_eur[i] = nomination * dt * (dayAhead.lockedForecast ?? dayAhead.forecast)[t];
      out.imbalance_revenue_eur[i] = deviation * dt * realizedDeviationPrice[t];
      out.expected_imbalance_revenue_eur[i] = plannedDeviation * dt * plannedDeviationPrice[t];
      const r = executed.fcrMw?.[t] ?? 0;
      const u = executed.afrrUpMw?.[t] ?? 0;
      const w = executed.afrrDownMw?.[t] ?? 0;
      let capacity = 0;
      let expectedCapacity = 0;
      if (r !== 0 && fcr) {
        capacity += r * dt * fcr.actual[t];
        expectedCapacity += r * dt * (fcr.lockedForecast ?? fcr.forecast)[t];
      }
      if ((u !== 0 || w !== 0) && capUp && capDown) {
        capacity += dt * (u * capUp.actual[t] + w * capDown.actual[t]);
        expectedCapacity += dt * (u * (capUp.lockedForecast ?? capUp.forecast)[t] + w * (capDown.lockedForecast ?? capDown.forecast)[t]);
      }
      out.reserve_capacity_revenue_eur[i] = capacity;
      out.expected_reserve_capacity_revenue_eur[i] = expectedCapacity;
      if (actUp && actDown && ratioUp && ratioDown) {
        out.reserve_activation_revenue_eur[i] =
          (executed.afrrUpDeliveredMwh?.[t] ?? 0) * actUp.actual[t] + sigma * (executed.afrrDownDeliveredMwh?.[t] ?? 0) * actDown.actual[t];
        out.expected_reserve_activation_revenue_eur[i] =
          dt * (u * ratioUp.forecast[t] * actUp.forecast[t] + sigma * w * ratioDown.forecast[t] * actDown.forecast[t]);
      }
      const fee = dt * (fcrFee * r + afrrFee * (u + w));
      const nonDelivered = executed.afrrNonDeliveredMwh?.[t] ?? 0;
      out.afrr_non_delivered_mwh[i] = nonDelivered;
      out.reserve_penalty_eur[i] = fee + nonDeliveryPenalty * nonDelivered;
      out.expected_reserve_penalty_eur[i] = fee;
      const throughputMwh = (charge + discharge) * dt;
      out.throughput_mwh[i] = throughputMwh;
      out.degradation_cost_eur[i] = k * throughputMwh + (realizedRainflow?.[t] ?? 0);
      out.expected_degradation_cost_eur[i] =
        k * (executed.plannedChargeMw[t] + executed.plannedDischargeMw[t]) * dt + (plannedRainflow?.[t] ?? 0);
      out.realized_pnl_eur[i] =
        out.da_revenue_eur[i] +
        out.imbalance_revenue_eur[i] +
        out.reserve_capacity_revenue_eur[i] +
        out.reserve_activation_revenue_eur[i] -
        out.reserve_penalty_eur[i] -
        out.degradation_cost_eur[i];
      out.expected_pnl_eur[i] =
        out.expected_da_revenue_eur[i] +
        out.expected_imbalance_revenue_eur[i] +
        out.expected_reserve_capacity_revenue_eur[i] +
        out.expected_reserve_activation_revenue_eur[i] -
        out.expected_reserve_penalty_eur[i] -
        out.expected_degradation_cost_eur[i];
    }
  });
}

/**
 * The run totals of `settleRun(days, context).site` (`settlementTotals`), bit for bit, without
 * the run-long columns: each day is settled into day-long scratch columns, the site value of
 * each interval is the sum of the assets' in asset order, and the totals add the intervals in
 * run order, as the columns would. The oracle needs only its totals.
 */
export function settleRunTotals(days: readonly ExecutedDay[], context: SettlementContext): Record<SettlementColumnName, number> {
  const totals = {} as Record<SettlementColumnName, number>;
  for (const name of SETTLEMENT_COLUMNS) {
    totals[name] = 0;
  }
  const longest = days.reduce((most, day) => Math.max(most, day.instantsMs.length), 0);
  const scratch = context.assets.map(() => emptyColumns(longest));
  const params = settlementParams(context);
  for (const day of days) {
    const n = day.instantsMs.length;
    for (const columns of scratch) {
      for (const name of SETTLEMENT_COLUMNS) {
        columns[name].fill(0);
      }
    }
    settleDay(day, params, scratch, 0);
    for (const name of SETTLEMENT_COLUMNS) {
      let sum = totals[name];
      for (let t = 0; t < n; t += 1) {
        let site = 0;
        for (const columns of scratch) {
          site += columns[name][t];
        }
        sum += site;
      }
      totals[name] = sum;
    }
  }
  return totals;
}

/** Sum of a column. */
export function totalOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    sum += values[i];
  }
  return sum;
}

/** Run totals of the site: each component, realized and expected PnL, throughput. */
export function settlementTotals(columns: SettlementColumns): Record<SettlementColumnName, number> {
  const totals = {} as Record<SettlementColumnName, number>;
  for (const name of SETTLEMENT_COLUMNS) {
    totals[name] = totalOf(columns[name]);
  }
  return totals;
}
