import { executionWorkflow, runScope, type SeriesName } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import type { BacktestRun } from './backtestRun';
import { equivalentFullCycles } from './rainflow';
import { oracleBoundsBeforePosthocDegradation, oracleExcess } from './oracle';
import { settlementTotals } from './settlement';
import { reserveProductOf } from './workflowSeries';
import { runReasonCodes } from './runReasonCodes';
import { runAssetFlows, siteTotal } from './assetFlows';
import { reasonCodeCounts } from '../reasons/reasonCodes';

export interface ForecastError {
  readonly count: number;
  readonly mae: number;
  readonly rmse: number;
  /** Mean of forecast - actual. */
  readonly bias: number;
}

/** Forecast error per series over every executed snapshot value. */
export function forecastErrors(run: BacktestRun): Partial<Record<SeriesName, ForecastError>> {
  const sums = new Map<SeriesName, { count: number; abs: number; sq: number; bias: number }>();
  for (const day of run.days) {
    for (const record of day.snapshots) {
      const entry = sums.get(record.request.series) ?? { count: 0, abs: 0, sq: 0, bias: 0 };
      for (let t = 0; t < record.actual.length; t += 1) {
        const error = record.snapshot.values[t] - record.actual[t];
        entry.count += 1;
        entry.abs += Math.abs(error);
        entry.sq += error * error;
        entry.bias += error;
      }
      sums.set(record.request.series, entry);
    }
  }
  const out: Partial<Record<SeriesName, ForecastError>> = {};
  for (const [series, s] of sums) {
    out[series] = { count: s.count, mae: s.abs / s.count, rmse: Math.sqrt(s.sq / s.count), bias: s.bias / s.count };
  }
  return out;
}

/** Site reserve statistics (MW): mean and maximum of each product the workflow trades. */
function reserveStatistics(run: BacktestRun): Record<string, number> {
  const out: Record<string, number> = {};
  const keys = [
    ['fcrMw', 'fcr_reserved_mw'],
    ['afrrUpMw', 'afrr_up_reserved_mw'],
    ['afrrDownMw', 'afrr_down_reserved_mw'],
  ] as const;
  for (const [key, name] of keys) {
    if (run.days[0]?.assets[0]?.[key] === undefined) {
      continue;
    }
    let sum = 0;
    let max = 0;
    let count = 0;
    for (const day of run.days) {
      for (let t = 0; t < day.instantsMs.length; t += 1) {
        let site = 0;
        for (const asset of day.assets) {
          site += asset[key]?.[t] ?? 0;
        }
        sum += site;
        max = Math.max(max, site);
        count += 1;
      }
    }
    out[`${name}_avg`] = count === 0 ? 0 : sum / count;
    out[`${name}_max`] = max;
  }
  return out;
}

/** Equivalent full cycles per asset (rainflow on the realized SoC, per day, summed over the run). */
function assetCycles(run: BacktestRun): Record<string, number> {
  const out: Record<string, number> = {};
  run.context.assets.forEach((asset, a) => {
    let total = 0;
    for (const day of run.days) {
      total += equivalentFullCycles(day.assets[a].socMwh, asset.socMaxMwh - asset.socMinMwh);
    }
    out[asset.id] = total;
  });
  return out;
}

function maxOf(values: Float64Array): number {
  let max = 0;
  for (const value of values) {
    max = Math.max(max, value);
  }
  return max;
}

/**
 * Settlement assumptions in effect that the config may leave to a default: the charge on aFRR
 * energy not delivered (spec/model.md, Settlement: "default 0, documented as an assumption").
 */
function settlementAssumptions(run: BacktestRun): string[] {
  const { config, model, context } = run;
  if (context.workflow !== 'da_plus_afrr' || model.switches.activation_replay !== 'actual_ratios') {
    return [];
  }
  const penalty = config.afrr?.non_delivery_penalty_eur_per_mwh ?? 0;
  return [
    `aFRR energy not delivered because the realized SoC hit a bound earns no activation price and is charged ${penalty} EUR/MWh (afrr.non_delivery_penalty_eur_per_mwh${penalty === 0 ? '; 0 is its default' : ''}).`,
  ];
}

/**
 * summary.json: identity, settings, PnL components (the reference's stable names),
 * expected and oracle totals, operation statistics, forecast errors, provenance, the
 * resolved model switches and timings. Only `run_id`, `created_at_utc` and `timings`
 * differ between two runs of the same input.
 */
