import { tableToCsv, writeParquet, type Table } from '@euroflex/backtesting';

const encoder = new TextEncoder();

function jsonCell(value: string | number | boolean | null): string {
  if (typeof value === 'number') {
    // NaN marks a missing number, as an empty CSV cell and a Parquet null do.
    return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  }
  return JSON.stringify(value);
}

/**
 * JSON form of a payload: `{"payload", "columns", "records"}` with one record per line, keys in
 * column order. Numbers use JavaScript's shortest round-trip form (as the CSV does), so the
 * bytes depend only on the values.
 */
export function payloadJson(table: Table): string {
  const keys = table.columns.map((column) => JSON.stringify(column.name));
  const lines: string[] = [];
  for (let r = 0; r < table.rowCount; r += 1) {
    const cells = table.columns.map((column, c) => `${keys[c]}:${jsonCell(column.values[r] as string | number | boolean | null)}`);
    lines.push(`{${cells.join(',')}}`);
  }
  const head = `{"payload":${JSON.stringify(table.name)},"columns":[${keys.join(',')}],"records":[`;
  return lines.length === 0 ? `${head}]}\n` : `${head}\n${lines.join(',\n')}\n]}\n`;
}

/** One written file of an export: its name in the export folder and its bytes. */
export interface ExportFile {
  readonly path: string;
  readonly payload: string;
  readonly format: 'csv' | 'json' | 'parquet';
  readonly rows: number;
  readonly bytes: Uint8Array;
}

/** The three files of a payload, in write order: CSV, JSON, Parquet (the same columns in each). */
export function payloadFiles(table: Table): ExportFile[] {
  const base = { payload: table.name, rows: table.rowCount };
  return [
    { ...base, path: `${table.name}.csv`, format: 'csv', bytes: encoder.encode(tableToCsv(table)) },
    { ...base, path: `${table.name}.json`, format: 'json', bytes: encoder.encode(payloadJson(table)) },
    { ...base, path: `${table.name}.parquet`, format: 'parquet', bytes: writeParquet(table) },
  ];
}
