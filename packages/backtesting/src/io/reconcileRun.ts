import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { marketTimezone, resolveModel, UserError, type SeriesName } from '@euroflex/config';
import { marketAdapter, readSeriesFile, valuesAt } from '@euroflex/markets';
import { reconcile, type Reconciliation, type ReconciliationInput } from '../engine/reconciliation';
import { reconciliationSummary } from '../engine/reconciliationSummary';
import { reconciliationTable } from '../tables/revisionTables';
import type { BacktestRun } from '../engine/backtestRun';
import { readJsonObject } from './readJsonObject';
import type { RunTable } from './readRunCsv';
import { readConfig, readTable, realizedFiles, reconcileFolder } from './reconcileRunFiles';
import { writeFolderAtomically } from './replaceFolder';
import { optionalNumbers, requiredNumbers, runAssetRows } from './runAssetRows';
import { writeTable } from './writeTable';

export interface ReconcileRunOptions {
  readonly runDir: string;
  /** Other realized inputs: a directory of canonical `<series>.csv` files, or a config (its `revision.realized_inputs`, else its `data`). */
  readonly realized?: string;
  /** Where to write; default `<runDir>/reconciliation/`. */
  readonly outDir?: string;
}

export interface ReconcileRunOutcome {
  readonly summary: ReturnType<typeof reconciliationSummary> & { readonly source_run_dir: string };
  readonly reconciliation: Reconciliation;
  readonly outDir: string;
}

const DT_H = 0.25;

/**
 * Reconcile a run from its directory alone (spec/engine.md, Reconciliation): the same inputs
 * as the inline reconciliation, read from the tables, so that on the same data the numbers
 * agree exactly; with other realized inputs, the realized money is re-settled on the
 * recorded executed schedule at the new prices. New aFRR activation ratios would change the
 * realized SoC, which needs the engine: they are refused.
 */
