import { PROVIDER_NAMES, type ProviderName } from '@euroflex/config';
import { runBacktest } from '@euroflex/backtesting';
import type { Command } from '../cli/command';
import { UsageError } from '../cli/errors';
import { parseCommand, positionals } from '../cli/parse';
import { colours, progressBar } from '../cli/terminal';

const usage = `Usage: euroflex backtest CONFIG [--provider NAME] [--out DIR] [--json] [--debug-checks]

Run the walk-forward backtest of CONFIG: decide each delivery day at the day-ahead gate
with only what was public then, settle with actual prices, compare with the
perfect-foresight oracle, and write the run directory <root>/<run id>/ atomically.

Options:
  --provider NAME   Forecast provider instead of the config's (${PROVIDER_NAMES.join(', ')}; custom_python = custom_module)
  --out DIR         Artifact root for the run directory (overrides artifacts.root_dir)
  --json            Print summary.json on stdout
  --debug-checks    Check the model invariants (SoC balance, bounds, POI, no simultaneous
                    charge and discharge) on every plan at run time`;

function money(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export async function runBacktestCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, {
    provider: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    'debug-checks': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
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
  const bar = progressBar('backtest');
  const outcome = await runBacktest({
    config: file,
    provider,
    outDir: values.out,
    onProgress: bar.update,
    debugChecks: values['debug-checks'] ?? false,
  });
  bar.done();
  const s = outcome.summary;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return 0;
  }
  const c = colours(process.stdout);
  const lines = [
    `${c.bold('run')}            ${s.run_id}`,
    `${c.bold('directory')}      ${outcome.runDir ?? '(dry run)'}`,
    `${c.bold('benchmark')}      ${s.benchmark_name} (${s.delivery_start_date} .. ${s.delivery_end_date}, ${s.decision_count} decisions, ${s.interval_count} intervals)`,
    `${c.bold('model')}          profile ${s.model.profile}, soc ${s.model.soc_carry}, terminal ${s.model.terminal_soc}`,
    '',
    `  day-ahead revenue        ${money(s.da_revenue_eur).padStart(14)} EUR`,
    `  degradation cost         ${money(s.degradation_cost_eur).padStart(14)} EUR`,
    `  ${c.bold('total PnL')}                ${c.bold(money(s.total_pnl_eur).padStart(14))} EUR`,
    `  expected total PnL       ${money(s.expected_total_pnl_eur).padStart(14)} EUR`,
    `  oracle total PnL         ${money(s.oracle_total_pnl_eur).padStart(14)} EUR  (gap ${money(s.oracle_gap_total_pnl_eur)})`,
    `  throughput               ${s.throughput_mwh.toFixed(3).padStart(14)} MWh`,
    '',
    `${c.dim(`${s.solver.lp_solves + s.solver.oracle_lp_solves} LP and ${s.solver.milp_solves + s.solver.oracle_milp_solves} MILP solves (run and oracle), ${s.timings.solver_ms} ms in HiGHS, ${s.timings.total_ms} ms total`)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export const command: Command = { name: 'backtest', summary: 'Run a backtest', usage, run: runBacktestCommand };
