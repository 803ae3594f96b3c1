import type { Column, Table } from './table';

const NEEDS_QUOTES = /[",\n\r]/;

function quote(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A number as its CSV cell: JavaScript's shortest round-trip form, except -0, which prints as
 * 0 so that equal plans print equally, and NaN, a missing number, which prints as nothing.
 */
function numberText(value: number): string {
  return value === 0 ? '0' : value !== value ? '' : String(value);
}

/**
 * The text of cell `r` of a column as it reads back from the table's CSV (unquoted): '' for
 * null and NaN, `true`/`false`, numbers as `numberText`.
 */
export function cellText(column: Column, r: number): string {
  switch (column.kind) {
    case 'string':
      return column.values[r] ?? '';
    case 'boolean':
      return column.values[r] ? 'true' : 'false';
    default:
      return numberText(column.values[r]);
  }
}

/** Text of every cell of a column; numbers that repeat (prices, zeros) are formatted once. */
function columnText(column: Column, start: number, end: number): string[] {
  const out = new Array<string>(end - start);
  if (column.kind === 'float64' || column.kind === 'int32') {
    let last = Number.NaN;
    let lastText = '';
    for (let r = start; r < end; r += 1) {
      const value = column.values[r];
      // Object.is: a run of NaN keeps its empty cell, and -0 is told from 0 (both print 0).
      if (!Object.is(value, last)) {
        last = value;
        lastText = numberText(value);
      }
      out[r - start] = lastText;
    }
    return out;
  }
  for (let r = start; r < end; r += 1) {
    const text = cellText(column, r);
    out[r - start] = column.kind === 'string' ? quote(text) : text;
  }
  return out;
}

const CHUNK_ROWS = 8192;

/**
 * RFC 4180 CSV with a header row, produced in chunks of rows (so a year-long table never
 * sits in memory as one string). Numbers use JavaScript's shortest round-trip form, so
 * the text is deterministic and re-reads to the same doubles.
 */
export function* csvChunks(table: Table): Generator<string> {
  const rowCount = table.rowCount;
  const width = table.columns.length;
  yield `${table.columns.map((c) => quote(c.name)).join(',')}\n`;
  const cells = new Array<string>(width);
  for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
    const end = Math.min(rowCount, start + CHUNK_ROWS);
    const texts = table.columns.map((column) => columnText(column, start, end));
    const lines = new Array<string>(end - start);
    for (let r = 0; r < end - start; r += 1) {
      for (let c = 0; c < width; c += 1) {
        cells[c] = texts[c][r];
      }
      lines[r] = cells.join(',');
    }
    yield `${lines.join('\n')}\n`;
  }
}

/** The whole CSV text of a table (see `csvChunks`). */
export function tableToCsv(table: Table): string {
  return [...csvChunks(table)].join('');
}
