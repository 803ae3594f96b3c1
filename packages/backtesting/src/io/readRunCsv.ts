import { readFileSync } from 'node:fs';
import { DataError, type LabIssue } from '@euroflex/config';
import { cellNumber, cellText, RUN_DAMAGED, tokenizeCsv } from './readRunCsvCells';

export { RUN_DAMAGED };

/**
 * One table of a run directory read back from its CSV (`docs/artifacts.md`): the header
 * row names the columns, an empty cell is a missing value. Cells are converted only
 * when a column is asked for, and each column only once.
 */
export interface RunTable {
  /** Table name, e.g. `site_dispatch`. */
  readonly name: string;
  /** Absolute path of the CSV file. */
  readonly file: string;
  /** Data rows (the header excluded). */
  readonly rowCount: number;
  /** Column names in file order. */
  readonly columns: readonly string[];
  /** True when the table has this column. */
  has(column: string): boolean;
  /** Text of every cell of a column (`''` = missing). Throws a DataError if the column is absent. */
  text(column: string): readonly string[];
  /**
   * Numbers of a column, NaN where the cell is empty. A cell that is not a number is a
   * DataError naming the file, line and column. Throws if the column is absent.
   */
  numbers(column: string): Float64Array;
}

/** At most this many bad cells are listed per column. */
export const RUN_CSV_MAX_ISSUES = 20;

/** The error of a column a run table lacks. */
export function missingColumn(table: string, column: string, file: string): DataError {
  return new DataError(
    [{ path: column, code: 'missing_column', message: `table ${table} has no column ${column}: the run was written by another version, or the file is damaged`, file }],
    file,
  );
}

/** A RunTable over CSV content, text or the file's bytes (pure: the caller supplies them). */
export function parseRunCsv(content: string | Buffer, name: string, file: string): RunTable {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const cells = tokenizeCsv(bytes, file);
  const { header, rowCount } = cells;
  const index = new Map<string, number>();
  header.forEach((column, k) => {
    if (!index.has(column)) {
      index.set(column, k);
    }
  });
  const textCache = new Map<string, readonly string[]>();
  const numberCache = new Map<string, Float64Array>();
  const columnIndex = (column: string): number => {
    const k = index.get(column);
    if (k === undefined) {
      throw missingColumn(name, column, file);
    }
    return k;
  };
  return {
    name,
    file,
    rowCount,
    columns: header,
    has: (column) => index.has(column),
    text(column) {
      const cached = textCache.get(column);
      if (cached) {
        return cached;
      }
      const { starts, ends, escaped } = cells.column(columnIndex(column));
      const out = new Array<string>(rowCount);
      for (let r = 0; r < rowCount; r += 1) {
        out[r] = cellText(bytes, starts[r], ends[r], escaped[r]);
      }
      textCache.set(column, out);
      return out;
    },
    numbers(column) {
      const cached = numberCache.get(column);
      if (cached) {
        return cached;
      }
      const { starts, ends, escaped } = cells.column(columnIndex(column));
      const out = new Float64Array(rowCount);
      const issues: LabIssue[] = [];
      for (let r = 0; r < rowCount; r += 1) {
        const start = starts[r];
        const end = ends[r];
        if (start === end) {
          out[r] = Number.NaN;
          continue;
        }
        const value = cellNumber(bytes, start, end);
        if (Number.isNaN(value) && issues.length < RUN_CSV_MAX_ISSUES) {
          issues.push({ path: column, code: 'not_a_number', message: `"${cellText(bytes, start, end, escaped[r])}" is not a number: ${RUN_DAMAGED}`, file, row: r + 2 });
        }
        out[r] = value;
      }
      if (issues.length > 0) {
        throw new DataError(issues, file);
      }
      numberCache.set(column, out);
      return out;
    },
  };
}

/** Read `<file>` (a run table's CSV) as a RunTable. */
export function readRunCsv(file: string, name: string): RunTable {
  return parseRunCsv(readFileSync(file), name, file);
}
