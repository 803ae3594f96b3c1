import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DataError, UserError, type LabIssue, type SeriesName } from '@euroflex/config';
import { INTERVAL_MS, isoUtc, isRatioInRange, isRatioSeries, parseDecimal } from '@euroflex/markets';
import type { ParsedForecastFile } from '../forecastFile';
import { parseUtcInstant } from './parseUtcInstant';
import { ratioRowsIssue } from './ratioRowsIssue';

/** Columns every forecast CSV must have (the reference's snapshot contract). */
export const FORECAST_CSV_COLUMNS = [
  'market',
  'delivery_start_utc',
  'delivery_end_utc',
  'forecast_price_eur_per_mwh',
  'issue_time_utc',
  'available_from_utc',
  'provider_name',
] as const;

type Column = (typeof FORECAST_CSV_COLUMNS)[number] | 'scenario_id' | 'scenario_weight';

/** A file with thousands of bad rows is one mistake repeated: report this many, then count the rest. */
const MAX_ISSUES = 200;

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

class RowChecker {
  readonly issues: LabIssue[] = [];
  private dropped = 0;

  constructor(
    private readonly path: string,
    private readonly columnIndex: ReadonlyMap<string, number>,
  ) {}

  add(row: number, column: Column, code: string, message: string, instant?: string): void {
    if (this.issues.length >= MAX_ISSUES) {
      this.dropped += 1;
      return;
    }
    this.issues.push({ path: column, code, message, file: this.path, row, ...(instant === undefined ? {} : { instant }) });
  }

  cell(cells: readonly string[], column: Column): string {
    const index = this.columnIndex.get(column);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  }

  time(cells: readonly string[], row: number, column: Column): number {
    const text = this.cell(cells, column);
    const instantMs = parseUtcInstant(text);
    if (instantMs === undefined) {
      this.add(row, column, 'invalid_time', `"${text}" is not an ISO-8601 UTC time; write e.g. 2024-04-01T10:00:00Z`);
      return Number.NaN;
    }
    return instantMs;
  }

  number(cells: readonly string[], row: number, column: Column, fallback?: number): number {
    const text = this.cell(cells, column);
    if (text === '' && fallback !== undefined) {
      return fallback;
    }
    const value = parseDecimal(text);
    if (!Number.isFinite(value)) {
      this.add(row, column, 'non_finite', `"${text}" is not a finite number; every row needs a plain decimal number such as 61.5`);
    }
    return value;
  }

  finish(): LabIssue[] {
    if (this.dropped > 0) {
      this.issues.push({ path: '', code: 'more_issues', message: `${this.dropped} more problems not listed`, file: this.path });
    }
    return this.issues;
  }
}

function headerIndex(header: readonly string[], path: string): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, position) => index.set(name.trim(), position));
  const missing = FORECAST_CSV_COLUMNS.filter((column) => !index.has(column));
  if (missing.length > 0) {
    throw new DataError(
      missing.map((column) => ({
        path: column,
        code: 'missing_column',
        message: `column ${column} is missing; a forecast CSV needs ${FORECAST_CSV_COLUMNS.join(', ')}`,
        file: path,
        row: 1,
      })),
      path,
    );
  }
  return index;
}

function parseRecords(text: string, path: string): CsvRecord[] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, info: true }) as unknown as CsvRecord[];
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    const message = `the file is not valid CSV: ${(error as Error).message}`;
    throw new DataError([{ path: '', code: 'invalid_csv', message, file: path, ...(typeof lines === 'number' ? { row: lines } : {}) }], path);
  }
}

/**
 * Parse the text of a vintaged forecast CSV for `series` (see `readForecastCsv`).
 * @param path names the file in messages.
 */
