import type { LabIssue, SeriesName } from '@euroflex/config';
import { isoUtc } from '../calendar';
import { resolutionLabel } from '../resolution';
import type { Series } from '../series';
import { zoneClock, type ZoneClock } from '../time/zoneClock';
import { assembleQuarterHours } from './assembleQuarterHours';
import { capIssues } from './capIssues';
import type { CsvTable } from './csvTable';
import { extraColumnReader } from './extraColumns';
import type { SeriesColumns } from './canonicalRows';
import { readSeriesRows } from './readSeriesRows';
import { reportGaps } from './reportGaps';

/** What reading one series file gives: the series (if any row is usable) and every problem. */
export interface SeriesReadResult {
  /** Undefined when nothing is usable (missing file or columns, empty file, no valid row). */
  readonly series: Series | undefined;
  readonly issues: LabIssue[];
  /** Data rows in the file (header excluded). */
  readonly rows: number;
  /** Declared resolution of the rows (`PT15M`, `PT60M`, mixed as `PT60M+PT15M`), '' if none. */
  readonly resolution: string;
}

/** Options of `seriesFromTable` / `readSeriesFile`. */
export interface SeriesReadOptions {
  /** The series slot the file is read for; the `market` column must name it. */
  readonly name: SeriesName;
  /** IANA market time zone: `timestamp_local` must match it and block grids follow it. */
  readonly timezone: string;
  /** File name used in issues. */
  readonly file?: string;
  /** When set, a non-empty `zone` cell must equal it (EIC code). */
  readonly expectedZone?: string;
  /** Extra columns that must exist and be numeric in every row (NL dual imbalance prices). */
  readonly requiredColumns?: readonly string[];
  /** Issues listed per code before the rest is summarised; default 20, Infinity for all. */
  readonly maxIssuesPerCode?: number;
}

const CANONICAL_HEADER =
  'timestamp_utc,timestamp_local,market,resolution,price_eur_per_mwh,currency,zone,source,is_actual,is_forecast,quality_status,provenance';
const NORMALIZE_HINT = 'convert foreign files with `euroflex normalize`';

/**
 * The header the file needs: the canonical one, plus the extra columns this series must
 * carry in this market (the Dutch imbalance dual prices), which the canonical header lacks.
 */
function headerHint(options: Pick<SeriesReadOptions, 'name' | 'requiredColumns'>): string {
  const extra = options.requiredColumns ?? [];
  if (extra.length === 0) {
    return `the canonical header is ${CANONICAL_HEADER}; ${NORMALIZE_HINT}`;
  }
  return (
    `the \`${options.name}\` file of this market needs the canonical header ${CANONICAL_HEADER} ` +
    `plus the column${extra.length === 1 ? '' : 's'} ${extra.join(',')} (numeric in every row); ${NORMALIZE_HINT}`
  );
}

/**
 * Build a canonical quarter-hour series from a parsed CSV table (pure). Rows are keyed by
 * their UTC instant, sorted, coarse rows expanded; every problem becomes a LabIssue with
 * file, line and instant. Bad rows are left out and reported, never zero-filled.
 */
