import { UserError, type ProviderName, type SeriesName } from '@euroflex/config';
import type { Series } from '@euroflex/markets';
import type { ForecastProvider } from '../contract';
import { createCsvProvider } from '../csvProvider';
import type { ParsedForecastFile } from '../forecastFile';
import { createPerfectForesightProvider } from '../perfectForesight';
import { createPersistenceProvider } from '../persistence';
import { readForecastCsv } from './readForecastCsv';

/** What the config says about the forecast provider (`forecast_provider` block, paths resolved). */
export interface ForecastProviderSpec {
  readonly name: ProviderName;
  /** csv: absolute path of the forecast file per series (`forecast_provider.<series>_path`). */
  readonly files?: Readonly<Partial<Record<SeriesName, string>>>;
  /** csv, point mode: the `scenario_id` to read. */
  readonly scenarioId?: string;
}

/**
 * The provider a backtest uses. csv files are read and indexed here, so file problems
 * surface before the first decision. `actuals` go only to `perfect_foresight`.
 *
 * @throws DataError / UserError for unreadable or invalid csv files, and for `custom_module`,
 *   which arrives in a later release.
 */
export function createProvider(
  spec: ForecastProviderSpec,
  actuals: Readonly<Partial<Record<SeriesName, Series>>>,
): ForecastProvider {
  switch (spec.name) {
    case 'perfect_foresight':
      return createPerfectForesightProvider(actuals);
    case 'persistence':
      return createPersistenceProvider();
    case 'csv': {
      const entries = Object.entries(spec.files ?? {}) as [SeriesName, string | undefined][];
      const files: Partial<Record<SeriesName, ParsedForecastFile>> = {};
      for (const [series, path] of entries) {
        if (path !== undefined) {
          files[series] = readForecastCsv(path, series);
        }
      }
      if (Object.keys(files).length === 0) {
        const message = 'the csv forecast provider needs at least forecast_provider.day_ahead_path';
        throw new UserError(message, [{ path: 'forecast_provider.day_ahead_path', code: 'forecast_file_missing', message }]);
      }
      return createCsvProvider(files, spec.scenarioId === undefined ? {} : { scenarioId: spec.scenarioId });
    }
    case 'custom_module': {
      const message =
        'the custom_module (custom_python) forecast provider arrives in a later release; ' +
        'for now use persistence, csv (export your model\'s forecasts as a vintaged CSV) or perfect_foresight';
      throw new UserError(message, [{ path: 'forecast_provider.name', code: 'not_yet_supported', message }]);
    }
  }
}
