import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '@euroflex/config';
import { runBacktest } from '@euroflex/backtesting';
import { runReport } from '../src/commands/report';
import { UsageError } from '../src/cli/errors';
import { capture } from './run';

const REPO = resolve(__dirname, '../../..');
const PORTFOLIO = join(REPO, 'examples/reference/tests/fixtures/example_configs/basic/belgium_portfolio_da_only_base.yaml');

describe('euroflex report RUN_DIR', () => {
  let runDir: string;
  beforeAll(async () => {
    const outcome = await runBacktest({ config: PORTFOLIO, provider: 'persistence', outDir: mkdtempSync(join(tmpdir(), 'euroflex-cli-report-')), debugChecks: true });
    runDir = outcome.runDir as string;
  });

  it('writes report/index.html and report/summary.md and prints the summary', async () => {
    const result = await capture(() => runReport([runDir]));
    expect(result.code).toBe(0);
    const html = join(runDir, 'report', 'index.html');
    const markdown = join(runDir, 'report', 'summary.md');
    expect(existsSync(html)).toBe(true);
    expect(result.stdout.startsWith(readFileSync(markdown, 'utf8'))).toBe(true);
    expect(result.stdout).toContain('# belgium-portfolio-da-only: belgium.da_only.persistence.portfolio');
    expect(result.stdout).toContain(html);
  });

  it('prints the written paths and size with --json', async () => {
    const result = await capture(() => runReport([runDir, '--json']));
    const out = JSON.parse(result.stdout) as { html_file: string; markdown_file: string; html_bytes: number };
    expect(out.html_file).toBe(join(runDir, 'report', 'index.html'));
    expect(out.html_bytes).toBe(statSync(out.html_file).size);
  });

  it('notes that --detail-week has no effect on a run of 14 days or fewer', async () => {
    await capture(() => runReport([runDir]));
    const page = readFileSync(join(runDir, 'report', 'index.html'));
    const result = await capture(() => runReport([runDir, '--detail-week', '2025-06-17']));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('note    detail week 2025-06-17 (--detail-week) ignored: the run has 1 local day (2025-06-17 .. 2025-06-17), and runs of 14 days or fewer are drawn at 15-minute resolution throughout');
    const json = JSON.parse((await capture(() => runReport([runDir, '--detail-week', '2025-06-17', '--json']))).stdout) as { notes: string[] };
    expect(json.notes).toHaveLength(1);
    // The page is the run's own, whatever the option.
    expect(readFileSync(join(runDir, 'report', 'index.html')).equals(page)).toBe(true);
    expect((JSON.parse((await capture(() => runReport([runDir, '--json']))).stdout) as { notes: string[] }).notes).toEqual([]);
  });

  it('prints its usage with --help and refuses bad arguments', async () => {
    const help = await capture(() => runReport(['--help']));
    expect(help.stdout).toMatch(/^Usage: euroflex report RUN_DIR/);
    await expect(runReport([])).rejects.toThrow(UsageError);
    await expect(runReport([runDir, '--detail-week', 'june'])).rejects.toThrow(UsageError);
    await expect(runReport([runDir, '--detail-week', '2024-13-01'])).rejects.toThrow('--detail-week "2024-13-01" is not a valid date: expected a local date YYYY-MM-DD');
    await expect(runReport([runDir, '--detail-week', '2023-02-29'])).rejects.toThrow(UsageError);
    await expect(runReport([join(runDir, 'nope')])).rejects.toThrow(UserError);
  });
});