export function seriesFromTable(table: CsvTable, options: SeriesReadOptions): SeriesReadResult {
  const issues: LabIssue[] = [];
  const file = options.file;
  const report = (issue: Omit<LabIssue, 'file'>): void => {
    issues.push(file === undefined ? issue : { ...issue, file });
  };
  const done = (rows: number, resolution = ''): SeriesReadResult => ({ series: undefined, issues, rows, resolution });
  const header = table.header.map((cell) => cell.trim());
  if (header.length === 0 || (header.length === 1 && header[0] === '')) {
    report({ path: '', code: 'empty_file', row: 1, message: `the file is empty; ${headerHint(options)}` });
    return done(0);
  }
  const column = (name: string): number => header.indexOf(name);
  const columns: SeriesColumns = {
    utc: column('timestamp_utc'),
    local: column('timestamp_local'),
    market: column('market'),
    resolution: column('resolution'),
    resolutionMinutes: column('resolution_minutes'),
    value: column('price_eur_per_mwh'),
    source: column('source'),
    zone: column('zone'),
    provenance: column('provenance'),
  };
  const missing = [
    ...['timestamp_utc', 'timestamp_local', 'market', 'price_eur_per_mwh'].filter((name) => column(name) < 0),
    ...(columns.resolution < 0 && columns.resolutionMinutes < 0 ? ['resolution'] : []),
    ...(options.requiredColumns ?? []).filter((name) => column(name) < 0),
  ];
  for (const name of missing) {
    report({ path: name, code: 'missing_column', row: 1, message: `column \`${name}\` is missing; ${headerHint(options)}` });
  }
  if (missing.length > 0) {
    return done(table.rowCount);
  }
  if (table.rowCount === 0) {
    report({ path: '', code: 'empty_file', row: 1, message: 'the file has a header but no data rows; add the series rows' });
    return done(0);
  }

  let clock: ZoneClock;
  try {
    clock = zoneClock(options.timezone);
  } catch (error) {
    report({ path: 'timezone', code: 'invalid_timezone', message: `${(error as Error).message}; use the market's IANA zone` });
    return done(table.rowCount);
  }
  const extras = extraColumnReader(header, options.requiredColumns ?? [], table.rowCount);
  const rows = readSeriesRows(table, columns, options, clock, extras, report);
  const assembly = assembleQuarterHours(rows.samples, clock);
  for (const off of assembly.offGrid) {
    const label = resolutionLabel(off.resolutionMinutes);
    report({
      path: columns.resolution >= 0 ? 'resolution' : 'resolution_minutes',
      code: 'resolution_mismatch',
      row: table.line(off.rowIndex),
      instant: isoUtc(off.instantMs),
      message: `a ${label} row must start on a ${label} boundary of ${options.timezone} local time; fix the timestamp or the declared resolution`,
    });
    rows.reported.add(off.instantMs);
  }
  for (const duplicate of assembly.duplicates) {
    report({
      path: 'timestamp_utc',
      code: 'duplicate_instant',
      row: table.line(duplicate.droppedRow),
      instant: isoUtc(duplicate.instantMs),
      message: `this instant is already given by row ${table.line(duplicate.keptRow)}; remove one of the two rows`,
    });
  }
  for (const gap of reportGaps(assembly, rows.reported, (r) => table.line(r))) {
    report({ ...gap, path: 'timestamp_utc', code: 'gap' });
  }
  const capped = capIssues(issues, options.maxIssuesPerCode ?? 20);
  const resolution = assembly.resolutions.map(resolutionLabel).join('+');
  const count = assembly.instantsMs.length;
  if (count === 0) {
    return { series: undefined, issues: capped, rows: table.rowCount, resolution };
  }
  const { kept, dropped } = extras.finish();
  const values = new Float64Array(count);
  const extraValues: Record<string, Float64Array> = {};
  for (const extra of kept) {
    extraValues[extra.name] = new Float64Array(count);
  }
  for (let k = 0; k < count; k += 1) {
    const r = assembly.sourceRows[k];
    values[k] = rows.values[r];
    for (const extra of kept) {
      extraValues[extra.name][k] = extra.values[r];
    }
  }
  const steps = [
    ...(assembly.wasSorted ? [] : ['sorted_on_load']),
    ...assembly.resolutions.filter((m) => m !== 15).map((m) => `expanded_from_${resolutionLabel(m)}`),
    ...(rows.filledRows > 0 ? [`filled_rows_in_file:${rows.filledRows}`] : []),
    ...dropped.map((name) => `dropped_column_with_blanks:${name}`),
  ];
  const series: Series = {
    name: options.name,
    instantsMs: assembly.instantsMs,
    values,
    columns: extraValues,
    provenance: {
      ...(file === undefined ? {} : { path: file }),
      source: rows.source === '' ? 'unknown' : rows.source,
      ...(rows.zone === '' ? {} : { zone: rows.zone }),
      steps,
    },
  };
  return { series, issues: capped, rows: table.rowCount, resolution };
}