export function parseForecastCsv(text: string, series: SeriesName, path: string): ParsedForecastFile {
  const records = parseRecords(text, path);
  if (records.length < 2) {
    const message = records.length === 0 ? 'the file is empty; it needs a header and data rows' : 'the file has a header but no data rows';
    throw new DataError([{ path: '', code: 'empty_file', message, file: path }], path);
  }
  const columnIndex = headerIndex(records[0].record, path);
  const check = new RowChecker(path, columnIndex);
  const count = records.length - 1;
  const isRatio = isRatioSeries(series);
  const ratioRows: number[] = [];
  const file = {
    series,
    path,
    deliveryStartMs: new Float64Array(count),
    issueTimeMs: new Float64Array(count),
    availableFromMs: new Float64Array(count),
    values: new Float64Array(count),
    providerNames: new Array<string>(count),
    scenarioIds: new Array<string | undefined>(count),
    scenarioWeights: new Float64Array(count),
    rows: new Int32Array(count),
  };
  for (let i = 0; i < count; i += 1) {
    const { record: cells, info } = records[i + 1];
    const row = info.lines;
    file.rows[i] = row;
    const market = check.cell(cells, 'market');
    if (market !== series) {
      const message = `market is "${market}" but this file is configured as the \`${series}\` forecast (forecast_provider.${series}_path); fix the column or the config`;
      check.add(row, 'market', 'wrong_series', message);
    }
    const startMs = check.time(cells, row, 'delivery_start_utc');
    const endMs = check.time(cells, row, 'delivery_end_utc');
    if (Number.isFinite(startMs) && Number.isFinite(endMs) && (startMs % INTERVAL_MS !== 0 || endMs - startMs !== INTERVAL_MS)) {
      const message = `delivery ${isoUtc(startMs)} to ${isoUtc(endMs)} is not one quarter-hour of the 15-minute grid (starts at :00, :15, :30 or :45 and lasts 15 minutes)`;
      check.add(row, 'delivery_start_utc', 'off_grid', message, isoUtc(startMs));
    }
    const issueMs = check.time(cells, row, 'issue_time_utc');
    const availableMs = check.time(cells, row, 'available_from_utc');
    if (issueMs > availableMs) {
      const message = `issue_time_utc ${isoUtc(issueMs)} is after available_from_utc ${isoUtc(availableMs)}: a forecast cannot be usable before it is made; fix one of the two`;
      check.add(row, 'issue_time_utc', 'issue_after_available', message, Number.isFinite(startMs) ? isoUtc(startMs) : undefined);
    }
    file.deliveryStartMs[i] = startMs;
    file.issueTimeMs[i] = issueMs;
    file.availableFromMs[i] = availableMs;
    file.values[i] = check.number(cells, row, 'forecast_price_eur_per_mwh');
    if (isRatio && Number.isFinite(file.values[i]) && !isRatioInRange(file.values[i])) {
      ratioRows.push(i);
    }
    file.providerNames[i] = check.cell(cells, 'provider_name') || 'csv';
    const scenarioId = check.cell(cells, 'scenario_id');
    file.scenarioIds[i] = scenarioId === '' ? undefined : scenarioId;
    const weight = check.number(cells, row, 'scenario_weight', 1);
    if (Number.isFinite(weight) && (weight < 0 || weight > 1)) {
      check.add(row, 'scenario_weight', 'weight_out_of_range', `scenario_weight ${weight} is outside [0, 1]`);
    }
    file.scenarioWeights[i] = weight;
  }
  const ratioIssue = ratioRowsIssue(file, ratioRows);
  const issues = [...(ratioIssue === undefined ? [] : [ratioIssue]), ...check.finish()];
  if (issues.length > 0) {
    throw new DataError(issues, path);
  }
  return file;
}

/**
 * Read a vintaged forecast CSV for `series`. Columns: `market` (the series name),
 * `delivery_start_utc`, `delivery_end_utc` (one quarter-hour), `forecast_price_eur_per_mwh`
 * (the value, in the series' unit), `issue_time_utc`, `available_from_utc`, `provider_name`,
 * optional `scenario_id` and `scenario_weight` (default 1). Extra columns are ignored.
 *
 * @throws DataError listing every bad row (file, line, column, fix); UserError if unreadable.
 */
export function readForecastCsv(filePath: string, series: SeriesName): ParsedForecastFile {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const path = `forecast_provider.${series}_path`;
    const message = `cannot read the \`${series}\` forecast file ${filePath} (${(error as Error).message}); fix ${path}`;
    throw new UserError(message, [{ path, code: 'file_unreadable', message, file: filePath }], filePath);
  }
  return parseForecastCsv(text, series, filePath);
}
