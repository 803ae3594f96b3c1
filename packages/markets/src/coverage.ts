import type { LabIssue } from '@euroflex/config';
import { addDays, isoUtc, localMidnightMs } from './calendar';
import { countBefore, INTERVAL_MS, type Series } from './series';
import { listInstants } from './table/reportGaps';

/** A run of local delivery days, both ends included (`YYYY-MM-DD`), in a market time zone. */
export interface DeliveryWindow {
  readonly startDate: string;
  readonly endDate: string;
  readonly timezone: string;
}

/** Options of `validateSeriesCoverage`. */
export interface CoverageOptions {
  /** File named in the issues. */
  readonly file?: string;
  /** Local days before `startDate` that must also be covered (persistence history); default 0. */
  readonly historyDays?: number;
  /** Missing instants listed by name before the rest is counted; default 8. */
  readonly maxListed?: number;
}

/**
 * UTC bounds `[startMs, endMs)` of the window: local midnight of `startDate` (minus
 * `historyDays`) to local midnight after `endDate`. Throws a RangeError for invalid dates.
 */
export function windowBoundsMs(window: DeliveryWindow, historyDays = 0): { startMs: number; endMs: number } {
  const startMs = localMidnightMs(addDays(window.startDate, -historyDays), window.timezone);
  const endMs = localMidnightMs(addDays(window.endDate, 1), window.timezone);
  if (!(endMs > startMs)) {
    throw new RangeError(`the window ${window.startDate}..${window.endDate} is empty: endDate is before startDate`);
  }
  return { startMs, endMs };
}

/** Every quarter-hour start of the window (92/96/100 per local day), ascending. */
export function windowGrid(window: DeliveryWindow, historyDays = 0): Float64Array {
  const { startMs, endMs } = windowBoundsMs(window, historyDays);
  const grid = new Float64Array(Math.round((endMs - startMs) / INTERVAL_MS));
  for (let i = 0; i < grid.length; i += 1) {
    grid[i] = startMs + i * INTERVAL_MS;
  }
  return grid;
}

/** The part of `series` inside the window (shares memory; may have holes, see validateSeriesCoverage). */
export function sliceToWindow(series: Series, window: DeliveryWindow, historyDays = 0): Series {
  const { startMs, endMs } = windowBoundsMs(window, historyDays);
  const from = countBefore(series, startMs);
  const to = countBefore(series, endMs);
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.columns)) {
    columns[name] = column.subarray(from, to);
  }
  return {
    name: series.name,
    instantsMs: series.instantsMs.subarray(from, to),
    values: series.values.subarray(from, to),
    columns,
    provenance: series.provenance,
  };
}

/** Quarter-hours of `[startMs, endMs)` that `series` lacks, ascending. */
export function missingInstants(series: Pick<Series, 'instantsMs'>, startMs: number, endMs: number): number[] {
  const missing: number[] = [];
  let index = countBefore(series, startMs);
  for (let instant = startMs; instant < endMs; instant += INTERVAL_MS) {
    while (index < series.instantsMs.length && series.instantsMs[index] < instant) {
      index += 1;
    }
    if (index >= series.instantsMs.length || series.instantsMs[index] !== instant) {
      missing.push(instant);
    }
  }
  return missing;
}

/**
 * Issues for every quarter-hour of the window (and of its history days) that the series
 * does not cover: one issue for the delivery days, one for the history, each naming the
 * first missing instants and the count. Invalid window dates are an `invalid_window` issue.
 */
export function validateSeriesCoverage(
  series: Series,
  window: DeliveryWindow,
  options: CoverageOptions = {},
): LabIssue[] {
  const historyDays = options.historyDays ?? 0;
  const listed = options.maxListed ?? 8;
  const file = options.file === undefined ? {} : { file: options.file };
  let bounds: { startMs: number; endMs: number };
  let historyStartMs: number;
  try {
    bounds = windowBoundsMs(window);
    historyStartMs = windowBoundsMs(window, historyDays).startMs;
  } catch (error) {
    return [{ path: 'window', code: 'invalid_window', message: (error as Error).message, ...file }];
  }
  const issues: LabIssue[] = [];
  const parts = [
    { code: 'window_not_covered', startMs: bounds.startMs, endMs: bounds.endMs, what: 'the delivery window' },
    { code: 'history_not_covered', startMs: historyStartMs, endMs: bounds.startMs, what: `the ${historyDays} history day(s) before the window` },
  ];
  for (const part of parts) {
    const missing = missingInstants(series, part.startMs, part.endMs);
    if (missing.length === 0) {
      continue;
    }
    const total = Math.round((part.endMs - part.startMs) / INTERVAL_MS);
    issues.push({
      path: `data.${series.name}`,
      code: part.code,
      instant: isoUtc(missing[0]),
      message:
        `${series.name} does not cover ${part.what} ${window.startDate}..${window.endDate} (${window.timezone}): ` +
        `${missing.length} of ${total} quarter-hours missing: ${listInstants(missing, listed)}; ` +
        'supply data for these instants or change the delivery dates',
      ...file,
    });
  }
  return issues;
}
