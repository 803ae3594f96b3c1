import type { Column, Table } from './table';

const NEEDS_QUOTES = /[",\n\r]/;

function quote(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cellText(column: Column, row: number): string {
  switch (column.kind) {
    case 'string': {
      const value = column.values[row];
      return value === null ? '' : quote(value);
    }
    case 'boolean':
      return column.values[row] ? 'true' : 'false';
    default: {
      const value = column.values[row];
      // NaN marks a missing number; -0 prints as 0 so that equal plans print equally.
      return Number.isNaN(value) ? '' : String(value === 0 ? 0 : value);
    }
  }
}

/**
 * RFC 4180 CSV with a header row. Numbers use JavaScript's shortest round-trip form,
 * so the text is deterministic and re-reads to the same doubles.
 */
export function tableToCsv(table: Table): string {
  const lines = new Array<string>(table.rowCount + 1);
  lines[0] = table.columns.map((c) => quote(c.name)).join(',');
  const cells = new Array<string>(table.columns.length);
  for (let r = 0; r < table.rowCount; r += 1) {
    for (let c = 0; c < table.columns.length; c += 1) {
      cells[c] = cellText(table.columns[c], r);
    }
    lines[r + 1] = cells.join(',');
  }
  return `${lines.join('\n')}\n`;
}