export function buildSummary(run: BacktestRun, provenance: Record<string, unknown>, assumptions: readonly string[]) {
  const { config, model } = run;
  const site = run.settlement.site;
  const totals = settlementTotals(site);
  const n = site.realized_pnl_eur.length;
  // The flows the reason codes (below) and the dispatch tables read too: gathered once.
  const flows = runAssetFlows(run);
  const siteCharge = siteTotal(flows, 'chargeMw', n);
  const siteDischarge = siteTotal(flows, 'dischargeMw', n);
  let idle = 0;
  for (let i = 0; i < n; i += 1) {
    if (siteCharge[i] <= 1e-9 && siteDischarge[i] <= 1e-9) {
      idle += 1;
    }
  }
  const assetTotals = run.settlement.assets.map((columns, a) => ({
    asset_id: run.context.assets[a].id,
    total_pnl_eur: settlementTotals(columns).realized_pnl_eur,
  }));
  const ranking = [...assetTotals].sort((x, y) => y.total_pnl_eur - x.total_pnl_eur || x.asset_id.localeCompare(y.asset_id));
  const grossRevenue =
    totals.da_revenue_eur + totals.imbalance_revenue_eur + totals.reserve_capacity_revenue_eur + totals.reserve_activation_revenue_eur;
  const oracle = run.oracle.totals;
  const cycles = assetCycles(run);
  const product = reserveProductOf(run.context.workflow);
  const { excessEur, toleranceEur } = oracleExcess(run.context, totals, oracle);
  const reasons = runReasonCodes(run);
  return {
    schema_version: 4,
    run_id: run.runId,
    created_at_utc: isoUtc(run.createdAtMs),
    run_name: config.run_name,
    config_file: run.configFile,
    site_id: config.site.id,
    run_scope: runScope(config),
    asset_count: config.assets.length,
    asset_ids: config.assets.map((asset) => asset.id),
    poi_import_limit_mw: config.site.poi_import_limit_mw,
    poi_export_limit_mw: config.site.poi_export_limit_mw,
    market_id: config.market.id,
    market_timezone: run.context.timezone,
    workflow: config.workflow,
    base_workflow: executionWorkflow(config),
    benchmark_name: run.benchmarkName,
    provider_name: run.providerName,
    forecast_mode: config.forecast_provider.mode,
    risk_mode: config.risk.mode,
    auditable: run.auditable,
    delivery_start_date: config.timing.delivery_start_date,
    delivery_end_date: config.timing.delivery_end_date,
    gate_closure_definition: `D-1 ${config.timing.day_ahead_gate_closure_local} local gate closure (${run.context.timezone}, 15-minute grid)`,
    interval_count: n,
    decision_count: run.stats.decisions,
    da_revenue_eur: totals.da_revenue_eur,
    imbalance_revenue_eur: totals.imbalance_revenue_eur,
    reserve_capacity_revenue_eur: totals.reserve_capacity_revenue_eur,
    reserve_activation_revenue_eur: totals.reserve_activation_revenue_eur,
    reserve_penalty_eur: totals.reserve_penalty_eur,
    degradation_cost_eur: totals.degradation_cost_eur,
    total_pnl_eur: totals.realized_pnl_eur,
    expected_total_pnl_eur: totals.expected_pnl_eur,
    oracle_total_pnl_eur: oracle.realized_pnl_eur,
    oracle_gap_total_pnl_eur: totals.realized_pnl_eur - oracle.realized_pnl_eur,
    oracle_mode: run.oracle.mode,
    oracle_bound: oracleBoundsBeforePosthocDegradation(run.context) ? 'total_pnl_before_posthoc_degradation_eur' : 'total_pnl_eur',
    oracle_exceeded_by_non_delivery: excessEur > toleranceEur,
    oracle_reference: {
      da_revenue_eur: oracle.da_revenue_eur,
      imbalance_revenue_eur: oracle.imbalance_revenue_eur,
      reserve_capacity_revenue_eur: oracle.reserve_capacity_revenue_eur,
      reserve_activation_revenue_eur: oracle.reserve_activation_revenue_eur,
      reserve_penalty_eur: oracle.reserve_penalty_eur,
      degradation_cost_eur: oracle.degradation_cost_eur,
      total_pnl_eur: oracle.realized_pnl_eur,
    },
    throughput_mwh: totals.throughput_mwh,
    equivalent_full_cycles: Object.values(cycles).reduce((sum, value) => sum + value, 0),
    asset_equivalent_full_cycles: cycles,
    afrr_non_delivered_mwh: totals.afrr_non_delivered_mwh,
    deviation_settlement: run.settlement.deviationSettlement,
    reserve_product_id: product === 'fcr' ? 'fcr_symmetric' : product === 'afrr' ? 'afrr_asymmetric' : null,
    reserve_gate_local: product ? `D-1 ${run.context.reserveGates[product]}` : null,
    ...reserveStatistics(run),
    reason_code_counts: reasonCodeCounts(reasons.site),
    asset_reason_code_counts: Object.fromEntries(run.context.assets.map((asset, a) => [asset.id, reasonCodeCounts(reasons.assets[a])])),
    energy_revenue_eur: totals.da_revenue_eur + totals.imbalance_revenue_eur,
    reserve_share_of_total_revenue: grossRevenue === 0 ? 0 : totals.reserve_capacity_revenue_eur / grossRevenue,
    idle_share: n === 0 ? 0 : idle / n,
    max_site_charge_mw: maxOf(siteCharge),
    max_site_discharge_mw: maxOf(siteDischarge),
    asset_contribution_ranking: ranking,
    forecast_error: forecastErrors(run),
    data_provenance: provenance,
    model: {
      profile: model.profile,
      ...model.switches,
      fcr_block_minutes: model.fcr_block_minutes,
      afrr_block_minutes: model.afrr_block_minutes,
    },
    solver: {
      name: 'highs',
      lp_solves: run.stats.lpSolves,
      milp_solves: run.stats.milpSolves,
      oracle_lp_solves: run.oracle.days === run.days ? 0 : run.oracle.stats.lpSolves,
      oracle_milp_solves: run.oracle.days === run.days ? 0 : run.oracle.stats.milpSolves,
      memo_solves: run.stats.memoSolves,
      oracle_memo_solves: run.oracle.days === run.days ? 0 : run.oracle.stats.memoSolves,
      mip_rel_gap: model.solver.mip_rel_gap,
      time_limit_seconds: model.solver.time_limit_seconds,
    },
    assumptions: [...assumptions, ...settlementAssumptions(run)],
    timings: {
      load_ms: Math.round(run.timings.loadMs),
      walk_forward_ms: Math.round(run.timings.walkForwardMs),
      oracle_ms: Math.round(run.timings.oracleMs),
      settlement_ms: Math.round(run.timings.settlementMs),
      solver_ms: Math.round(run.timings.solverMs),
      total_ms: Math.round(run.timings.totalMs),
    },
  };
}

export type RunSummary = ReturnType<typeof buildSummary>;
