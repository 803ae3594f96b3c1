import { isIsoDate } from '@euroflex/config';
import { writeReport } from '@euroflex/analytics';
import { readFileSync } from 'node:fs';
import type { Command } from '../cli/command';
import { UsageError } from '../cli/errors';
import { parseCommand, positionals } from '../cli/parse';
import { colours } from '../cli/terminal';

const usage = `Usage: euroflex report RUN_DIR [--detail-week YYYY-MM-DD] [--json]

(Re)generate RUN_DIR/report/index.html (one self-contained page with inline SVG charts:
summary, cumulative PnL against the oracle, dispatch and SoC per asset, prices forecast
against actual, reserves, reason codes, reconciliation, rainflow, asset contribution) and
RUN_DIR/report/summary.md, from the run directory's files. Prints summary.md.

Options:
  --detail-week DATE  First local day of the week shown at 15-minute resolution in runs
                      longer than 14 days (default: the week with the most throughput);
                      shorter runs are drawn in full, and a note says the option had no effect
  --json              Print the paths, size and notes of what was written as JSON`;

export async function runReport(argv: readonly string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, { 'detail-week': { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const [runDir] = positionals(args, ['run_dir']);
  const detail = values['detail-week'];
  if (detail !== undefined && !isIsoDate(detail)) {
    throw new UsageError(`--detail-week "${detail}" is not a valid date: expected a local date YYYY-MM-DD such as 2024-06-03`);
  }
  const written = writeReport(runDir, { detailStartDate: detail });
  if (values.json) {
    const out = { html_file: written.htmlFile, markdown_file: written.markdownFile, html_bytes: written.htmlBytes, notes: written.notes };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const c = colours(process.stdout);
  process.stdout.write(readFileSync(written.markdownFile, 'utf8'));
  process.stdout.write(
    `${written.notes.map((text) => `\n${c.bold('note')}    ${text}`).join('')}\n${c.bold('report')}  ${written.htmlFile} (${(written.htmlBytes / 1024).toFixed(0)} KiB, ${written.elapsedMs.toFixed(0)} ms)\n${c.bold('summary')} ${written.markdownFile}\n`,
  );
  return 0;
}

export const command: Command = { name: 'report', summary: 'Regenerate the HTML report and summary.md of a run directory', usage, run: runReport };
