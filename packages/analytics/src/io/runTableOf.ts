import { DataError, type LabIssue } from '@euroflex/config';
import { cellText, missingColumn, RUN_CSV_MAX_ISSUES, RUN_DAMAGED, type Column, type RunTable, type Table } from '@euroflex/backtesting';

/**
 * A table the run has just written, as the RunTable that reading its CSV back would give
 * (`file` is that CSV): the same column names, the same cell text, the same numbers. The CSV
 * writer prints numbers in JavaScript's shortest round-trip form, -0 as 0 and NaN as an
 * empty cell, so the numbers need no parsing. Used to report on a run without reading back
 * the files it wrote a moment before. Pure.
 */
export function runTableOf(table: Table, file: string): RunTable {
  const byName = new Map<string, Column>();
  for (const column of table.columns) {
    byName.set(column.name, column);
  }
  const textCache = new Map<string, readonly string[]>();
  const numberCache = new Map<string, Float64Array>();
  const columnOf = (name: string): Column => {
    const column = byName.get(name);
    if (column === undefined) {
      throw missingColumn(table.name, name, file);
    }
    return column;
  };
  const text = (name: string): readonly string[] => {
    const cached = textCache.get(name);
    if (cached) {
      return cached;
    }
    const out = cellTexts(columnOf(name), table.rowCount);
    textCache.set(name, out);
    return out;
  };
  return {
    name: table.name,
    file,
    rowCount: table.rowCount,
    columns: table.columns.map((column) => column.name),
    has: (name) => byName.has(name),
    text,
    numbers(name) {
      const cached = numberCache.get(name);
      if (cached) {
        return cached;
      }
      const column = columnOf(name);
      const out = column.kind === 'float64' || column.kind === 'int32' ? numbersOf(column.values) : parsedNumbers(name, text(name), file);
      numberCache.set(name, out);
      return out;
    },
  };
}

/** A numeric column's values as the CSV re-reads them: -0 prints as 0, so it reads back as 0. */
function numbersOf(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  for (let r = 0; r < values.length; r += 1) {
    const value = values[r];
    out[r] = value === 0 ? 0 : value;
  }
  return out;
}

/** The text of each cell as its CSV re-reads (`cellText`; a coded column's labels as they are, '' for no label). */
function cellTexts(column: Column, rowCount: number): string[] {
  const out = new Array<string>(rowCount);
  if (column.kind === 'string' && column.coded !== undefined) {
    const { labels, codes } = column.coded;
    for (let r = 0; r < rowCount; r += 1) {
      const code = codes[r];
      out[r] = code < 0 ? '' : labels[code];
    }
    return out;
  }
  for (let r = 0; r < rowCount; r += 1) {
    out[r] = cellText(column, r);
  }
  return out;
}

/** A text column's numbers, as the CSV reader converts them (`Number(text)`, NaN for ''). */
function parsedNumbers(name: string, texts: readonly string[], file: string): Float64Array {
  const out = new Float64Array(texts.length);
  const issues: LabIssue[] = [];
  texts.forEach((cell, r) => {
    out[r] = cell === '' ? Number.NaN : Number(cell);
    if (cell !== '' && Number.isNaN(out[r]) && issues.length < RUN_CSV_MAX_ISSUES) {
      issues.push({ path: name, code: 'not_a_number', message: `"${cell}" is not a number: ${RUN_DAMAGED}`, file, row: r + 2 });
    }
  });
  if (issues.length > 0) {
    throw new DataError(issues, file);
  }
  return out;
}
