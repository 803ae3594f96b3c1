import { z } from 'zod';
import { FORECAST_MODES, PROVIDER_NAMES, SERIES_NAMES, type ProviderName, type SeriesName } from '../vocabulary';
import { pathSchema } from './formats';

/** Provider names accepted in configs: the canonical four plus the reference's `custom_python`. */
export const PROVIDER_NAME_INPUTS = [...PROVIDER_NAMES, 'custom_python'] as const;

/** `<series>_path` keys of a csv forecast. */
export type ForecastPathKey = `${SeriesName}_path`;
export const FORECAST_PATH_KEYS = SERIES_NAMES.map((name) => `${name}_path` as ForecastPathKey);

const forecastPathShape = Object.fromEntries(FORECAST_PATH_KEYS.map((key) => [key, pathSchema.optional()])) as Record<
  ForecastPathKey,
  z.ZodOptional<typeof pathSchema>
>;

/**
 * `forecast_provider`: where forecasts come from. `custom_python` is read as
 * `custom_module` (a JS/TS ES module; Python is never executed) with a warning.
 */
export const forecastProviderSchema = z.strictObject({
  /** `perfect_foresight`, `persistence`, `csv` or `custom_module` (alias `custom_python`). Required. */
  name: z
    .enum(PROVIDER_NAME_INPUTS)
    .transform((name): ProviderName => (name === 'custom_python' ? 'custom_module' : name)),
  /** `point` or `scenario_bundle`. Defaults to `point`. */
  mode: z.enum(FORECAST_MODES).default('point'),
  /** csv: vintaged forecast file per series (`day_ahead_path`, ...). Optional. */
  ...forecastPathShape,
  /** csv point mode: keep only rows of this `scenario_id`. Defaults to null. */
  scenario_id: z.string().min(1).nullable().default(null),
  /** custom_module: path of the ES module or TS file. Defaults to null. */
  module_path: pathSchema.nullable().default(null),
  /** custom_module: exported class or factory name. Defaults to null. */
  class_name: z.string().min(1).nullable().default(null),
  /**
   * custom_module: options passed to the module; string values whose key ends in `_path`,
   * `_dir`, `_file` or `_weights` (or is `model_weights`) resolve like paths. Defaults to `{}`.
   */
  init_kwargs: z.record(z.string(), z.unknown()).default({}),
});

export type ForecastProviderConfig = z.output<typeof forecastProviderSchema>;
