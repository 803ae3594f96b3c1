import {
  executionWorkflow,
  loadConfig,
  marketTimezone,
  parseConfig,
  resolveModel,
  runScope,
  UserError,
  type EuroflexConfig,
  type LoadedConfig,
  type ProviderName,
  type SeriesName,
  SERIES_NAMES,
} from '@euroflex/config';
import { createProviderAsync, type ForecastProvider, type ForecastProviderSpec } from '@euroflex/forecasts';
import { activeAssumptions, gateLocal, loadMarketData, localDatesBetween, marketAdapter, publicationRules, type MarketData } from '@euroflex/markets';
import { createSolver, memoSolver, type Solver } from '@euroflex/optimization';
import { assetModels } from '../engine/assetModels';
import type { BacktestRun } from '../engine/backtestRun';
import { oracleTolerance, runOracle, walkIsOracle } from '../engine/oracle';
import type { OracleResult } from '../engine/oracle';
import type { WalkForwardResult } from '../engine/walkForward';
import { settleRun, settlementTotals } from '../engine/settlement';
import { baselineDays } from '../engine/baselineDays';
import { reconcile } from '../engine/reconciliation';
import { reconciliationInputFromRun } from '../engine/reconciliationInput';
import { reconciliationSummary } from '../engine/reconciliationSummary';
import { buildSummary, type RunSummary } from '../engine/summary';
import type { EngineContext } from '../engine/types';
import { runWalkForward } from '../engine/walkForward';
import { makeRunId } from '../runId';
import { inputTables } from '../tables/inputTables';
import { runTableBuilders, windowInstants } from '../tables/runTables';
import { writeRunDirectory } from './writeRunDirectory';

export interface BacktestOptions {
  /** Path of the YAML config, or an already loaded config. */
  readonly config: string | LoadedConfig;
  /**
   * Market series already read and checked in this process (validate-data before the
   * backtest, as `euroflex pipeline` runs them): reused when they were read for the same
   * files, window and history days, else the files are read again.
   */
  readonly marketData?: MarketData;
  /** Replace `forecast_provider.name` (the config is re-validated). */
  readonly provider?: ProviderName;
  /** Artifact root to write under instead of `artifacts.root_dir`. */
  readonly outDir?: string;
  /** Clock, epoch ms. Defaults to Date.now. */
  readonly now?: () => number;
  /** Six random lower-case hex characters for the run id. */
  readonly randomHex6?: () => string;
  /** Check the model invariants on every plan at run time (default false; tests always check). */
  readonly debugChecks?: boolean;
  /** Reuse a loaded HiGHS instance (tests, batches). */
  readonly solver?: Solver;
  /**
   * Answer a whole-day model that the run has already solved, bit for bit, from memory
   * (default true): under persistence the oracle's day D is the gate's day D + 1
   * (docs/backtesting.md, Oracle). False solves every model.
   */
  readonly memo?: boolean;
  /** Progress after each delivery day of the walk-forward. */
  readonly onProgress?: (done: number, total: number) => void;
  /** False where the config is not trusted (the service): a custom_module is refused. Default true. */
  readonly allowCustomModule?: boolean;
  /** Skip writing the run directory (benchmarks of the engine alone). */
  readonly dryRun?: boolean;
  /** Adds derived files to the complete run directory before it is renamed into place (see writeRunDirectory). */
  readonly finishRunDirectory?: (dir: string) => void;
}

export interface BacktestOutcome {
  readonly run: BacktestRun;
  readonly summary: RunSummary;
  /** Absolute run directory, or undefined for a dry run. */
  readonly runDir: string | undefined;
}


