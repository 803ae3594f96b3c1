import { loadConfig, PROVIDER_NAMES, WORKFLOWS, type LoadedConfig, type ProviderName, type Workflow } from '@euroflex/config';
import { formatNumber as money, REPORT_TABLE_NAMES, writeReport } from '@euroflex/analytics';
import { runBacktest, type RunSummary } from '@euroflex/backtesting';
import type { MarketData } from '@euroflex/markets';
import type { Command } from '../cli/command';
import { configSource } from '../cli/configSource';
import { UsageError } from '../cli/errors';
import { parseCommand, positionals } from '../cli/parse';
import { colours, progressBar } from '../cli/terminal';
import { noteCustomModule } from '../cli/unfinished';

const usage = `Usage: euroflex backtest CONFIG [--workflow NAME] [--provider NAME] [--out DIR] [--json] [--no-report] [--debug-checks]

Run the walk-forward backtest of CONFIG: decide each delivery day at the day-ahead gate
with only what was public then, settle with actual prices, compare with the
perfect-foresight oracle, and write the run directory <root>/<run id>/ atomically,
report/index.html and report/summary.md included.

Options:
  --workflow NAME   Workflow instead of the config's (${WORKFLOWS.join(', ')}); the
                    config must have its series and blocks
  --provider NAME   Forecast provider instead of the config's (${PROVIDER_NAMES.join(', ')}; custom_python = custom_module)
  --out DIR         Artifact root for the run directory (overrides artifacts.root_dir)
  --json            Print summary.json on stdout
  --no-report       Do not write report/ (euroflex report RUN_DIR writes it later)
  --debug-checks    Check the model invariants (SoC balance, bounds, POI, no simultaneous
                    charge and discharge) on every plan at run time`;


/** The realized PnL components to print: day-ahead and degradation always, the others where nonzero. */
function components(s: RunSummary): [string, number][] {
  const all: [string, number, boolean][] = [
    ['day-ahead revenue', s.da_revenue_eur, true],
    ['imbalance revenue', s.imbalance_revenue_eur, false],
    ['reserve capacity revenue', s.reserve_capacity_revenue_eur, false],
    ['reserve activation', s.reserve_activation_revenue_eur, false],
    ['reserve penalty', s.reserve_penalty_eur, false],
    ['degradation cost', s.degradation_cost_eur, true],
  ];
  return all.filter(([, value, always]) => always || value !== 0).map(([label, value]) => [label, value]);
}

export async function runBacktestCommand(argv: readonly string[]): Promise<number> {
  return (await backtestCommandLine(argv)).code;
}

/** What earlier steps of `pipeline` already read: CONFIG loaded, and the market series validate-data read. */
export interface BacktestPreloaded {
  readonly config?: LoadedConfig;
  readonly marketData?: MarketData;
}

/**
 * Runs one `backtest` command line, reusing what `preloaded` holds for it; also returns the
 * run directory it wrote and the run's workflow (for `pipeline`).
 */
export async function backtestCommandLine(
  argv: readonly string[],
  preloaded: BacktestPreloaded = {},
): Promise<{ code: number; runDir?: string; workflow?: string }> {
  const { values, positionals: args } = parseCommand(argv, {
    workflow: { type: 'string' },
    provider: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    'no-report': { type: 'boolean' },
    'debug-checks': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return { code: 0 };
  }
  const [file] = positionals(args, ['config']);
  let provider: ProviderName | undefined;
  if (values.provider !== undefined) {
    const name = values.provider === 'custom_python' ? 'custom_module' : values.provider;
    if (!(PROVIDER_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`--provider must be one of ${PROVIDER_NAMES.join(', ')}, got "${values.provider}"`);
    }
    provider = name as ProviderName;
  }
  const workflow = values.workflow;
  if (workflow !== undefined && !(WORKFLOWS as readonly string[]).includes(workflow)) {
    throw new UsageError(`--workflow must be one of ${WORKFLOWS.join(', ')}, got "${workflow}"`);
  }
  const source = configSource(file, preloaded.config);
  const loaded = typeof source === 'string' ? loadConfig(source) : source;
  noteCustomModule({ ...loaded.config.forecast_provider, name: provider ?? loaded.config.forecast_provider.name }, loaded.file);
  const bar = progressBar('backtest');
  const outcome = await runBacktest({
    config: loaded,
    marketData: preloaded.marketData,
    provider,
    ...(workflow !== undefined ? { workflow: workflow as Workflow } : {}),
    outDir: values.out,
    outDirFlag: '--out',
    onProgress: bar.update,
    debugChecks: values['debug-checks'] ?? false,
    // The report reads the tables the run has just written from memory, not back from disk.
    finishRunDirectory: values['no-report']
      ? undefined
      : (dir, tables) => {
          writeReport(dir, { tables });
        },
    finishTables: REPORT_TABLE_NAMES,
  });
  bar.done();
  const s = outcome.summary;
  const ran = { code: 0, runDir: outcome.runDir ?? undefined, workflow: s.workflow };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return ran;
  }
  const c = colours(process.stdout);
  const lines = [
    `${c.bold('run')}            ${s.run_id}`,
    `${c.bold('directory')}      ${outcome.runDir ?? '(dry run)'}`,
    `${c.bold('benchmark')}      ${s.benchmark_name} (${s.delivery_start_date} .. ${s.delivery_end_date}, ${s.decision_count} decisions, ${s.interval_count} intervals)`,
    `${c.bold('model')}          profile ${s.model.profile}, soc ${s.model.soc_carry}, terminal ${s.model.terminal_soc}`,
    '',
    ...components(s).map(([label, value]) => `  ${label.padEnd(25)}${money(value).padStart(14)} EUR`),
    `  ${c.bold('total PnL')}                ${c.bold(money(s.total_pnl_eur).padStart(14))} EUR`,
    `  expected total PnL       ${money(s.expected_total_pnl_eur).padStart(14)} EUR`,
    `  oracle total PnL         ${money(s.oracle_total_pnl_eur).padStart(14)} EUR  (gap ${money(s.oracle_gap_total_pnl_eur)})`,
    `  throughput               ${s.throughput_mwh.toFixed(3).padStart(14)} MWh`,
    '',
    ...(outcome.runDir && !values['no-report'] ? [`${c.bold('report')}         ${outcome.runDir}/report/index.html`, ''] : []),
    `${c.dim(`${s.solver.lp_solves + s.solver.oracle_lp_solves} LP and ${s.solver.milp_solves + s.solver.oracle_milp_solves} MILP solves (run and oracle)${memoNote(s.solver.memo_solves + s.solver.oracle_memo_solves)}, ${s.timings.solver_ms} ms in HiGHS${outcome.dayChunks ? ' (summed over its two threads)' : ''}, ${s.timings.total_ms} ms total`)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return ran;
}

export const command: Command = { name: 'backtest', summary: 'Run a backtest', usage, run: runBacktestCommand };

/** `, N repeated models answered from memory` when the run's memo answered any (docs/backtesting.md, The oracle). */
function memoNote(memoSolves: number): string {
  return memoSolves > 0 ? `, ${memoSolves} repeated model${memoSolves === 1 ? '' : 's'} answered from memory` : '';
}
