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
 * Labels need not be distinct. The writers keep a labels array's encoding for reuse by other
 * tables, so a labels array must not change once a table holding it has been written.
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
  const rowCount = columns.length === 0 ? 0 : columnLength(columns[0]);
  const seen = new Set<string>();
  for (const column of columns) {
    if (columnLength(column) !== rowCount) {
      throw new RangeError(`table ${name}: column ${column.name} has ${columnLength(column)} rows, expected ${rowCount}`);
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

/** Rows of a column (a coded column's without making its values). */
export function columnLength(column: Column): number {
  return column.kind === 'string' && column.coded ? column.coded.codes.length : column.values.length;
}

/**
 * A string column given as codes into `labels` (see `LabelCodes`); throws on a code past the
 * labels. Its `values` are made when first read: the run directory writers never read them.
 */
export function coded(name: string, labels: readonly string[], codes: Int32Array): Column {
  for (let r = 0; r < codes.length; r += 1) {
    if (codes[r] >= labels.length) {
      throw new RangeError(`column ${name} row ${r}: code ${codes[r]} is past its ${labels.length} labels`);
    }
  }
  let values: (string | null)[] | undefined;
  return {
    name,
    kind: 'string',
    coded: { labels, codes },
    get values(): readonly (string | null)[] {
      if (values === undefined) {
        values = new Array<string | null>(codes.length);
        for (let r = 0; r < codes.length; r += 1) {
          values[r] = codes[r] < 0 ? null : labels[codes[r]];
        }
      }
      return values;
    },
  };
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
