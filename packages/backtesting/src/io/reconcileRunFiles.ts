import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadRealizedInputs, parseConfig, parseYamlOnce, SERIES_NAMES, UserError, type EuroflexConfig, type SeriesName } from '@euroflex/config';
import { readJsonObject } from './readJsonObject';
import { readRunCsv, RUN_DAMAGED, type RunTable } from './readRunCsv';
import type { ReplaceableFolder } from './replaceFolder';

/** The files `euroflex reconcile` writes; a folder holding only these is an earlier output it may replace. */
export const RECONCILE_FILES: readonly string[] = ['reconciliation_breakdown.csv', 'reconciliation_breakdown.parquet', 'reconciliation_summary.json'];

/** The run's config_snapshot.yaml as a config; a damaged snapshot is a user error naming it and the fix. */
export function readConfig(runDir: string): EuroflexConfig {
  const file = join(runDir, 'config_snapshot.yaml');
  if (!existsSync(file)) {
    throw new UserError(`${file} is missing: ${runDir} is not a run directory`);
  }
  const parsed = parseConfig(parseYamlOnce(readFileSync(file, 'utf8'), { file, fix: RUN_DAMAGED }), { file });
  if (!parsed.ok) {
    throw new UserError(`${file} does not parse as a config: it is damaged or was written by another version; run euroflex backtest again`, parsed.issues, file);
  }
  return parsed.config;
}

/** Realized series files named by a directory (`<series>.csv`) or a config file. */
export function realizedFiles(path: string): Partial<Record<SeriesName, string>> {
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
    Object.assign(files, loadRealizedInputs(absolute).files);
  }
  if (Object.keys(files).length === 0) {
    throw new UserError(`${absolute} names no realized series (expected <series>.csv files or revision.realized_inputs / data entries): nothing to reconcile against`);
  }
  return files;
}

/** `<runDir>/<name>.csv` read and checked; a missing table is a user error naming it (or undefined when optional). */
export function readTable(runDir: string, name: string, optional = false): RunTable | undefined {
  const file = join(runDir, `${name}.csv`);
  if (!existsSync(file)) {
    if (optional) {
      return undefined;
    }
    throw new UserError(`${file} is missing: ${runDir} is not a complete run directory (run euroflex backtest again)`);
  }
  return readRunCsv(file, name);
}

/** What may stand where reconcile writes: an earlier reconcile output, recognised by its files. */
export function reconcileFolder(defaulted: boolean): ReplaceableFolder {
  return {
    what: 'reconcile output',
    flag: '--out',
    ...(defaulted ? { defaulted: 'the default RUN_DIR/reconciliation' } : {}),
    earlierOutput: 'one holds only reconciliation_breakdown.csv/.parquet and a reconciliation_summary.json with source_run_dir',
    isEarlierOutput(dir, entries) {
      if (!entries.includes('reconciliation_summary.json') || entries.some((entry) => !RECONCILE_FILES.includes(entry))) {
        return false;
      }
      try {
        return typeof readJsonObject(join(dir, 'reconciliation_summary.json')).source_run_dir === 'string';
      } catch {
        return false;
      }
    },
  };
}
