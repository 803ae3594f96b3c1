import { executionWorkflow, loadConfig, resolveModel, runScope, type EuroflexConfig, type LoadedConfig, type ProviderName } from '@euroflex/config';
import type { ForecastProvider } from '@euroflex/forecasts';
import { activeAssumptions, localDatesBetween, type MarketData } from '@euroflex/markets';
import { compileHighs, createSolver, type Solver } from '@euroflex/optimization';
import { assetModels } from '../engine/assetModels';
import type { BacktestRun } from '../engine/backtestRun';
import { oracleExcess, oracleFromDays, runOracle } from '../engine/oracle';
import type { OracleResult } from '../engine/oracle';
import type { WalkForwardResult } from '../engine/walkForward';
import { settleRun, settlementTotals } from '../engine/settlement';
import { baselineDays } from '../engine/baselineDays';
import { reconcile } from '../engine/reconciliation';
import { reconciliationInputFromRun } from '../engine/reconciliationInput';
import { reconciliationSummary } from '../engine/reconciliationSummary';
import { buildSummary, type RunSummary } from '../engine/summary';
import type { EngineContext } from '../engine/types';
import { assumedChunkStartSocMwh, dayChunksOf, replansWithinDay } from '../engine/dayChunks';
import { runWalkForward } from '../engine/walkForward';
import { makeRunId } from '../runId';
import { inputTables } from '../tables/inputTables';
import { runTableBuilders, windowInstants } from '../tables/runTables';
import type { Table } from '../tables/table';
import { dayChunkEntry, startDayChunkThread, type DayChunkEntry } from './dayChunkThread';
import { loadRunInputs, withOverrides, type ConfigOverrides, type RunInputs } from './loadRunInputs';
import { runDayChunks, type DayChunkReport, type LaterChunkThread } from './runDayChunks';
import { checkOutputDirectory } from './outputDirectory';
import { writeRunDirectory } from './writeRunDirectory';

export { type ConfigOverrides } from './loadRunInputs';
export type { DayChunkReport } from './runDayChunks';

/** Internal switches of a run in day chunks (tests). */
export interface DayChunkOptions {
  /** Replace the SoC the later chunk assumes it starts from (a wrong one exercises the fallback). */
  readonly assumedStartSocMwh?: readonly number[];
}

/** `provider` and `workflow` replace the config's (which is then validated again). */
export interface BacktestOptions extends ConfigOverrides {
  /** Path of the YAML config, or an already loaded config. */
  readonly config: string | LoadedConfig;
  /**
   * Market series already read and checked in this process (validate-data before the
   * backtest, as `euroflex pipeline` runs them): reused when they were read for the same
   * files, window and history days, else the files are read again.
   */
  readonly marketData?: MarketData;
  /** Artifact root to write under instead of `artifacts.root_dir`. */
  readonly outDir?: string;
  /**
   * How the caller's user sets `outDir` (the CLI: `--out`), for the error when the artifact
   * root cannot be written; the error also offers it as the fix for `artifacts.root_dir`.
   */
  readonly outDirFlag?: string;
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
   * (docs/backtesting.md, Oracle). False solves every model. A run that is its own oracle
   * keeps no memo either way: it never solves a model twice.
   */
  readonly memo?: boolean;
  /** Progress after each delivery day of the walk-forward. */
  readonly onProgress?: (done: number, total: number) => void;
  /** False where the config is not trusted (the service): a custom_module is refused. Default true. */
  readonly allowCustomModule?: boolean;
  /** Skip writing the run directory (benchmarks of the engine alone). */
  readonly dryRun?: boolean;
  /**
   * Adds derived files to the complete run directory before it is renamed into place (see
   * writeRunDirectory), given the written tables named in `finishTables`.
   */
  readonly finishRunDirectory?: (dir: string, tables: ReadonlyMap<string, Table>) => void;
  /** Tables handed to `finishRunDirectory` in memory (default none). */
  readonly finishTables?: readonly string[];
  /**
   * A window of independent days is decided in two day chunks (docs/backtesting.md, Day
   * chunks). True (default): the later chunk runs on a worker thread while this one runs the
   * first, for built-in providers, without an injected `solver`, when a compiled worker entry
   * exists. False: the chunks run one after the other on this thread. Both give the same days.
   */
  readonly parallel?: boolean | DayChunkOptions;
}

