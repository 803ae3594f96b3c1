import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBacktest } from '@euroflex/backtesting';
import { UserError } from '@euroflex/config';
import { UsageError } from '../src/cli/errors';
import { runExportBids } from '../src/commands/exportBids';
import { runExportRevision } from '../src/commands/exportRevision';
import { runExportSchedule } from '../src/commands/exportSchedule';

const REFERENCE = resolve(__dirname, '../../../examples/reference/tests/fixtures/example_configs');

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'euroflex-cli-export-'));
}

/** Run a command in-process, capturing stdout; errors propagate (main maps them to exit codes). */
async function capture(run: (argv: readonly string[]) => Promise<number>, ...argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    return { code: await run(argv), stdout };
  } finally {
    spy.mockRestore();
  }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the command to fail');
}

let revisionRun: string;
let daOnlyRun: string;

beforeAll(async () => {
  const backtest = async (config: string) => (await runBacktest({ config: join(REFERENCE, config), provider: 'persistence', outDir: temp(), debugChecks: true })).runDir ?? '';
  revisionRun = await backtest('basic/belgium_schedule_revision_da_only_base.yaml');
  daOnlyRun = await backtest('basic/belgium_portfolio_da_only_base.yaml');
}, 120_000);

describe('euroflex export-schedule | export-bids | export-revision', () => {
  it.each([
    ['export-schedule', runExportSchedule, 'benchmark, operator, submission_candidate'],
    ['export-bids', runExportBids, 'benchmark, bid_planning, submission_candidate'],
    ['export-revision', runExportRevision, 'benchmark, operator'],
  ] as const)('%s --help lists its profiles with their consumers', async (name, run, profiles) => {
    const { code, stdout } = await capture(run, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: euroflex ${name} RUN_DIR`));
    for (const profile of profiles.split(', ')) {
      expect(stdout).toMatch(new RegExp(`^ +${profile} +for [a-z_]+`, 'm'));
    }
  });

  it('writes the default folder and prints the files with their checksums', async () => {
    const { code, stdout } = await capture(runExportSchedule, daOnlyRun, '--profile', 'operator');
    expect(code).toBe(0);
    const folder = join(daOnlyRun, 'exports', 'schedule-operator');
    expect(stdout).toContain(folder);
    expect(stdout).toMatch(/site_schedule\.csv +96 rows/);
    expect(stdout).toMatch(/asset_schedule\.parquet +192 rows/);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(stdout).toContain(manifest.files[0].sha256.slice(0, 16));
  });

  it('prints the manifest with --json and honours --out', async () => {
    const out = join(temp(), 'bids');
    const { code, stdout } = await capture(runExportBids, daOnlyRun, '--profile', 'bid_planning', '--out', out, '--json');
    expect(code).toBe(0);
    const manifest = JSON.parse(stdout);
    expect(manifest).toMatchObject({ export_kind: 'bids', profile: 'bid_planning', intended_consumer: 'trader_or_scheduler', live_submission_ready: false });
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toEqual(manifest);
  });

  it('exports a revision run with the benchmark profile by default', async () => {
    const { code } = await capture(runExportRevision, revisionRun);
    expect(code).toBe(0);
    expect(existsSync(join(revisionRun, 'exports', 'revision-benchmark', 'schedule_lineage.parquet'))).toBe(true);
  });

  it('makes a missing or unknown profile a usage error naming the valid ones (exit 2)', async () => {
    const missing = await rejection(capture(runExportSchedule, daOnlyRun));
    expect(missing).toBeInstanceOf(UsageError);
    expect(missing.message).toBe('--profile is required: one of benchmark, operator, submission_candidate');
    const unknown = await rejection(capture(runExportBids, daOnlyRun, '--profile', 'operator'));
    expect(unknown).toBeInstanceOf(UsageError);
    expect(unknown.message).toBe('export-bids has no profile "operator": use one of benchmark, bid_planning, submission_candidate');
    expect(await rejection(capture(runExportRevision, revisionRun, '--profile', 'bid_planning'))).toBeInstanceOf(UsageError);
  });

  it('makes a folder that is not a run, a non-revision run and a refused submission user errors (exit 1)', async () => {
    const notRun = await rejection(capture(runExportSchedule, temp(), '--profile', 'benchmark'));
    expect(notRun).toBeInstanceOf(UserError);
    expect(notRun.message).toContain('summary.json');
    const notRevision = await rejection(capture(runExportRevision, daOnlyRun));
    expect(notRevision).toBeInstanceOf(UserError);
    expect(notRevision.message).toContain('export-revision needs a schedule_revision run');
    const refused = await rejection(capture(runExportSchedule, revisionRun, '--profile', 'submission_candidate'));
    expect(refused).toBeInstanceOf(UserError);
    expect(refused.message).toContain('day_ahead_proxy_deviation');
    const acknowledged = await capture(runExportSchedule, revisionRun, '--profile', 'submission_candidate', '--acknowledge-day-ahead-proxy');
    expect(acknowledged.code).toBe(0);
  });
});