function withProvider(loaded: LoadedConfig, provider: ProviderName | undefined): LoadedConfig {
  if (provider === undefined || provider === loaded.config.forecast_provider.name) {
    return loaded;
  }
  const raw = { ...loaded.config, forecast_provider: { ...loaded.config.forecast_provider, name: provider } };
  const parsed = parseConfig(raw, { file: loaded.file });
  if (!parsed.ok) {
    throw new UserError(
      `--provider ${provider} does not fit ${loaded.file}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
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

function forecastFiles(config: EuroflexConfig): Partial<Record<SeriesName, string>> {
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

/** Days of history before the window that the provider reads (persistence: the previous day). */
export function historyDaysFor(provider: ProviderName): number {
  return provider === 'persistence' ? 1 : 0;
}

/** The walk-forward and its oracle (reused when the walk itself is the oracle). */
async function runDecisions(
  context: EngineContext,
  provider: ForecastProvider,
  options: BacktestOptions,
): Promise<{ walk: WalkForwardResult; oracle: OracleResult; walkedAt: number; oracleAt: number }> {
  const walk = await runWalkForward(context, provider, { onDay: options.onProgress });
  const walkedAt = performance.now();
  const oracle = await runOracle(context, provider.auditable ? undefined : walk);
  return { walk, oracle, walkedAt, oracleAt: performance.now() };
}

function defaultRandomHex6(): string {
  return Math.floor(Math.random() * 0x1000000)
    .toString(16)
    .padStart(6, '0');
}

/**
 * Run one backtest end to end: load and validate the config and data, walk forward,
 * settle with actuals, run the oracle, check that the run does not beat it, and write
 * the run directory atomically.
 */
/**
 * Runs of at most this many delivery days get a HiGHS instance for a `short` workload (V8
 * does not optimise HiGHS' code: a one-day revision backtest takes 0.4 s instead of 1 s);
 * longer runs get a `long` one (docs/decisions/0003-wasm-tiering.md). Plans are the same.
 */
export const SHORT_RUN_MAX_DAYS = 2;

export async function runBacktest(options: BacktestOptions): Promise<BacktestOutcome> {
  const started = performance.now();
  const now = options.now ?? Date.now;
  const loaded = withProvider(typeof options.config === 'string' ? loadConfig(options.config) : options.config, options.provider);
  const { config } = loaded;
  const dates = localDatesBetween(config.timing.delivery_start_date, config.timing.delivery_end_date);
  // HiGHS compiles on V8's background threads while this thread loads the data.
  const solverReady = options.solver !== undefined ? Promise.resolve(options.solver) : createSolver({ workload: dates.length <= SHORT_RUN_MAX_DAYS ? 'short' : 'long' });
  solverReady.catch(() => undefined); // a data error thrown first must not leave an unhandled rejection
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
    historyDays: historyDaysFor(config.forecast_provider.name),
  }, options.marketData);
  const fp = config.forecast_provider;
  const providerSpec: ForecastProviderSpec = {
    name: fp.name,
    mode: fp.mode,
    files: forecastFiles(config),
    ...(fp.scenario_id ? { scenarioId: fp.scenario_id } : {}),
    modulePath: fp.module_path,
    className: fp.class_name,
    initKwargs: fp.init_kwargs,
  };
  const provider = await createProviderAsync(
    providerSpec,
    market.series,
    { marketId: config.market.id, timezone },
    { allowCustomModule: options.allowCustomModule ?? true },
  );
  const loadedSolver = await solverReady;
  // A fresh memo per run: what a run reuses never depends on earlier runs.
  const memo = options.memo === false ? undefined : memoSolver(loadedSolver);
  const solver = memo ?? loadedSolver;
  const loadedAt = performance.now();

  const context: EngineContext = {
    config,
    model,
    workflow,
    adapter,
    reserveGates: { fcr: gateLocal(adapter, 'fcr', overrides), afrr: gateLocal(adapter, 'afrr', overrides) },
    timezone,
    assets: assetModels(config),
    actuals: market.series,
    publication,
    solver,
    dates,
    debugChecks: options.debugChecks ?? false,
  };
  const { walk, oracle, walkedAt, oracleAt } = await runDecisions(context, provider, options);
  memo?.clearMemo();
  const settlement = settleRun(walk.days, context);
  const withBaseline = config.workflow === 'schedule_revision' || workflow === 'da_plus_imbalance';
  const baselineSettlement = withBaseline ? settleRun(baselineDays(walk.days), context) : undefined;
  const reconciliation = baselineSettlement
    ? reconcile(reconciliationInputFromRun(context, walk.days, settlement, baselineSettlement))
    : undefined;
  const settledAt = performance.now();

  const totals = settlementTotals(settlement.site);
  const realizedTotal = totals.realized_pnl_eur;
  const gap = realizedTotal - oracle.totals.realized_pnl_eur;
  const tolerance = oracleTolerance(realizedTotal, oracle.totals.realized_pnl_eur);
  // The one allowed exception: clipped aFRR activations are a recourse outside the model.
  if (gap > tolerance && !(totals.afrr_non_delivered_mwh > 0)) {
    throw new Error(
      `the run beats its perfect-foresight oracle by ${gap} EUR (tolerance ${tolerance}): this is a bug in the engine`,
    );
  }
  if (!provider.auditable && walkIsOracle(context) && Math.abs(gap) > tolerance) {
    throw new Error(`a perfect-foresight run differs from its oracle by ${gap} EUR: this is a bug in the engine`);
  }

  const createdAtMs = now();
  const runId = makeRunId(config.run_name, createdAtMs, options.randomHex6 ?? defaultRandomHex6);
  const benchmarkName = `${config.market.id}.${workflow}.${provider.name}.${runScope(config)}${config.workflow === 'schedule_revision' ? '.revision' : ''}`;
  const run: BacktestRun = {
    runId,
    createdAtMs,
    configFile: loaded.file,
    config,
    model,
    context,
    providerName: provider.name,
    auditable: provider.auditable,
    benchmarkName,
    days: walk.days,
    stats: walk.stats,
    settlement,
    ...(baselineSettlement ? { baselineSettlement } : {}),
    ...(reconciliation ? { reconciliation } : {}),
    oracle,
    timings: {
      loadMs: loadedAt - started,
      walkForwardMs: walkedAt - loadedAt,
      oracleMs: oracleAt - walkedAt,
      settlementMs: settledAt - oracleAt,
      solverMs: walk.stats.solverMs + (oracle.days === walk.days ? 0 : oracle.stats.solverMs),
      totalMs: performance.now() - started,
    },
  };
  const provenance: Record<string, unknown> = {};
  for (const [name, series] of Object.entries(market.series)) {
    provenance[name] = series?.provenance;
  }
  const summary = buildSummary(run, provenance, activeAssumptions(adapter, overrides));
  if (options.dryRun) {
    return { run, summary, runDir: undefined };
  }
  const rootDir = options.outDir ?? config.artifacts.root_dir;
  const runDir = writeRunDirectory(rootDir, {
    runId,
    summary,
    configSnapshot: config,
    tables: runTableBuilders(run, config.artifacts.save_forecast_snapshots),
    finish: options.finishRunDirectory,
    inputs: config.artifacts.save_inputs ? inputTables(market.series, windowInstants(run), timezone) : [],
    ...(reconciliation
      ? {
          json: {
            'reconciliation_summary.json': reconciliationSummary(reconciliation, {
              config,
              assetIds: context.assets.map((asset) => asset.id),
              deviationSettlement: settlement.deviationSettlement,
              realizedInputs: Object.fromEntries(Object.entries(market.series).map(([name, series]) => [name, series?.provenance.path ?? 'run'])),
            }),
          },
        }
      : {}),
  });
  return { run, summary, runDir };
}
