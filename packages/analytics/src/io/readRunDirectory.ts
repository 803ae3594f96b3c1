import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DataError, parseYamlOnce, UserError, type LabIssue } from '@euroflex/config';
import { readJsonObject, readRunCsv, RUN_DAMAGED, type RunSummary, type RunTable } from '@euroflex/backtesting';
import { assetBandsOf, type RunAssetBand } from './readRunAssets';

/** Tables a run directory may hold (`docs/artifacts.md`); revision runs add the last four. */
export const RUN_TABLE_NAMES = [
  'site_dispatch',
  'asset_dispatch',
  'asset_pnl_attribution',
  'settlement_breakdown',
  'decision_log',
  'forecast_snapshots',
  'baseline_schedule',
  'revision_schedule',
  'schedule_lineage',
  'reconciliation_breakdown',
] as const;
export type RunTableName = (typeof RUN_TABLE_NAMES)[number];

/**
 * `summary.json` as written by `@euroflex/backtesting` (its `RunSummary`), plus whatever
 * later versions add (reason-code counts, reconciliation, ...).
 */
export type RunSummaryFile = RunSummary & Readonly<Record<string, unknown>>;

/**
 * A run directory opened for reading. Only `summary.json` is read at once; tables are
 * read from their CSV on first use and kept.
 */
export interface RunDirectory {
  /** Absolute path of the run directory. */
  readonly dir: string;
  /** `summary.run_id`. */
  readonly runId: string;
  readonly summary: RunSummaryFile;
  /** `config_snapshot.yaml` parsed (the resolved config), or undefined when absent. */
  readonly configSnapshot: Readonly<Record<string, unknown>> | undefined;
  /**
   * Assets in config order with their effective SoC band (after headroom) from the config
   * snapshot. Throws a DataError when the snapshot is missing or lacks a battery field.
   */
  readonly assets: readonly RunAssetBand[];
  /** Tables present (a `<name>.csv` exists), in `RUN_TABLE_NAMES` order, then any others sorted. */
  readonly tableNames: readonly string[];
  /** Series under `normalized_inputs/`, sorted. */
  readonly inputNames: readonly string[];
  /**
   * `reconciliation_summary.json`: the backtest's own (schedule_revision and imbalance
   * runs), else the one `euroflex reconcile RUN_DIR` wrote into `reconciliation/`, else undefined.
   */
  readonly reconciliationSummary: Readonly<Record<string, unknown>> | undefined;
  /** Where `reconciliationSummary` came from: `inline` (the backtest) or `reconcile` (`reconciliation/`). */
  readonly reconciliationSource: 'inline' | 'reconcile' | undefined;
  hasTable(name: string): boolean;
  /** The table; a DataError naming the run directory when it is absent. */
  table(name: string): RunTable;
  /** The table, or undefined when the run did not write it. */
  optionalTable(name: string): RunTable | undefined;
  /** A normalized input series (`normalized_inputs/<series>.csv`). */
  inputTable(series: string): RunTable;
}

const REQUIRED_STRINGS = ['run_id', 'market_id', 'workflow', 'run_scope'] as const;
const REQUIRED_NUMBERS = ['total_pnl_eur', 'expected_total_pnl_eur'] as const;

function checkSummary(summary: Record<string, unknown>, file: string): void {
  const issues: LabIssue[] = [];
  for (const key of REQUIRED_STRINGS) {
    if (typeof summary[key] !== 'string') {
      issues.push({ path: key, code: 'missing_field', message: `expected a string ${key}; the file is damaged or not a euroflex summary`, file });
    }
  }
  for (const key of REQUIRED_NUMBERS) {
    if (typeof summary[key] !== 'number') {
      issues.push({ path: key, code: 'missing_field', message: `expected a number ${key}; the file is damaged or not a euroflex summary`, file });
    }
  }
  if (issues.length > 0) {
    throw new DataError(issues, file);
  }
}

