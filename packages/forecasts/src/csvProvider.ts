import { UserError, type LabIssue, type SeriesName } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from './contract';
import type { ParsedForecastFile } from './forecastFile';
import { buildVintageIndex, lowerBound, upperBound, type VintageIndex } from './vintageIndex';

/** Name of the vintaged CSV provider, as written in configs. */
export const CSV_PROVIDER = 'csv';

/** Options of `createCsvProvider`. */
export interface CsvProviderOptions {
  /** Point mode: read only the rows of this `scenario_id`. Defaults to the file's only scenario. */
  readonly scenarioId?: string;
}

const SHOWN_INSTANTS = 5;

function firstInstants(instantsMs: readonly number[]): string {
  const shown = instantsMs.slice(0, SHOWN_INSTANTS).map(isoUtc).join(', ');
  return instantsMs.length > SHOWN_INSTANTS ? `${shown}, ...` : shown;
}

function coverageError(
  request: ForecastRequest,
  file: ParsedForecastFile,
  absent: readonly number[],
  hidden: readonly number[],
  earliestHiddenMs: number,
): UserError {
  const decision = isoUtc(request.decisionTimeMs);
  const issues: LabIssue[] = [];
  if (absent.length > 0) {
    issues.push({
      path: `forecast_provider.${request.series}_path`,
      code: 'forecast_missing',
      file: file.path,
      instant: isoUtc(absent[0]),
      message:
        `no forecast row for ${absent.length} requested delivery interval(s) of \`${request.series}\` ` +
        `(first: ${firstInstants(absent)}); add rows for them`,
    });
  }
  if (hidden.length > 0) {
    issues.push({
      path: `forecast_provider.${request.series}_path`,
      code: 'forecast_lookahead',
      file: file.path,
      instant: isoUtc(hidden[0]),
      message:
        `${hidden.length} requested delivery interval(s) of \`${request.series}\` only have vintages available after ` +
        `the decision time ${decision} (first: ${firstInstants(hidden)}; earliest available_from_utc ${isoUtc(earliestHiddenMs)}): ` +
        `using them would need look-ahead; add a vintage available by ${decision}`,
    });
  }
  const message = `${file.path}: the \`${request.series}\` forecast does not cover the delivery window at ${decision}`;
  return new UserError(message, issues, file.path);
}

function distinctJoined(names: Iterable<string>): string {
  return [...new Set(names)].join('+');
}

/** Pick, per delivery instant, the latest vintage visible at the decision time. */
function pickVintages(index: VintageIndex, request: ForecastRequest): ForecastSnapshot {
  const { file } = index;
  const count = request.deliveryInstantsMs.length;
  const values = new Float64Array(count);
  const providerNames: string[] = [];
  const absent: number[] = [];
  const hidden: number[] = [];
  let earliestHiddenMs = Infinity;
  let issueTimeMs = -Infinity;
  let availableFromMs = -Infinity;
  for (let i = 0; i < count; i += 1) {
    const instantMs = request.deliveryInstantsMs[i];
    const lo = lowerBound(index.deliveryStartMs, instantMs);
    const hi = upperBound(index.deliveryStartMs, instantMs, lo);
    if (lo === hi) {
      absent.push(instantMs);
      continue;
    }
    const visibleEnd = upperBound(index.availableFromMs, request.decisionTimeMs, lo, hi);
    if (visibleEnd === lo) {
      hidden.push(instantMs);
      earliestHiddenMs = Math.min(earliestHiddenMs, index.availableFromMs[lo]);
      continue;
    }
    const row = index.order[visibleEnd - 1];
    values[i] = file.values[row];
    providerNames.push(file.providerNames[row]);
    issueTimeMs = Math.max(issueTimeMs, file.issueTimeMs[row]);
    availableFromMs = Math.max(availableFromMs, file.availableFromMs[row]);
  }
  if (absent.length > 0 || hidden.length > 0) {
    throw coverageError(request, file, absent, hidden, earliestHiddenMs);
  }
  return {
    series: request.series,
    provider: count > 0 ? distinctJoined(providerNames) : CSV_PROVIDER,
    issueTimeMs: count > 0 ? issueTimeMs : request.decisionTimeMs,
    availableFromMs: count > 0 ? availableFromMs : request.decisionTimeMs,
    values,
  };
}

/**
 * Auditable vintaged forecasts read from files (see `readForecastCsv`). For each delivery
 * interval it takes the latest vintage with `available_from_utc <= decision time`, ties
 * going to the latest `issue_time_utc`. Every requested instant must have a visible
 * vintage, else a `UserError` names the first missing instants, their count, and which of
 * them only have later vintages (look-ahead). The snapshot's issue and available times are
 * the latest over the chosen rows; its `provider` is the file's `provider_name` of those rows.
 *
 * Rows are indexed at construction, so problems in the files (several scenarios in point
 * mode, duplicate vintages) surface before the first decision.
 */
export function createCsvProvider(
  files: Readonly<Partial<Record<SeriesName, ParsedForecastFile>>>,
  options: CsvProviderOptions = {},
): ForecastProvider {
  const indexes = new Map<SeriesName, VintageIndex>();
  for (const [series, file] of Object.entries(files) as [SeriesName, ParsedForecastFile | undefined][]) {
    if (file !== undefined) {
      indexes.set(series, buildVintageIndex(file, series, options.scenarioId));
    }
  }
  return {
    name: CSV_PROVIDER,
    auditable: true,
    forecast(request: ForecastRequest): ForecastSnapshot {
      const index = indexes.get(request.series);
      if (index === undefined) {
        const path = `forecast_provider.${request.series}_path`;
        const message = `the csv forecast provider has no file for \`${request.series}\`; set ${path}`;
        throw new UserError(message, [{ path, code: 'forecast_file_missing', message }]);
      }
      return pickVintages(index, request);
    },
  };
}
