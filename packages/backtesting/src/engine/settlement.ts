import { INTERVAL_H } from '@euroflex/markets';
import type { AssetModel } from './assetModels';
import type { ExecutedDay } from './types';

/** Money components booked per interval, realized and expected (spec/model.md, Settlement). */
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
  readonly degradation_cost_eur: Float64Array;
  readonly realized_pnl_eur: Float64Array;
  readonly expected_pnl_eur: Float64Array;
  readonly throughput_mwh: Float64Array;
}
export type SettlementColumnName = keyof SettlementColumns;

export interface RunSettlement {
  /** Interval starts of the whole run, in order. */
  readonly instantsMs: Float64Array;
  readonly assets: readonly SettlementColumns[];
  /** Column by column the sum over assets, in asset order, so site = sum of assets exactly. */
  readonly site: SettlementColumns;
}

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
  'degradation_cost_eur',
  'realized_pnl_eur',
  'expected_pnl_eur',
  'throughput_mwh',
];

function emptyColumns(length: number): SettlementColumns {
  const columns = {} as Record<SettlementColumnName, Float64Array>;
  for (const name of SETTLEMENT_COLUMNS) {
    columns[name] = new Float64Array(length);
  }
  return columns;
}

/**
 * Settle the executed days. Day-ahead revenue is booked on the nomination (the executed
 * net export, since a day-ahead run never deviates from it) at the actual price; the
 * expected view uses the forecast price the plan was made with. Degradation is
 * k * (charge + discharge) * dt on grid-side throughput.
 */
export function settleRun(days: readonly ExecutedDay[], assets: readonly AssetModel[]): RunSettlement {
  const total = days.reduce((sum, day) => sum + day.instantsMs.length, 0);
  const instantsMs = new Float64Array(total);
  const perAsset = assets.map(() => emptyColumns(total));
  let offset = 0;
  for (const day of days) {
    instantsMs.set(day.instantsMs, offset);
    day.assets.forEach((executed, a) => {
      const k = assets[a].degradationEurPerMwh;
      const out = perAsset[a];
      for (let t = 0; t < day.instantsMs.length; t += 1) {
        const i = offset + t;
        const charge = executed.chargeMw[t];
        const discharge = executed.dischargeMw[t];
        const netMwh = (discharge - charge) * INTERVAL_H;
        const throughputMwh = (charge + discharge) * INTERVAL_H;
        out.da_revenue_eur[i] = netMwh * day.dayAheadActualEurPerMwh[t];
        out.expected_da_revenue_eur[i] = netMwh * day.dayAheadForecastEurPerMwh[t];
        out.degradation_cost_eur[i] = k * throughputMwh;
        out.throughput_mwh[i] = throughputMwh;
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
          out.reserve_penalty_eur[i] -
          out.degradation_cost_eur[i];
      }
    });
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
  return { instantsMs, assets: perAsset, site };
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
