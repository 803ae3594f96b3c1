import { writeComparison } from '@euroflex/analytics';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../cli/command';
import { UsageError } from '../cli/errors';
import { parseCommand } from '../cli/parse';
import { colours } from '../cli/terminal';

const usage = `Usage: euroflex compare RUN_DIR... [--reference RUN] [--out DIR] [--json]

Compare runs side by side: identity, PnL components, oracle gap and capture, throughput,
cycles, forecast errors; deltas against a reference run; groups by market, workflow, base
workflow and scope; and the portfolio uplift of each portfolio run over single-asset runs
of its assets (same market, workflow, provider, delivery window, model profile, switches
and degradation): portfolio total minus the sum of their totals. Warns (and still
computes) when runs or groups cover different delivery windows, and names single-asset
runs left out of an uplift for other model settings. Writes comparison.csv,
comparison.json, comparison_groups.csv and comparison.md (deterministic content) and
prints the Markdown summary.

Options:
  --reference RUN   Run id or run directory of the reference run (default: the first)
  --out DIR         Output folder (default: comparison-<hash of the run ids> next to the
                    first run)
  --json            Print comparison.json instead of the Markdown summary`;

export async function runCompare(argv: readonly string[]): Promise<number> {
  const { values, positionals: runDirs } = parseCommand(argv, {
    reference: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (runDirs.length === 0) {
    throw new UsageError('expected at least one RUN_DIR');
  }
  const written = writeComparison(runDirs, { reference: values.reference, outDir: values.out });
  if (values.json) {
    process.stdout.write(readFileSync(join(written.outDir, 'comparison.json'), 'utf8'));
    return 0;
  }
  const c = colours(process.stdout);
  process.stdout.write(readFileSync(join(written.outDir, 'comparison.md'), 'utf8'));
  process.stdout.write(`\n${c.bold('written')} ${written.outDir}\n`);
  return 0;
}

export const command: Command = { name: 'compare', summary: 'Compare runs side by side, with deltas, groups and portfolio uplift', usage, run: runCompare };
