import { TEXT_COLUMNS } from './csvTable';
import { parseDecimal } from '../parseDecimal';

/** A numeric column beyond the value column, parsed for every data row (NaN where invalid). */
export interface ExtraColumn {
  readonly name: string;
  readonly index: number;
  readonly values: Float64Array;
}

/** Extra columns of a table: which to keep and which were dropped. */
export interface ExtraColumns {
  /** Numeric columns carried into `Series.columns` (required ones included). */
  readonly kept: ExtraColumn[];
  /** Optional numeric columns left out because some cells are blank. */
  readonly dropped: string[];
}

/** Parses the extra columns row by row, then classifies them (see `finish`). */
export interface ExtraColumnReader {
  /** Required columns, parsed so far; a row whose cell is NaN is an issue. */
  readonly required: readonly ExtraColumn[];
  /** Every extra column, required or not, in header order. */
  readonly all: readonly ExtraColumn[];
  read(r: number, cells: readonly string[]): void;
  /**
   * Record cell `r` of column `all[k]` from its trimmed text's `Number` (NaN when blank): what
   * `read` does per cell, for callers that parse the cells themselves.
   */
  set(r: number, k: number, value: number, blank: boolean): void;
  /**
   * Required columns are always kept. An optional column is kept when every cell is a
   * finite number, treated as text when any cell is not a number (`regulating_condition`),
   * and dropped when numeric with blanks: a half-empty column is not zero-filled.
   */
  finish(): ExtraColumns;
}

/** A reader for every non-canonical column of `header` (plus `required` ones). */
export function extraColumnReader(
  header: readonly string[],
  required: readonly string[],
  rowCount: number,
): ExtraColumnReader {
  const columns = header
    .map((name, index) => ({ name, index, isRequired: required.includes(name) }))
    .filter((column) => column.isRequired || !TEXT_COLUMNS.has(column.name))
    .map((column) => ({ ...column, values: new Float64Array(rowCount), blanks: 0, text: false }));
  const set = (r: number, k: number, value: number, blank: boolean): void => {
    const column = columns[k];
    column.values[r] = value;
    if (blank) {
      column.blanks += 1;
    } else if (!Number.isFinite(value)) {
      column.text = true;
    }
  };
  return {
    required: columns.filter((column) => column.isRequired),
    all: columns,
    read(r, cells) {
      for (let k = 0; k < columns.length; k += 1) {
        const cell = (cells[columns[k].index] ?? '').trim();
        set(r, k, parseDecimal(cell), cell === '');
      }
    },
    set,
    finish() {
      const kept: ExtraColumn[] = [];
      const dropped: string[] = [];
      for (const column of columns) {
        const entry = { name: column.name, index: column.index, values: column.values };
        if (column.isRequired || (!column.text && column.blanks === 0)) {
          kept.push(entry);
        } else if (!column.text && column.blanks < rowCount) {
          dropped.push(column.name);
        }
      }
      return { kept, dropped };
    },
  };
}
