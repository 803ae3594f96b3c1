import {
  executionWorkflow,
  marketTimezone,
  parseConfig,
  resolveModel,
  UserError,
  type EuroflexConfig,
  type LoadedConfig,
  type ProviderName,
  type SeriesName,
  type Workflow,
  SERIES_NAMES,
} from '@euroflex/config';
import { createProviderAsync, forecastFilesOf, forecastHistoryDays, type ForecastProvider, type ForecastProviderSpec } from '@euroflex/forecasts';
import { gateLocal, loadMarketData, marketAdapter, publicationRules, type MarketAdapter, type MarketData } from '@euroflex/markets';
import { memoSolver, type MemoSolver, type Solver } from '@euroflex/optimization';
import { assetModels } from '../engine/assetModels';
import type { EngineContext } from '../engine/types';
import { oracleIsSeparate } from '../engine/oracle';

/** Replacements of config fields that a run applies on top of its config file (the CLI's flags). */
export interface ConfigOverrides {
  /** Replaces `forecast_provider.name` (`--provider`). */
  readonly provider?: ProviderName;
  /** Replaces `workflow` (`--workflow`). */
  readonly workflow?: Workflow;
}

/**
 * Apply `--provider` and `--workflow` overrides to a loaded config and validate it again: a
 * workflow whose series or block the config lacks fails as the config itself would, naming
 * the field.
 */
export function withOverrides(loaded: LoadedConfig, overrides: ConfigOverrides): LoadedConfig {
  const { provider, workflow } = overrides;
  const changes = [
    ...(provider !== undefined && provider !== loaded.config.forecast_provider.name ? [`--provider ${provider}`] : []),
    ...(workflow !== undefined && workflow !== loaded.config.workflow ? [`--workflow ${workflow}`] : []),
  ];
  if (changes.length === 0) {
    return loaded;
  }
  const raw = {
    ...loaded.config,
    workflow: workflow ?? loaded.config.workflow,
    forecast_provider: { ...loaded.config.forecast_provider, name: provider ?? loaded.config.forecast_provider.name },
  };
  const parsed = parseConfig(raw, { file: loaded.file });
  if (!parsed.ok) {
    throw new UserError(
      `${changes.join(' ')} ${changes.length === 1 ? 'does' : 'do'} not fit ${loaded.file}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      parsed.issues,
      loaded.file,
    );
  }
  return { ...loaded, config: parsed.config };
}

function configuredFiles(config: EuroflexConfig): Partial<Record<SeriesName, string>> {
  const files: Partial<Record<SeriesName, string>> = {};
  for (const name of SERIES_NAMES) {
    const entry = config.data[name];
    if (entry) {
      files[name] = entry.actual_path;
    }
  }
  return files;
}

export interface RunInputsOptions {
  /** The delivery dates the engine walks (the whole window, or one chunk of it). */
  readonly dates: readonly string[];
  /**
   * The HiGHS instance, or how to create it: called once the data and the provider are
   * loaded, so a run whose data fail never instantiates one (HiGHS can compile meanwhile).
   */
  readonly solver: Solver | (() => Promise<Solver>);
  /**
   * Answer repeated whole-day models from a fresh memo (see BacktestOptions.memo); a run that
   * is its own oracle gets none, as it never solves a model twice.
   */
  readonly memo: boolean;
  readonly debugChecks: boolean;
  readonly allowCustomModule: boolean;
  /** Market series already read in this process for the same input (see `BacktestOptions.marketData`). */
  readonly marketData?: MarketData;
}

/** What a walk-forward needs, loaded from a validated config. */
export interface RunInputs {
  readonly context: EngineContext;
  readonly provider: ForecastProvider;
  readonly market: MarketData;
  readonly adapter: MarketAdapter;
  readonly overrides: Parameters<typeof publicationRules>[1];
  /** The run's memo around the solver, undefined with `memo: false` or when the run is its own oracle. */
  readonly memo: MemoSolver | undefined;
}

/**
 * Load the market data and the forecast provider of a validated config and resolve the
 * engine context: used once by a sequential run, and once per thread by a run in day chunks
 * (each thread has its own data, provider, HiGHS instance and memo).
 */
export async function loadRunInputs(config: EuroflexConfig, options: RunInputsOptions): Promise<RunInputs> {
  const workflow = executionWorkflow(config);
  const model = resolveModel(config);
  const timezone = marketTimezone(config.market.id);
  const adapter = marketAdapter(config.market.id);
  const overrides = {
    dayAheadGateLocal: config.timing.day_ahead_gate_closure_local,
    gates: config.market.gates,
    publicationLags: config.market.publication_lags,
  };
  const publication = publicationRules(adapter, overrides);
  const market = loadMarketData({
    files: configuredFiles(config),
    timezone,
    window: { startDate: config.timing.delivery_start_date, endDate: config.timing.delivery_end_date },
    marketId: config.market.id,
    historyDays: forecastHistoryDays(config),
  }, options.marketData);
  const fp = config.forecast_provider;
  const providerSpec: ForecastProviderSpec = {
    name: fp.name,
    mode: fp.mode,
    files: forecastFilesOf(config),
    ...(fp.scenario_id ? { scenarioId: fp.scenario_id } : {}),
    modulePath: fp.module_path,
    className: fp.class_name,
    initKwargs: fp.init_kwargs,
    publication,
  };
  const provider = await createProviderAsync(providerSpec, market.series, { marketId: config.market.id, timezone }, { allowCustomModule: options.allowCustomModule });
  const loadedSolver = typeof options.solver === 'function' ? await options.solver() : options.solver;
  // A fresh memo per run: what a run reuses never depends on earlier runs. It answers the
  // oracle's days that the walk already solved (persistence: the oracle's day D is the gate's
  // day D + 1); a run that is its own oracle (perfect foresight) never asks twice.
  const assets = assetModels(config);
  const memo = options.memo && oracleIsSeparate(provider, { model, assets, dates: options.dates, workflow }) ? memoSolver(loadedSolver) : undefined;
  const context: EngineContext = {
    config,
    model,
    workflow,
    adapter,
    reserveGates: { fcr: gateLocal(adapter, 'fcr', overrides), afrr: gateLocal(adapter, 'afrr', overrides) },
    timezone,
    assets,
    actuals: market.series,
    publication,
    solver: memo ?? loadedSolver,
    dates: options.dates,
    debugChecks: options.debugChecks,
  };
  return { context, provider, market, adapter, overrides, memo };
}
