import { marketTimezone, SERIES_NAMES, UserError, type EuroflexConfig, type LabIssue, type SeriesName } from '@euroflex/config';
import { localDatesBetween, localDayGrid, type Series } from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest } from '../contract';
import { createCsvProvider } from '../csvProvider';
import { firstForecastTimesMs, type ScheduleConfig } from '../forecastSchedule';
import { readForecastCsv } from './readForecastCsv';

/** What `checkForecastFiles` found in one csv forecast file. */
export interface ForecastFileCheck {
  readonly series: SeriesName;
  /** Absolute path (`forecast_provider.<series>_path`). */
  readonly file: string;
  /** Every problem the backtest would stop at, with its own message; empty when the file is fine. */
  readonly issues: readonly LabIssue[];
}

type ForecastConfig = ScheduleConfig & Pick<EuroflexConfig, 'forecast_provider'>;

/** The csv forecast file of each series (`forecast_provider.<series>_path`), paths as configured. */
export function forecastFilesOf(config: Pick<EuroflexConfig, 'forecast_provider'>): Partial<Record<SeriesName, string>> {
  const files: Partial<Record<SeriesName, string>> = {};
  const provider = config.forecast_provider as Record<string, unknown>;
  for (const name of SERIES_NAMES) {
    const path = provider[`${name}_path`];
    if (typeof path === 'string') {
      files[name] = path;
    }
  }
  return files;
}

/** The issues of a `UserError` (a `DataError` too); anything else is a bug and is rethrown. */
function issuesOf(error: unknown, file: string): LabIssue[] {
  if (!(error instanceof UserError)) {
    throw error;
  }
  return error.issues.length > 0
    ? error.issues.map((issue) => ({ ...issue, file: issue.file ?? file }))
    : [{ path: '', code: 'forecast_invalid', message: error.message, file }];
}

function emptyHistory(name: SeriesName): Series {
  return { name, instantsMs: new Float64Array(0), values: new Float64Array(0), columns: {}, provenance: { source: 'validate-data', steps: [] } };
}

/** The provider's answer at the first decision of each delivery day: the first failing day's issues, and how many more fail. */
function coverageIssues(provider: ForecastProvider, config: ForecastConfig, series: SeriesName, file: string): LabIssue[] {
  const timezone = marketTimezone(config.market.id);
  const failing: string[] = [];
  let issues: LabIssue[] = [];
  for (const date of localDatesBetween(config.timing.delivery_start_date, config.timing.delivery_end_date)) {
    const decisionTimeMs = firstForecastTimesMs(config, date).get(series);
    if (decisionTimeMs === undefined) {
      return [];
    }
    const history = emptyHistory(series);
    const request: ForecastRequest = {
      series,
      marketId: config.market.id,
      timezone,
      decisionTimeMs,
      deliveryInstantsMs: localDayGrid(date, timezone),
      history,
      visible: { [series]: history },
    };
    try {
      void provider.forecast(request);
    } catch (error) {
      const found = issuesOf(error, file);
      issues = failing.length === 0 ? found : issues;
      failing.push(date);
    }
  }
  if (failing.length > 1) {
    const message = `the forecast fails at the first decision of ${failing.length - 1} more delivery day(s) too (${failing.slice(1, 4).join(', ')}${failing.length > 4 ? ', ...' : ''}); fix the file and run validate-data again`;
    issues.push({ path: `forecast_provider.${series}_path`, code: 'forecast_more_days', message, file });
  }
  return issues;
}

/**
 * Check the csv provider's forecast files of a validated config as the backtest uses them,
 * before it runs: each file is read (`readForecastCsv`: columns, times, values, ratios in
 * [0, 1]) and indexed (`createCsvProvider`: duplicate vintages, scenarios), then asked for
 * every delivery day of the window at that day's first decision (`firstForecastTimesMs`),
 * where a missing row or a vintage published too late fails with the backtest's message.
 * Later decisions of a day see at least as many vintages. Empty for other providers.
 */
export function checkForecastFiles(config: ForecastConfig): ForecastFileCheck[] {
  if (config.forecast_provider.name !== 'csv') {
    return [];
  }
  const checks: ForecastFileCheck[] = [];
  for (const [series, file] of Object.entries(forecastFilesOf(config)) as [SeriesName, string][]) {
    let issues: LabIssue[];
    try {
      const parsed = readForecastCsv(file, series);
      const { mode, scenario_id: scenarioId } = config.forecast_provider;
      const provider = createCsvProvider({ [series]: parsed }, { mode, ...(scenarioId ? { scenarioId } : {}) });
      issues = coverageIssues(provider, config, series, file);
    } catch (error) {
      issues = issuesOf(error, file);
    }
    checks.push({ series, file, issues });
  }
  return checks;
}
