import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { marketTimezone, parseConfig, parseYamlOnce, resolveModel, SERIES_NAMES, UserError, type EuroflexConfig, type SeriesName } from '@euroflex/config';
import { marketAdapter, readSeriesFile, valuesAt } from '@euroflex/markets';
import { reconcile, type Reconciliation, type ReconciliationInput } from '../engine/reconciliation';
import { reconciliationSummary } from '../engine/reconciliationSummary';
import { reconciliationTable } from '../tables/revisionTables';
import type { BacktestRun } from '../engine/backtestRun';
import { numbers, optionalNumbers, readRunTable, type CsvColumns } from './readRunTable';
import { makeDirectory } from './outputDirectory';
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

function readConfig(runDir: string): EuroflexConfig {
  const file = join(runDir, 'config_snapshot.yaml');
  if (!existsSync(file)) {
    throw new UserError(`${file} is missing: ${runDir} is not a run directory`);
  }
  const parsed = parseConfig(parseYamlOnce(readFileSync(file, 'utf8')), { file });
  if (!parsed.ok) {
    throw new UserError(`${file} does not parse as a config`, parsed.issues, file);
  }
  return parsed.config;
}

/** Realized series files named by a directory (`<series>.csv`) or a config file. */
function realizedFiles(path: string): Partial<Record<SeriesName, string>> {
  const absolute = resolve(path);
  if (!existsSync(absolute)) {
    throw new UserError(`${absolute} does not exist: pass a directory of canonical series or a config file`);
  }
  const files: Partial<Record<SeriesName, string>> = {};
  if (statSync(absolute).isDirectory()) {
    for (const name of SERIES_NAMES) {
      const file = join(absolute, `${name}.csv`);
      if (existsSync(file)) {
        files[name] = file;
      }
    }
  } else {
    const document = parse(readFileSync(absolute, 'utf8')) as Record<string, unknown> | null;
    if (document === null || typeof document !== 'object') {
      throw new UserError(`${absolute} must be a YAML or JSON mapping with revision.realized_inputs or data`);
    }
    const revision = document.revision as Record<string, unknown> | undefined;
    const block = (revision?.realized_inputs ?? document.data) as Record<string, { actual_path?: string }> | undefined;
    for (const name of SERIES_NAMES) {
      const entry = block?.[name];
      if (entry?.actual_path) {
        files[name] = resolve(dirname(absolute), entry.actual_path);
      }
    }
  }
  if (Object.keys(files).length === 0) {
    throw new UserError(`${absolute} names no realized series (expected <series>.csv files or revision.realized_inputs / data entries): nothing to reconcile against`);
  }
  return files;
}

/** The site columns of an asset-table row set. */
function rowsOf(assetTable: CsvColumns, assetId: string): number[] {
  const ids = assetTable.columns.asset_id ?? [];
  const rows: number[] = [];
  ids.forEach((id, row) => {
    if (id === assetId) {
      rows.push(row);
    }
  });
  return rows;
}

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
  const site = readRunTable(runDir, 'site_dispatch') as CsvColumns;
  const assetTable = readRunTable(runDir, 'asset_dispatch') as CsvColumns;
  const baselineTable = readRunTable(runDir, 'baseline_schedule', true);
  const sigma = model.switches.afrr_down_activation === 'bsp_pays' ? -1 : 1;
  const timezone = marketTimezone(config.market.id);
  const adapter = marketAdapter(config.market.id);
  const instants = Float64Array.from(site.columns.timestamp_utc ?? [], (text) => Date.parse(text));

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
  const runSummary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as {
    deviation_settlement?: string;
    data_provenance?: Record<string, { path?: string } | undefined>;
  };
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
    const net = numbers(site, 'net_export_mw');
    const nomination = numbers(site, 'nomination_mw');
    return net.map((value, i) => value - nomination[i]);
  })();
  const fcrActual = actual('fcr_capacity', 'fcr_capacity_actual_price_eur_per_mw_per_h');
  const capUpActual = actual('afrr_capacity_up', 'afrr_capacity_up_actual_price_eur_per_mw_per_h');
  const capDownActual = actual('afrr_capacity_down', 'afrr_capacity_down_actual_price_eur_per_mw_per_h');
  const actUpActual = actual('afrr_activation_price_up', 'afrr_activation_price_up_actual_eur_per_mwh');
  const actDownActual = actual('afrr_activation_price_down', 'afrr_activation_price_down_actual_eur_per_mwh');

  const input: ReconciliationInput = {
    assets: config.assets.map((asset) => {
      const rows = rowsOf(assetTable, asset.id);
      const col = (name: string) => numbers(assetTable, name, rows);
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
        baselineExpectedPnlEur: baselineTable ? numbers(baselineTable, 'expected_pnl_eur', rowsOf(baselineTable, asset.id)) : col('expected_pnl_eur'),
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
    ...(site.columns.afrr_activation_ratio_up_forecast_frac
      ? {
          activation: {
            ratioUpForecast: numbers(site, 'afrr_activation_ratio_up_forecast_frac'),
            ratioUpActual: numbers(site, 'afrr_activation_ratio_up_actual_frac'),
            ratioDownForecast: numbers(site, 'afrr_activation_ratio_down_forecast_frac'),
            ratioDownActual: numbers(site, 'afrr_activation_ratio_down_actual_frac'),
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
      assetIds: config.assets.map((asset) => asset.id),
      deviationSettlement,
      realizedInputs,
    }),
    source_run_dir: runDir,
  };
  const outDir = resolve(options.outDir ?? join(runDir, 'reconciliation'));
  const tmp = `${outDir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  makeDirectory(tmp);
  const table = reconciliationTable({
    reconciliation,
    context: { timezone, assets: config.assets.map((asset) => ({ id: asset.id })) },
    settlement: { instantsMs: instants },
  } as unknown as BacktestRun);
  writeTable(tmp, table);
  writeFileSync(join(tmp, 'reconciliation_summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return { summary, reconciliation, outDir };
}
