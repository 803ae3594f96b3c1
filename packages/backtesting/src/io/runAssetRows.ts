import { DataError, type LabIssue } from '@euroflex/config';
import { RUN_DAMAGED, type RunTable } from './readRunCsv';

const damaged = 'the run directory is damaged; write the run again (euroflex backtest)';

/**
 * The rows of each asset (in `assetIds` order) of a run table with one row per asset and
 * interval (`asset_dispatch`, `baseline_schedule`), in file order, after checking them against
 * the run's intervals (`siteUtc`, the `timestamp_utc` of `site_dispatch`): every asset has one
 * row per interval, at the same instants in the same order. Anything else (a deleted, added or
 * moved row) is a DataError naming the file, the line and the fix.
 */
export function runAssetRows(table: RunTable, assetIds: readonly string[], siteUtc: readonly string[]): number[][] {
  const n = siteUtc.length;
  const ids = table.text('asset_id');
  const utc = table.text('timestamp_utc');
  const rows = assetIds.map((): number[] => []);
  const index = new Map(assetIds.map((id, a) => [id, a]));
  ids.forEach((id, row) => rows[index.get(id) ?? -1]?.push(row));
  const issues: LabIssue[] = [];
  if (table.rowCount !== n * assetIds.length) {
    const message = `${table.name} has ${table.rowCount} rows, expected ${n} intervals x ${assetIds.length} assets: ${damaged}`;
    issues.push({ path: '', code: 'inconsistent_tables', message, file: table.file });
  }
  assetIds.forEach((id, a) => {
    const t = rows[a].findIndex((row, k) => utc[row] !== siteUtc[k]);
    if (t >= 0) {
      const row = rows[a][t];
      const message = `asset ${id} is at ${utc[row]}, expected ${siteUtc[t]} (one row per interval of site_dispatch, in order): ${damaged}`;
      issues.push({ path: 'timestamp_utc', code: 'inconsistent_tables', message, file: table.file, row: row + 2 });
    } else if (rows[a].length !== n) {
      const message = `asset ${id} has ${rows[a].length} rows, site_dispatch ${n} intervals: ${damaged}`;
      issues.push({ path: 'asset_id', code: 'inconsistent_tables', message, file: table.file });
    }
  });
  if (issues.length > 0) {
    throw new DataError(issues, table.file);
  }
  return rows;
}

/**
 * A numeric column at `rows` (all rows when omitted) where every cell must hold a number: an
 * empty cell, like a cell that is not a number (RunTable.numbers), is a DataError naming the
 * file, the line and the column.
 */
export function requiredNumbers(table: RunTable, column: string, rows?: readonly number[]): Float64Array {
  const out = numbersAt(table, column, rows);
  const issues: LabIssue[] = [];
  out.forEach((value, i) => {
    if (Number.isNaN(value) && issues.length < 20) {
      const row = (rows?.[i] ?? i) + 2;
      issues.push({ path: column, code: 'empty_cell', message: `empty, expected a number: ${RUN_DAMAGED}`, file: table.file, row });
    }
  });
  if (issues.length > 0) {
    throw new DataError(issues, table.file);
  }
  return out;
}

/** A numeric column at `rows` (all rows when omitted); empty cells are NaN. */
function numbersAt(table: RunTable, column: string, rows?: readonly number[]): Float64Array {
  const all = table.numbers(column);
  return rows === undefined ? all : Float64Array.from(rows, (row) => all[row]);
}

/** A numeric column at `rows` if the table has it (empty cells are NaN), else undefined. */
export function optionalNumbers(table: RunTable, column: string, rows?: readonly number[]): Float64Array | undefined {
  return table.has(column) ? numbersAt(table, column, rows) : undefined;
}