export interface BacktestOutcome {
  readonly run: BacktestRun;
  /** How the window was split into day chunks; undefined when it ran on one thread. */
  readonly dayChunks: DayChunkReport | undefined;
  readonly summary: RunSummary;
  /** Absolute run directory, or undefined for a dry run. */
  readonly runDir: string | undefined;
}


/** The walk-forward and its oracle (reused when the walk itself is the oracle). */
async function runDecisions(
  context: EngineContext,
  provider: ForecastProvider,
  onDay: () => void,
): Promise<{ walk: WalkForwardResult; oracle: OracleResult; walkedAt: number; oracleAt: number }> {
  const walk = await runWalkForward(context, provider, { onDay });
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
 * Runs of at most this many delivery days get a HiGHS instance for a `short` workload (V8
 * does not optimise HiGHS' code: a one-day revision backtest takes 0.4 s instead of 1 s);
 * longer runs get a `long` one (docs/decisions/0003-wasm-tiering.md). Plans are the same.
 */
export const SHORT_RUN_MAX_DAYS = 2;

/**
 * The HiGHS workload of a run (docs/decisions/0003-wasm-tiering.md): `long` for a run of more
 * than `SHORT_RUN_MAX_DAYS` days that re-plans within the day (revision windows, imbalance
 * rebalances: hundreds of MILPs, whose search deserves optimised code); `short` otherwise,
 * including the years of one gate decision a day, whose LPs (on the coarse grid: 24 hourly
 * intervals) and few MILPs never run long enough to repay V8's optimising compiler.
 */
export function solverWorkload(shape: { readonly config: EuroflexConfig; readonly workflow: EngineContext['workflow']; readonly dates: readonly string[] }): 'short' | 'long' {
  return shape.dates.length > SHORT_RUN_MAX_DAYS && replansWithinDay(shape) ? 'long' : 'short';
}

/**
 * The worker entry when the later day chunk can run on its own thread: a built-in provider
 * (a custom module is never loaded twice), no injected solver, `parallel` not false, and a
 * worker entry next to this module. Else the chunks run one after the other here, with the same days.
 */
function laterChunkEntry(config: EuroflexConfig, options: BacktestOptions): DayChunkEntry | undefined {
  const builtIn: readonly ProviderName[] = ['persistence', 'perfect_foresight', 'csv'];
  if (options.parallel === false || options.solver !== undefined || !builtIn.includes(config.forecast_provider.name)) {
    return undefined;
  }
  return dayChunkEntry();
}

/**
 * The artifact root must exist or be creatable, and be writable, before the data are read: a
 * year-long run must not fail only when it writes its run directory.
 */
function checkArtifactRoot(loaded: LoadedConfig, options: BacktestOptions): void {
  const flag = options.outDirFlag;
  if (options.outDir !== undefined) {
    checkOutputDirectory(options.outDir, 'the artifact root', { flag: flag ?? 'outDir' });
    return;
  }
  const config = { file: loaded.file, field: 'artifacts.root_dir', ...(flag === undefined ? {} : { flag }) };
  checkOutputDirectory(loaded.config.artifacts.root_dir, 'the artifact root', { config });
}

/**
 * Run one backtest end to end: load and validate the config and data, walk forward,
 * settle with actuals, run the oracle, check that the run does not beat it, and write
 * the run directory atomically.
 */
export async function runBacktest(options: BacktestOptions): Promise<BacktestOutcome> {
  const started = performance.now();
  const now = options.now ?? Date.now;
  const loaded = withOverrides(typeof options.config === 'string' ? loadConfig(options.config) : options.config, options);
  const { config } = loaded;
  if (!options.dryRun) {
    checkArtifactRoot(loaded, options);
  }
  const dates = localDatesBetween(config.timing.delivery_start_date, config.timing.delivery_end_date);
  const shape = { config, model: resolveModel(config), assets: assetModels(config), dates, workflow: executionWorkflow(config) };
  const chunks = dayChunksOf(shape);
  let progress = 0;
  const onDay = () => options.onProgress?.((progress += 1), dates.length);
  // The later chunk's thread starts (loads its code) while this one loads the data, which it then sends.
  const entry = chunks.length === 2 ? laterChunkEntry(config, options) : undefined;
  let later: LaterChunkThread | undefined;
  if (entry) {
    const chunkOptions = typeof options.parallel === 'object' ? options.parallel : {};
    const assumedStartSocMwh = chunkOptions.assumedStartSocMwh ?? assumedChunkStartSocMwh(shape);
    const request = { config, dates: chunks[1], startSocMwh: assumedStartSocMwh, memo: options.memo !== false, debugChecks: options.debugChecks ?? false };
    later = { thread: startDayChunkThread(entry, request, onDay), assumedStartSocMwh };
  }
  try {
    // HiGHS is read and compiled off this thread while it loads the data.
    const highs = options.solver === undefined ? compileHighs(solverWorkload(shape)) : undefined;
    highs?.catch(() => undefined); // a data error thrown first must not leave an unhandled rejection
    const solver = highs === undefined ? (options.solver as Solver) : async () => createSolver({ code: await highs });
    const inputs = await loadRunInputs(config, {
      dates,
      solver,
      memo: options.memo !== false,
      debugChecks: options.debugChecks ?? false,
      allowCustomModule: options.allowCustomModule ?? true,
      ...(options.marketData !== undefined ? { marketData: options.marketData } : {}),
    });
    if (later && highs) {
      later.thread.provide({ marketData: inputs.market, highs: await highs });
    }
    const loadedAt = performance.now();
    const decisions =
      chunks.length === 2
        ? await runDayChunks(inputs.context, inputs.provider, { first: chunks[0], second: chunks[1] }, later, () => inputs.memo?.clearMemo(), onDay)
        : await runDecisions(inputs.context, inputs.provider, onDay);
    inputs.memo?.clearMemo();
    return await finishRun(options, { loaded, started, now, loadedAt, inputs, decisions });
  } finally {
    await later?.thread.cancel();
  }
}

/** Settle, check against the oracle, summarise and write a run whose decisions are made. */
async function finishRun(
  options: BacktestOptions,
  made: {
    readonly loaded: LoadedConfig;
    readonly started: number;
    readonly now: () => number;
    readonly loadedAt: number;
    readonly inputs: RunInputs;
    readonly decisions: { walk: WalkForwardResult; oracle: OracleResult; walkedAt: number; oracleAt: number; report?: DayChunkReport };
  },
): Promise<BacktestOutcome> {
  const { loaded, started, now, loadedAt } = made;
  const { config } = loaded;
  const { context, provider, market, adapter, overrides } = made.inputs;
  const { workflow, model, timezone } = context;
  const { walk, walkedAt, oracleAt } = made.decisions;
  const settlement = settleRun(walk.days, context);
  const totals = settlementTotals(settlement.site);
  // A run that is its own oracle (perfect foresight) has the oracle's totals in its settlement:
  // the two are the same days, so only a run with a separate oracle can differ from it.
  const oracle = made.decisions.oracle.days === walk.days ? oracleFromDays(context, walk.days, made.decisions.oracle.stats, totals) : made.decisions.oracle;
  const withBaseline = config.workflow === 'schedule_revision' || workflow === 'da_plus_imbalance';
  const baselineSettlement = withBaseline ? settleRun(baselineDays(walk.days), context) : undefined;
  const reconciliation = baselineSettlement
    ? reconcile(reconciliationInputFromRun(context, walk.days, settlement, baselineSettlement))
    : undefined;
  const settledAt = performance.now();

  const { excessEur, toleranceEur } = oracleExcess(context, totals, oracle.totals);
  // The one allowed exception: clipped aFRR activations are a recourse outside the model.
  if (excessEur > toleranceEur && !(totals.afrr_non_delivered_mwh > 0)) {
    throw new Error(
      `the run beats its perfect-foresight oracle by ${excessEur} EUR (tolerance ${toleranceEur}): this is a bug in the engine`,
    );
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
  const summary = buildSummary(run, provenance, activeAssumptions(adapter, overrides, workflow));
  if (options.dryRun) {
    return { run, summary, runDir: undefined, dayChunks: made.decisions.report };
  }
  const rootDir = options.outDir ?? config.artifacts.root_dir;
  const runDir = writeRunDirectory(rootDir, {
    runId,
    summary,
    configSnapshot: config,
    tables: runTableBuilders(run, config.artifacts.save_forecast_snapshots),
    finish: options.finishRunDirectory,
    ...(options.finishTables !== undefined ? { keepTables: options.finishTables } : {}),
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
  return { run, summary, runDir, dayChunks: made.decisions.report };
}
