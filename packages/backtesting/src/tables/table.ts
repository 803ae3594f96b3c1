/**
 * Artifact tables are columnar: one typed column per field, all of the same length.
 * The same table is written as CSV and as Parquet with identical columns.
 */
export type Column =
  | { readonly name: string; readonly kind: 'string'; readonly values: readonly (string | null)[]; readonly coded?: LabelCodes }
  | { readonly name: string; readonly kind: 'float64'; readonly values: ArrayLike<number> }
  | { readonly name: string; readonly kind: 'int32'; readonly values: ArrayLike<number> }
  | { readonly name: string; readonly kind: 'boolean'; readonly values: readonly boolean[] };

/**
 * A string column's values as codes into a list of labels: `values[r]` is `labels[codes[r]]`,
 * null where the code is negative. Columns built from a run's time axis, days, decisions and
 * assets carry it, so that the writers encode each label once instead of once per row.
 * Labels need not be distinct.
 */
export interface LabelCodes {
  readonly labels: readonly string[];
  readonly codes: Int32Array;
}

export interface Table {
  readonly name: string;
  readonly rowCount: number;
  readonly columns: readonly Column[];
}

/** Build a table and check that every column has `rowCount` values and names are unique. */
export function makeTable(name: string, columns: readonly Column[]): Table {
  const rowCount = columns.length === 0 ? 0 : columns[0].values.length;
  const seen = new Set<string>();
  for (const column of columns) {
    if (column.values.length !== rowCount) {
      throw new RangeError(`table ${name}: column ${column.name} has ${column.values.length} rows, expected ${rowCount}`);
    }
    if (seen.has(column.name)) {
      throw new RangeError(`table ${name}: duplicate column ${column.name}`);
    }
    seen.add(column.name);
  }
  return { name, rowCount, columns };
}

export const str = (name: string, values: readonly (string | null)[]): Column => ({ name, kind: 'string', values });
export const num = (name: string, values: ArrayLike<number>): Column => ({ name, kind: 'float64', values });
export const int = (name: string, values: ArrayLike<number>): Column => ({ name, kind: 'int32', values });
export const bool = (name: string, values: readonly boolean[]): Column => ({ name, kind: 'boolean', values });

/** A string column given as codes into `labels` (see `LabelCodes`); throws on a code past the labels. */
export function coded(name: string, labels: readonly string[], codes: Int32Array): Column {
  const values = new Array<string | null>(codes.length);
  for (let r = 0; r < codes.length; r += 1) {
    const code = codes[r];
    if (code >= labels.length) {
      throw new RangeError(`column ${name} row ${r}: code ${code} is past its ${labels.length} labels`);
    }
    values[r] = code < 0 ? null : labels[code];
  }
  return { name, kind: 'string', values, coded: { labels, codes } };
}

/** A column of `rowCount` copies of one string. */
export function constant(name: string, value: string, rowCount: number): Column {
  return coded(name, [value], new Int32Array(rowCount));
}

/** Rows of a table as plain objects (for tests and small JSON exports). */
export function tableRows(table: Table): Record<string, string | number | boolean | null>[] {
  const rows: Record<string, string | number | boolean | null>[] = [];
  for (let r = 0; r < table.rowCount; r += 1) {
    const row: Record<string, string | number | boolean | null> = {};
    for (const column of table.columns) {
      const value = column.values[r];
      row[column.name] = column.kind === 'float64' && Number.isNaN(value as number) ? null : (value as string | number | boolean | null);
    }
    rows.push(row);
  }
  return rows;
}

/** The values of one named column; throws if it is missing. */
export function columnOf(table: Table, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    throw new RangeError(`table ${table.name} has no column ${name}`);
  }
  return column;
}
