import { DataError, type LabIssue } from '@euroflex/config';
import type { RunTable } from '@euroflex/backtesting';
import type { RunDirectory } from '../io/readRunDirectory';

/** One row of the decision log, keyed by decision id. */
export interface DecisionRow {
  readonly decisionId: string;
  readonly decisionType: string;
  readonly decisionTimeUtc: string;
  readonly deliveryDate: string;
  readonly scheduleVersion: string;
  readonly solverStatus: string;
}

/** A run opened for export: its dispatch tables checked against each other, its decisions indexed. */
export interface ExportContext {
  readonly run: RunDirectory;
  readonly site: RunTable;
  readonly assets: RunTable;
  /** Asset ids in config order (the order of `asset_dispatch`). */
  readonly assetIds: readonly string[];
  /** Intervals of the run (rows of `site_dispatch`). */
  readonly intervalCount: number;
  readonly decisions: ReadonlyMap<string, DecisionRow>;
  /** The first decision of each delivery date and decision type, keyed `<date>|<type>`. */
  readonly decisionsByDay: ReadonlyMap<string, DecisionRow>;
}

function decisionIndex(table: RunTable): Map<string, DecisionRow> {
  const index = new Map<string, DecisionRow>();
  const ids = table.text('decision_id');
  const types = table.text('decision_type');
  const times = table.text('decision_time_utc');
  const dates = table.text('delivery_date_local');
  const versions = table.text('schedule_version');
  const status = table.text('solver_status');
  for (let r = 0; r < table.rowCount; r += 1) {
    index.set(ids[r], {
      decisionId: ids[r],
      decisionType: types[r],
      decisionTimeUtc: times[r],
      deliveryDate: dates[r],
      scheduleVersion: versions[r],
      solverStatus: status[r],
    });
  }
  return index;
}

/**
 * Open the tables every export reads and check that they describe one run: `asset_dispatch`
 * holds each asset of `summary.asset_ids` in order, with the intervals of `site_dispatch`.
 */
export function exportContext(run: RunDirectory): ExportContext {
  const site = run.table('site_dispatch');
  const assets = run.table('asset_dispatch');
  const summaryIds = run.summary.asset_ids;
  const assetIds = Array.isArray(summaryIds) ? summaryIds.map(String) : [];
  const n = site.rowCount;
  const issues: LabIssue[] = [];
  if (assetIds.length === 0) {
    issues.push({ path: 'asset_ids', code: 'missing_field', message: 'summary.json lists no asset_ids', file: `${run.dir}/summary.json` });
  } else if (assets.rowCount !== n * assetIds.length) {
    issues.push({
      path: '',
      code: 'inconsistent_tables',
      message: `asset_dispatch has ${assets.rowCount} rows, expected ${n} intervals x ${assetIds.length} assets: the run directory is damaged`,
      file: assets.file,
    });
  } else {
    const ids = assets.text('asset_id');
    const assetUtc = assets.text('timestamp_utc');
    const siteUtc = site.text('timestamp_utc');
    assetIds.forEach((id, a) => {
      for (let t = 0; t < n; t += 1) {
        const row = a * n + t;
        if (ids[row] !== id || assetUtc[row] !== siteUtc[t]) {
          issues.push({
            path: 'asset_id',
            code: 'inconsistent_tables',
            message: `line ${row + 2} should be asset ${id} at ${siteUtc[t]} (assets in config order, then time, as site_dispatch): the run directory is damaged`,
            file: assets.file,
            row: row + 2,
          });
          return;
        }
      }
    });
  }
  if (issues.length > 0) {
    throw new DataError(issues, run.dir);
  }
  const decisions = decisionIndex(run.table('decision_log'));
  const decisionsByDay = new Map<string, DecisionRow>();
  for (const decision of decisions.values()) {
    const key = `${decision.deliveryDate}|${decision.decisionType}`;
    if (!decisionsByDay.has(key)) {
      decisionsByDay.set(key, decision);
    }
  }
  return { run, site, assets, assetIds, intervalCount: n, decisions, decisionsByDay };
}
