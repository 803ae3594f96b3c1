import type { Column, Table } from './table';

const NEEDS_QUOTES = /[",\n\r]/;

function quote(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text of every cell of a column; numbers that repeat (prices, zeros) are formatted once. */
function columnText(column: Column, start: number, end: number): string[] {
  const out = new Array<string>(end - start);
  switch (column.kind) {
    case 'string':
      for (let r = start; r < end; r += 1) {
        const value = column.values[r];
        out[r - start] = value === null ? '' : NEEDS_QUOTES.test(value) ? quote(value) : value;
      }
      return out;
    case 'boolean':
      for (let r = start; r < end; r += 1) {
        out[r - start] = column.values[r] ? 'true' : 'false';
      }
      return out;
    default: {
      let last = Number.NaN;
      let lastText = '';
      for (let r = start; r < end; r += 1) {
        const value = column.values[r];
        if (value === 0) {
          // -0 prints as 0 so that equal plans print equally.
          out[r - start] = '0';
        } else if (value !== value) {
          // NaN marks a missing number.
          out[r - start] = '';
        } else {
          if (value !== last) {
            last = value;
            lastText = String(value);
          }
          out[r - start] = lastText;
        }
      }
      return out;
    }
  }
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
