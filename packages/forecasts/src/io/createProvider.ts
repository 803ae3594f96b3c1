import { UserError, type ForecastMode, type ProviderName, type SeriesName } from '@euroflex/config';
import type { PublicationRule, Series } from '@euroflex/markets';
import type { ForecastProvider } from '../contract';
import { createCsvProvider } from '../csvProvider';
import type { ParsedForecastFile } from '../forecastFile';
import { createPerfectForesightProvider } from '../perfectForesight';
import { createPersistenceProvider } from '../persistence';
import { loadCustomModule, type CustomModuleRunContext } from './loadCustomModule';
import { readForecastCsv } from './readForecastCsv';

/** What the config says about the forecast provider (`forecast_provider` block, paths resolved). */
export interface ForecastProviderSpec {
  readonly name: ProviderName;
  /** `point` or `scenario_bundle` (csv and custom_module). Defaults to `point`. */
  readonly mode?: ForecastMode;
  /** csv: absolute path of the forecast file per series (`forecast_provider.<series>_path`). */
  readonly files?: Readonly<Partial<Record<SeriesName, string>>>;
  /** csv, point mode: the `scenario_id` to read. */
  readonly scenarioId?: string;
  /** custom_module: absolute path of the module (`module_path`). */
  readonly modulePath?: string | null;
  /** custom_module: exported class or factory (`class_name`). */
  readonly className?: string | null;
  /** custom_module: `init_kwargs`. Defaults to `{}`. */
  readonly initKwargs?: Readonly<Record<string, unknown>>;
  /**
   * persistence: the publication rule of each series (the engine's `publicationRules`), so
   * that a missing-history error says how many days of history the lag requires.
   */
  readonly publication?: Readonly<Partial<Record<SeriesName, PublicationRule>>>;
}

/** Options of `createProviderAsync`. */
export interface CreateProviderOptions {
  /**
   * False where configs may come from someone untrusted (a service request): a
   * custom_module is then refused instead of executed. Defaults to true.
   */
  readonly allowCustomModule?: boolean;
}

function csvProvider(spec: ForecastProviderSpec): ForecastProvider {
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
  return createCsvProvider(files, {
    ...(spec.scenarioId === undefined ? {} : { scenarioId: spec.scenarioId }),
    ...(spec.mode === undefined ? {} : { mode: spec.mode }),
  });
}

/**
 * The provider a backtest uses, for every provider but `custom_module` (which loads an ES
 * module, so it needs `createProviderAsync`). csv files are read and indexed here, so file
 * problems surface before the first decision. `actuals` go only to `perfect_foresight`.
 *
 * @throws DataError / UserError for unreadable or invalid csv files; Error for custom_module.
 */
export function createProvider(
  spec: ForecastProviderSpec,
  actuals: Readonly<Partial<Record<SeriesName, Series>>>,
): ForecastProvider {
  switch (spec.name) {
    case 'perfect_foresight':
      return createPerfectForesightProvider(actuals);
    case 'persistence':
      return createPersistenceProvider(spec.publication === undefined ? {} : { publication: spec.publication });
    case 'csv':
      return csvProvider(spec);
    case 'custom_module':
      throw new Error('custom_module loads an ES module asynchronously: create the provider with createProviderAsync');
  }
}

function required(value: string | null | undefined, key: 'module_path' | 'class_name'): string {
  if (value === undefined || value === null || value === '') {
    const message = `the custom_module (custom_python) forecast provider requires forecast_provider.${key}`;
    throw new UserError(message, [{ path: `forecast_provider.${key}`, code: 'required_for_provider', message }]);
  }
  return value;
}

/**
 * Like `createProvider`, and also `custom_module`: the module named in the config is
 * imported, constructed and initialised here, once per run (see `loadCustomModule`).
 * `run` gives the module its context; the series names default to those of `actuals`
 * (only the names: actual values go only to `perfect_foresight`).
 *
 * @throws UserError for every problem with the module or the csv files, and when
 *   `options.allowCustomModule` is false and the config names a custom module.
 */
export async function createProviderAsync(
  spec: ForecastProviderSpec,
  actuals: Readonly<Partial<Record<SeriesName, Series>>>,
  run: Omit<CustomModuleRunContext, 'seriesNames'> & { readonly seriesNames?: readonly SeriesName[] },
  options: CreateProviderOptions = {},
): Promise<ForecastProvider> {
  if (spec.name !== 'custom_module') {
    return createProvider(spec, actuals);
  }
  if (options.allowCustomModule === false) {
    const message =
      'custom_module providers run local code and are disabled here (a custom module is only loaded from a trusted config, ' +
      'never from a request); run the backtest with the CLI, or choose another forecast_provider.name';
    throw new UserError(message, [{ path: 'forecast_provider.name', code: 'custom_module_disabled', message }]);
  }
  const seriesNames = run.seriesNames ?? (Object.keys(actuals) as SeriesName[]);
  return loadCustomModule(
    {
      modulePath: required(spec.modulePath, 'module_path'),
      className: required(spec.className, 'class_name'),
      initKwargs: spec.initKwargs ?? {},
      mode: spec.mode ?? 'point',
    },
    { marketId: run.marketId, timezone: run.timezone, seriesNames },
  );
}
