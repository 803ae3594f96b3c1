import { DataError, SERIES_NAMES, type LabIssue, type SeriesName } from '@euroflex/config';
import { marketAdapter } from '../adapters/registry';
import { validateSeriesCoverage, windowBoundsMs } from '../coverage';
import type { Series } from '../series';
import { capIssues } from '../table/capIssues';
import { alignmentIssues } from '../validation/alignmentIssues';
import {
  partitionIssues,
  reportIssues,
  type DataValidationInput,
  type DataValidationReport,
  type MarketData,
  type SeriesValidation,
} from '../validation/dataValidationReport';
import { sameDataInput } from '../validation/sameDataInput';
import { readSeriesFile } from './readSeriesFile';

const MAX_PER_CODE = 20;

/**
 * What `euroflex validate-data` checks: every configured series file is read and checked
 * (see readSeriesFile), must cover the window and its history days, and must align with
 * day-ahead. File problems outside that span are warnings. Never throws for bad data.
 */
export function validateData(input: DataValidationInput): DataValidationReport {
  return readMarketData(input).report;
}

/**
 * Load and validate the market series of a run. Throws a DataError carrying every
 * blocking issue (all series at once) if any series is unusable for the window. Series
 * already read for the same input (`alreadyRead`, from `readMarketData`: validate-data
 * in the same process) are reused instead of read again.
 */
export function loadMarketData(input: DataValidationInput, alreadyRead?: MarketData): MarketData {
  const result = alreadyRead !== undefined && sameDataInput(alreadyRead.input, input) ? alreadyRead : readMarketData(input);
  if (!result.report.ok) {
    throw new DataError(reportIssues(result.report));
  }
  return result;
}

/** What validateData checks, with the series it read (never throws for bad data). */
export function readMarketData(input: DataValidationInput): MarketData {
  return { input, ...validateAndLoad(input) };
}

function validateAndLoad(input: DataValidationInput): {
  series: Partial<Record<SeriesName, Series>>;
  report: DataValidationReport;
} {
  const adapter = marketAdapter(input.marketId);
  const historyDays = input.historyDays ?? 0;
  const window = { ...input.window, timezone: input.timezone };
  const crossIssues: LabIssue[] = [];
  let span: { startMs: number; endMs: number } | undefined;
  try {
    span = windowBoundsMs(window, historyDays);
  } catch (error) {
    crossIssues.push({ path: 'window', code: 'invalid_window', message: `${(error as Error).message}; fix the delivery dates` });
  }
  if (input.files.day_ahead === undefined) {
    crossIssues.push({
      path: 'data.day_ahead',
      code: 'missing_series',
      message: 'every workflow needs day-ahead prices; set data.day_ahead.actual_path',
    });
  }
  const loaded: Partial<Record<SeriesName, Series>> = {};
  const entries: SeriesValidation[] = [];
  for (const name of SERIES_NAMES) {
    const file = input.files[name];
    if (file === undefined) {
      continue;
    }
    const read = readSeriesFile(file, {
      name,
      timezone: input.timezone,
      maxIssuesPerCode: Infinity,
      requiredColumns: adapter.requiredColumns[name] ?? [],
      ...(adapter.zoneSpecificSeries.includes(name) ? { expectedZone: adapter.zoneEic } : {}),
    });
    const { blocking, outside } = partitionIssues(read.issues, span);
    if (read.series !== undefined && span !== undefined) {
      blocking.push(...validateSeriesCoverage(read.series, window, { file, historyDays }));
      loaded[name] = read.series;
    }
    entries.push({
      name,
      file,
      rows: read.rows,
      resolution: read.resolution,
      issues: capIssues(blocking, MAX_PER_CODE),
      warnings: capIssues(outside, MAX_PER_CODE),
    });
  }
  if (span !== undefined) {
    crossIssues.push(...alignmentIssues(loaded, windowBoundsMs(window), input.files));
  }
  const ok = crossIssues.length === 0 && entries.every((entry) => entry.issues.length === 0);
  const report: DataValidationReport = {
    ok,
    marketId: input.marketId,
    timezone: input.timezone,
    window: { startDate: input.window.startDate, endDate: input.window.endDate },
    historyDays,
    series: entries,
    issues: crossIssues,
  };
  return { series: loaded, report };
}
