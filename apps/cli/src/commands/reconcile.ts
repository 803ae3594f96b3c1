import { BUCKETS, reconcileRunDirectory } from '@euroflex/backtesting';
import { formatNumber } from '@euroflex/analytics';
import type { Command } from '../cli/command';
import { parseCommand } from '../cli/parse';
import { UsageError } from '../cli/errors';
import { colours } from '../cli/terminal';

const usage = `Usage: euroflex reconcile RUN_DIR [REALIZED] [--out DIR] [--json]

Reconcile a run from its directory: baseline expected, revised expected and realized PnL
per interval and asset, and the buckets between them (revision uplift, forecast error,
activation deviation, imbalance deviation, SoC drift and non-delivery, degradation drift),
which sum exactly to realized minus baseline expected. On the run's own data the numbers
equal the inline ones of the backtest. REALIZED re-settles the executed schedule at other
actual prices: a directory of canonical <series>.csv files, or a config whose
revision.realized_inputs (else data) names them. Forecast snapshots are not needed.

Options:
  --out DIR   Where to write (default RUN_DIR/reconciliation/); replaces only an empty
              folder or an earlier reconcile output, refuses anything else
  --json      Print reconciliation_summary.json on stdout`;

const money = (value: number) => formatNumber(value, 2).padStart(14);

export async function runReconcile(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { out: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length < 1 || positionals.length > 2) {
    throw new UsageError(`expected RUN_DIR [REALIZED], got ${positionals.length === 0 ? 'nothing' : positionals.join(' ')}`);
  }
  const [runDir, realized] = positionals;
  const outcome = reconcileRunDirectory({ runDir, ...(realized ? { realized } : {}), ...(values.out ? { outDir: values.out } : {}) });
  const s = outcome.summary;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return 0;
  }
  const c = colours(process.stdout);
  const lines = [
    `${c.bold('reconciliation')}  ${outcome.outDir}`,
    `  baseline expected       ${money(s.baseline_expected_pnl_eur)} EUR`,
    `  revised expected        ${money(s.revised_expected_pnl_eur)} EUR`,
    `  ${c.bold('realized')}                ${money(s.realized_pnl_eur)} EUR`,
    '',
    ...BUCKETS.map((name) => `  ${name.replace(/_eur$/, '').padEnd(24)}${money(s[name])} EUR`),
    `  ${'sum of buckets'.padEnd(24)}${money(s.bucket_sum_eur)} EUR  (realized - baseline expected ${money(s.realized_minus_baseline_expected_eur).trim()})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export const command: Command = { name: 'reconcile', summary: 'Reconcile a run', usage, run: runReconcile };