function csvNames(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => name.slice(0, -4))
    .sort();
}

function orderTables(names: readonly string[]): string[] {
  const known = RUN_TABLE_NAMES.filter((name) => names.includes(name));
  const others = names.filter((name) => !(RUN_TABLE_NAMES as readonly string[]).includes(name));
  return [...known, ...others];
}

export interface ReadRunOptions {
  /**
   * Tables already in memory, by name, each exactly what reading its CSV would give (the
   * tables a run has just written, through `runTableOf`); only tables whose CSV exists are used.
   */
  readonly tables?: ReadonlyMap<string, RunTable>;
}

/**
 * Open a run directory (`<root>/<run id>/`, docs/artifacts.md). Fails with a UserError
 * when the path is not a finished run (no `summary.json`; a `.tmp-*` folder is a run
 * that never completed) and with a DataError when `summary.json` lacks its identity.
 */
export function readRunDirectory(path: string, options: ReadRunOptions = {}): RunDirectory {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`${dir} is not a directory: pass a run directory (<artifacts root>/<run id>)`);
  }
  const summaryFile = join(dir, 'summary.json');
  if (!existsSync(summaryFile)) {
    const hint = basename(dir).startsWith('.tmp-') ? ' (a .tmp-* folder is a run that never completed)' : '';
    throw new UserError(`${dir} is not a finished run directory: it has no summary.json${hint}`);
  }
  const summary = readJsonObject(summaryFile);
  checkSummary(summary, summaryFile);
  const snapshotFile = join(dir, 'config_snapshot.yaml');
  const configSnapshot = existsSync(snapshotFile) ? (parseYamlOnce(readFileSync(snapshotFile, 'utf8'), { file: snapshotFile, fix: RUN_DAMAGED }) as Record<string, unknown>) : undefined;
  const inlineReconciliation = join(dir, 'reconciliation_summary.json');
  const reconcileOutput = join(dir, 'reconciliation', 'reconciliation_summary.json');
  const reconciliationSource = existsSync(inlineReconciliation) ? 'inline' : existsSync(reconcileOutput) ? 'reconcile' : undefined;
  const reconciliationSummary = reconciliationSource === undefined ? undefined : readJsonObject(reconciliationSource === 'inline' ? inlineReconciliation : reconcileOutput);
  const tableNames = orderTables(csvNames(dir));
  const inputNames = csvNames(join(dir, 'normalized_inputs'));
  const tables = new Map<string, RunTable>();
  let assets: readonly RunAssetBand[] | undefined;
  const optionalTable = (name: string): RunTable | undefined => {
    const cached = tables.get(name);
    if (cached) {
      return cached;
    }
    if (!tableNames.includes(name)) {
      return undefined;
    }
    const table = options.tables?.get(name) ?? readRunCsv(join(dir, `${name}.csv`), name);
    tables.set(name, table);
    return table;
  };
  return {
    dir,
    runId: summary.run_id as string,
    summary: summary as RunSummaryFile,
    configSnapshot,
    get assets() {
      assets ??= assetBandsOf(configSnapshot, snapshotFile);
      return assets;
    },
    tableNames,
    inputNames,
    reconciliationSummary,
    reconciliationSource,
    hasTable: (name) => tableNames.includes(name),
    optionalTable,
    table(name) {
      const table = optionalTable(name);
      if (table === undefined) {
        const file = join(dir, `${name}.csv`);
        throw new DataError([{ path: '', code: 'missing_table', message: `the run directory has no ${name}.csv`, file }], file);
      }
      return table;
    },
    inputTable(series) {
      const key = `normalized_inputs/${series}`;
      const cached = tables.get(key);
      if (cached) {
        return cached;
      }
      const table = readRunCsv(join(dir, 'normalized_inputs', `${series}.csv`), series);
      tables.set(key, table);
      return table;
    },
  };
}