export function reconcileRunDirectory(options: ReconcileRunOptions): ReconcileRunOutcome {
  const runDir = resolve(options.runDir);
  if (!existsSync(join(runDir, 'summary.json'))) {
    throw new UserError(`${runDir} is not a run directory (no summary.json)`);
  }
  const config = readConfig(runDir);
  const model = resolveModel(config);
  const runSummary = readJsonObject(join(runDir, 'summary.json')) as {
    deviation_settlement?: string;
    data_provenance?: Record<string, { path?: string } | undefined>;
  };
  const site = readTable(runDir, 'site_dispatch') as RunTable;
  const assetTable = readTable(runDir, 'asset_dispatch') as RunTable;
  const baselineTable = readTable(runDir, 'baseline_schedule', true);
  const assetIds = config.assets.map((asset) => asset.id);
  const siteUtc = site.text('timestamp_utc');
  const assetRows = runAssetRows(assetTable, assetIds, siteUtc);
  const baselineRows = baselineTable ? runAssetRows(baselineTable, assetIds, siteUtc) : undefined;
  const sigma = model.switches.afrr_down_activation === 'bsp_pays' ? -1 : 1;
  const timezone = marketTimezone(config.market.id);
  const adapter = marketAdapter(config.market.id);
  const instants = Float64Array.from(siteUtc, (text) => Date.parse(text));

  // Realized inputs: the run's own, or re-settled at other prices.
  const realizedInputs: Record<string, string> = {};
  const replaced: Partial<Record<SeriesName, { values: Float64Array; extra: Record<string, Float64Array> }>> = {};
  if (options.realized) {
    for (const [name, file] of Object.entries(realizedFiles(options.realized)) as [SeriesName, string][]) {
      const read = readSeriesFile(file, { name, timezone });
      const values = read.series ? valuesAt(read.series, instants) : undefined;
      if (read.series === undefined || values === undefined) {
        throw new UserError(`${file} does not cover the run's ${instants.length} intervals`, read.issues, file);
      }
      const extra: Record<string, Float64Array> = {};
      for (const column of Object.keys(read.series.columns)) {
        const v = valuesAt(read.series, instants, column);
        if (v) {
          extra[column] = v;
        }
      }
      replaced[name] = { values, extra };
      realizedInputs[name] = file;
    }
  }
  // Series not replaced come from the run's own data files, as the inline reconciliation says.
  for (const [name, provenance] of Object.entries(runSummary.data_provenance ?? {})) {
    realizedInputs[name] ??= provenance?.path ?? 'run';
  }
  const actual = (name: SeriesName, column: string): Float64Array | undefined => replaced[name]?.values ?? optionalNumbers(site, column);
  for (const ratio of ['afrr_activation_ratio_up', 'afrr_activation_ratio_down'] as const) {
    const recorded = optionalNumbers(site, `${ratio}_actual_frac`);
    const other = replaced[ratio]?.values;
    if (other && recorded && other.some((value, i) => value !== recorded[i])) {
      throw new UserError(
        `${realizedInputs[ratio]}: other actual ${ratio} values change the realized SoC of the aFRR replay, which needs the engine: rerun euroflex backtest with these data`,
      );
    }
  }

  const dayAheadActual = actual('day_ahead', 'day_ahead_actual_price_eur_per_mwh');
  const imbalanceActual = actual('imbalance', 'imbalance_actual_price_eur_per_mwh');
  const columns = adapter.imbalanceColumns;
  const surplus = replaced.imbalance?.extra[columns?.surplus ?? ''] ?? optionalNumbers(site, 'imbalance_actual_surplus_price_eur_per_mwh');
  const shortage = replaced.imbalance?.extra[columns?.shortage ?? ''] ?? optionalNumbers(site, 'imbalance_actual_shortage_price_eur_per_mwh');
  const siteDeviation = (() => {
    const net = requiredNumbers(site, 'net_export_mw');
    const nomination = requiredNumbers(site, 'nomination_mw');
    return net.map((value, i) => value - nomination[i]);
  })();
  const fcrActual = actual('fcr_capacity', 'fcr_capacity_actual_price_eur_per_mw_per_h');
  const capUpActual = actual('afrr_capacity_up', 'afrr_capacity_up_actual_price_eur_per_mw_per_h');
  const capDownActual = actual('afrr_capacity_down', 'afrr_capacity_down_actual_price_eur_per_mw_per_h');
  const actUpActual = actual('afrr_activation_price_up', 'afrr_activation_price_up_actual_eur_per_mwh');
  const actDownActual = actual('afrr_activation_price_down', 'afrr_activation_price_down_actual_eur_per_mwh');

  const input: ReconciliationInput = {
    assets: config.assets.map((asset, a) => {
      const rows = assetRows[a];
      const col = (name: string) => requiredNumbers(assetTable, name, rows);
      const up = optionalNumbers(assetTable, 'afrr_up_reserved_mw', rows);
      const down = optionalNumbers(assetTable, 'afrr_down_reserved_mw', rows);
      let realized = col('realized_pnl_eur');
      let imbalance = col('imbalance_revenue_eur');
      let activation = col('reserve_activation_revenue_eur');
      if (options.realized && Object.keys(replaced).length > 0) {
        // Re-settle the realized money of the recorded executed schedule at the new prices.
        const nomination = col('nomination_mw');
        const net = col('net_export_mw');
        const fcr = optionalNumbers(assetTable, 'fcr_reserved_mw', rows);
        const upActivated = optionalNumbers(assetTable, 'afrr_up_activated_mwh', rows);
        const downActivated = optionalNumbers(assetTable, 'afrr_down_activated_mwh', rows);
        const penalty = col('reserve_penalty_eur');
        const degradation = col('degradation_cost_eur');
        const proxy = imbalanceActual === undefined;
        realized = new Float64Array(rows.length);
        imbalance = new Float64Array(rows.length);
        activation = new Float64Array(rows.length);
        for (let t = 0; t < rows.length; t += 1) {
          const da = nomination[t] * DT_H * (dayAheadActual as Float64Array)[t];
          const price = proxy
            ? (dayAheadActual as Float64Array)[t]
            : surplus && shortage
              ? siteDeviation[t] >= 0
                ? surplus[t]
                : shortage[t]
              : (imbalanceActual as Float64Array)[t];
          imbalance[t] = (net[t] - nomination[t]) * DT_H * price;
          const capacity =
            (fcr && fcrActual ? fcr[t] * DT_H * fcrActual[t] : 0) +
            (up && down && capUpActual && capDownActual ? DT_H * (up[t] * capUpActual[t] + down[t] * capDownActual[t]) : 0);
          activation[t] = upActivated && downActivated && actUpActual && actDownActual ? upActivated[t] * actUpActual[t] + sigma * downActivated[t] * actDownActual[t] : 0;
          realized[t] = da + imbalance[t] + capacity + activation[t] - penalty[t] - degradation[t];
        }
      }
      return {
        id: asset.id,
        baselineExpectedPnlEur: baselineTable && baselineRows ? requiredNumbers(baselineTable, 'expected_pnl_eur', baselineRows[a]) : col('expected_pnl_eur'),
        expectedPnlEur: col('expected_pnl_eur'),
        realizedPnlEur: realized,
        imbalanceRevenueEur: imbalance,
        expectedImbalanceRevenueEur: col('expected_imbalance_revenue_eur'),
        reserveActivationRevenueEur: activation,
        reservePenaltyEur: col('reserve_penalty_eur'),
        expectedReservePenaltyEur: col('expected_reserve_penalty_eur'),
        degradationCostEur: col('degradation_cost_eur'),
        expectedDegradationCostEur: col('expected_degradation_cost_eur'),
        ...(up ? { afrrUpMw: up } : {}),
        ...(down ? { afrrDownMw: down } : {}),
      };
    }),
    ...(site.has('afrr_activation_ratio_up_forecast_frac')
      ? {
          activation: {
            ratioUpForecast: requiredNumbers(site, 'afrr_activation_ratio_up_forecast_frac'),
            ratioUpActual: requiredNumbers(site, 'afrr_activation_ratio_up_actual_frac'),
            ratioDownForecast: requiredNumbers(site, 'afrr_activation_ratio_down_forecast_frac'),
            ratioDownActual: requiredNumbers(site, 'afrr_activation_ratio_down_actual_frac'),
            priceUpActual: actUpActual as Float64Array,
            priceDownActual: actDownActual as Float64Array,
          },
        }
      : {}),
    downActivationSign: sigma,
  };
  const reconciliation = reconcile(input);
  const deviationSettlement = runSummary.deviation_settlement ?? 'day_ahead_proxy';
  const summary = {
    ...reconciliationSummary(reconciliation, {
      config,
      assetIds,
      deviationSettlement,
      realizedInputs,
    }),
    source_run_dir: runDir,
  };
  const outDir = resolve(options.outDir ?? join(runDir, 'reconciliation'));
  writeFolderAtomically(outDir, reconcileFolder(options.outDir === undefined), (tmp) => {
    const table = reconciliationTable({
      reconciliation,
      context: { timezone, assets: config.assets.map((asset) => ({ id: asset.id })) },
      settlement: { instantsMs: instants },
    } as unknown as BacktestRun);
    writeTable(tmp, table);
    writeFileSync(join(tmp, 'reconciliation_summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  });
  return { summary, reconciliation, outDir };
}
