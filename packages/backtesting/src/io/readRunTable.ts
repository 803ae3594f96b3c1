import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@euroflex/config';
import { parseCsvText } from '@euroflex/markets';

/** A table read back from a run directory's CSV: named columns of text. */
export interface CsvColumns {
  readonly file: string;
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, readonly string[]>>;
}

/** Read `<runDir>/<name>.csv`; a missing file is a user error naming it (or undefined when optional). */
export function readRunTable(runDir: string, name: string, optional = false): CsvColumns | undefined {
  const file = join(runDir, `${name}.csv`);
  if (!existsSync(file)) {
    if (optional) {
      return undefined;
    }
    throw new UserError(`${file} is missing: ${runDir} is not a complete run directory (run euroflex backtest again)`);
  }
  // Run tables are written without quotes, so this is the split fast path of parseCsvText
  // (csv-parse took ~50 ms for the three tables of a one-day reconcile).
  const table = parseCsvText(readFileSync(file, 'utf8'));
  const { header, rowCount } = table;
  const body = Array.from({ length: rowCount }, (_, r) => {
    const cells = table.cells(r);
    if (cells.length !== header.length) {
      throw new UserError(`${file} line ${table.line(r)} has ${cells.length} cells, the header ${header.length}: ${runDir} is not a complete run directory`);
    }
    return cells;
  });
  const columns: Record<string, string[]> = {};
  header.forEach((name, c) => {
    columns[name] = body.map((row) => row[c]);
  });
  return { file, rowCount, columns };
}

/** A numeric column (empty cells are NaN); a missing column is a user error naming the file. */
export function numbers(table: CsvColumns, name: string, rows?: readonly number[]): Float64Array {
  const text = table.columns[name];
  if (text === undefined) {
    throw new UserError(`${table.file} has no column ${name}`);
  }
  const pick = rows ?? text.map((_, i) => i);
  const out = new Float64Array(pick.length);
  pick.forEach((row, i) => {
    const cell = text[row];
    out[i] = cell === '' ? Number.NaN : Number(cell);
  });
  return out;
}

/** A numeric column if the table has it. */
export function optionalNumbers(table: CsvColumns, name: string, rows?: readonly number[]): Float64Array | undefined {
  return table.columns[name] === undefined ? undefined : numbers(table, name, rows);
}
