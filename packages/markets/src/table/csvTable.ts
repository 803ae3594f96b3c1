/**
 * A parsed CSV: header cells and data rows. Rows are split on demand, so that a year of
 * quarter-hours does not keep 400,000 cell strings alive at once (the garbage collector
 * then costs more than the parse).
 */
export interface CsvTable {
  readonly header: readonly string[];
  /** Number of data rows (blank lines excluded). */
  readonly rowCount: number;
  /** Cells of data row `r` (0-based); a fresh array, do not keep it. */
  cells(r: number): readonly string[];
  /** Line number of data row `r` in the file (header = line 1). */
  line(r: number): number;
  /**
   * The data rows as bytes, when the file is ASCII without quotes (see `asciiCsvTable`):
   * lets the row pass read canonical rows without building cell strings. `cells(r)` splits
   * the same bytes.
   */
  readonly rowBytes?: CsvRowBytes;
}

/** Byte bounds of every data row of an ASCII file without quotes. */
export interface CsvRowBytes {
  readonly bytes: Uint8Array;
  /** The single-byte cell delimiter. */
  readonly delimiter: number;
  /** First byte of data row `r`. */
  readonly start: Int32Array;
  /** End of data row `r` (exclusive; a trailing `\r` is left out, as `cells` leaves it out). */
  readonly end: Int32Array;
}

/** A table over rows that are already split; lines default to 2, 3, ... (no blank lines). */
export function tableFromRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  lines?: readonly number[],
): CsvTable {
  return {
    header,
    rowCount: rows.length,
    cells: (r) => rows[r],
    line: (r) => (lines === undefined ? r + 2 : lines[r]),
  };
}

/** The canonical series columns, in file order. */
export const CANONICAL_COLUMNS = [
  'timestamp_utc',
  'timestamp_local',
  'market',
  'resolution',
  'price_eur_per_mwh',
  'currency',
  'zone',
  'source',
  'is_actual',
  'is_forecast',
  'quality_status',
  'provenance',
] as const;

/** Columns that are never numeric extras. */
export const TEXT_COLUMNS: ReadonlySet<string> = new Set([
  ...CANONICAL_COLUMNS,
  'resolution_minutes',
  'value_kind',
  'regulating_condition',
]);

/** The Dutch dual-price imbalance columns. */
export const NL_SHORTAGE_COLUMN = 'imbalance_shortage_price_eur_per_mwh';
export const NL_SURPLUS_COLUMN = 'imbalance_surplus_price_eur_per_mwh';
