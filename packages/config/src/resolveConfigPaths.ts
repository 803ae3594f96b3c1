import * as path from 'node:path';
import type { EuroflexConfig } from './schema/configShape';
import { FORECAST_PATH_KEYS } from './schema/forecastProvider';

type SeriesInputs = Partial<Record<string, { readonly actual_path: string }>>;

/** `init_kwargs` keys whose string values are paths (as in the reference). */
export function isPathLikeKey(key: string): boolean {
  return /(_path|_dir|_file|_weights)$/.test(key) || key === 'model_weights';
}

function resolveSeriesInputs<T extends SeriesInputs>(inputs: T, resolve: (p: string) => string): T {
  const entries = Object.entries(inputs).map(([name, input]) =>
    input === undefined ? [name, input] : [name, { ...input, actual_path: resolve(input.actual_path) }],
  );
  return Object.fromEntries(entries) as T;
}

function resolveKwargs(value: unknown, resolve: (p: string) => string): unknown {
  if (Array.isArray(value)) {
    // Bare strings in lists stay as they are; mappings inside lists are walked.
    return value.map((item: unknown) =>
      item !== null && typeof item === 'object' ? resolveKwargs(item, resolve) : item,
    );
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      typeof inner === 'string' && isPathLikeKey(key) ? resolve(inner) : resolveKwargs(inner, resolve),
    ]),
  );
}

/**
 * The config with every relative path joined to `baseDir` (the config file's folder):
 * `data.*.actual_path`, `forecast_provider.*_path` and `module_path`, path-like
 * `init_kwargs`, `revision.realized_inputs.*.actual_path` and `artifacts.root_dir`.
 * Absolute paths are kept; `~` is not expanded; symlinks are not followed. Pure string
 * work: pass an absolute `baseDir`.
 */
export function resolveConfigPaths(config: EuroflexConfig, baseDir: string): EuroflexConfig {
  const resolve = (p: string): string => (path.isAbsolute(p) ? p : path.resolve(baseDir, p));
  const provider = { ...config.forecast_provider };
  for (const key of FORECAST_PATH_KEYS) {
    const value = provider[key];
    if (value !== undefined) {
      provider[key] = resolve(value);
    }
  }
  if (provider.module_path !== null) {
    provider.module_path = resolve(provider.module_path);
  }
  provider.init_kwargs = resolveKwargs(provider.init_kwargs, resolve) as Record<string, unknown>;
  const revision =
    config.revision !== null && config.revision.realized_inputs !== null
      ? { ...config.revision, realized_inputs: resolveSeriesInputs(config.revision.realized_inputs, resolve) }
      : config.revision;
  return {
    ...config,
    data: resolveSeriesInputs(config.data, resolve),
    forecast_provider: provider,
    revision,
    artifacts: { ...config.artifacts, root_dir: resolve(config.artifacts.root_dir) },
  };
}
