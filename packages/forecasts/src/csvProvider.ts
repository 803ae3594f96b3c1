import { UserError, type ForecastMode, type SeriesName } from '@euroflex/config';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from './contract';
import { csvCoverageError } from './csvCoverageError';
import { buildScenarioIndexes, csvScenarioBundle, type ScenarioIndexes } from './csvScenarioBundle';
import type { ParsedForecastFile } from './forecastFile';
import { latestVintages } from './latestVintages';
import { buildVintageIndex, type VintageIndex } from './vintageIndex';
import { CSV_PROVIDER, valuesOfRows, vintageStamps } from './vintageStamps';

export { CSV_PROVIDER };

/** Options of `createCsvProvider`. */
export interface CsvProviderOptions {
  /** Point mode: read only the rows of this `scenario_id`. Defaults to the file's only scenario. */
  readonly scenarioId?: string;
  /** `point` or `scenario_bundle` (`forecast_provider.mode`). Defaults to `point`. */
  readonly mode?: ForecastMode;
}

/** Point forecast: the latest visible vintage per delivery instant. */
function pointForecast(index: VintageIndex, request: ForecastRequest): ForecastSnapshot {
  const pick = latestVintages(index, request);
  if (pick.absent.length > 0 || pick.hidden.length > 0) {
    throw csvCoverageError(request, index.file, pick.absent, pick.hidden, pick.earliestHiddenMs);
  }
  return { series: request.series, ...vintageStamps(index.file, pick.chosen, request), values: valuesOfRows(index.file, pick.chosen) };
}

type Indexed = { readonly kind: 'point'; readonly index: VintageIndex } | { readonly kind: 'bundle'; readonly bundle: ScenarioIndexes };

function indexFile(file: ParsedForecastFile, series: SeriesName, options: CsvProviderOptions): Indexed {
  if (options.mode === 'scenario_bundle') {
    if (options.scenarioId !== undefined) {
      const message = 'forecast_provider.scenario_id is only valid for point-mode csv forecasts, not scenario bundles; remove it';
      throw new UserError(message, [{ path: 'forecast_provider.scenario_id', code: 'scenario_id_with_bundle', message }]);
    }
    const bundle = buildScenarioIndexes(file, series);
    if (bundle !== undefined) {
      return { kind: 'bundle', bundle };
    }
  }
  return { kind: 'point', index: buildVintageIndex(file, series, options.scenarioId) };
}

/**
 * Auditable vintaged forecasts read from files (see `readForecastCsv`). For each delivery
 * interval it takes the latest vintage with `available_from_utc <= decision time`, ties
 * going to the latest `issue_time_utc`. Every requested instant must have a visible
 * vintage, else a `UserError` names the first missing instants, their count, and which of
 * them only have later vintages (look-ahead). The snapshot's issue and available times are
 * the latest over the chosen rows; its `provider` is the file's `provider_name` of those rows.
 *
 * In `scenario_bundle` mode a file with `scenario_id`s is read per scenario (see
 * `csvScenarioBundle`); a file without them is deterministic (a point forecast that every
 * scenario shares, see `jointScenarios`).
 *
 * Rows are indexed at construction, so problems in the files (several scenarios in point
 * mode, rows without a scenario in a bundle, duplicate vintages) surface before the first decision.
 */
export function createCsvProvider(
  files: Readonly<Partial<Record<SeriesName, ParsedForecastFile>>>,
  options: CsvProviderOptions = {},
): ForecastProvider {
  const indexes = new Map<SeriesName, Indexed>();
  for (const [series, file] of Object.entries(files) as [SeriesName, ParsedForecastFile | undefined][]) {
    if (file !== undefined) {
      indexes.set(series, indexFile(file, series, options));
    }
  }
  return {
    name: CSV_PROVIDER,
    auditable: true,
    forecast(request: ForecastRequest): ForecastSnapshot {
      const indexed = indexes.get(request.series);
      if (indexed === undefined) {
        const path = `forecast_provider.${request.series}_path`;
        const message = `the csv forecast provider has no file for \`${request.series}\`; set ${path}`;
        throw new UserError(message, [{ path, code: 'forecast_file_missing', message }]);
      }
      return indexed.kind === 'point' ? pointForecast(indexed.index, request) : csvScenarioBundle(indexed.bundle, request);
    },
  };
}
