import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkInlineReconciliation } from '../src/commands/pipeline';
import { CANONICAL_BELGIUM, canonicalVariant } from './configVariant';
import { cli } from './run';

const REPO = resolve(__dirname, '../../..');
const CONFIGS = join(REPO, 'examples/reference/examples/configs');
const STEPS = ['validate-config', 'validate-data', 'backtest', 'reconcile'];

function onlyRunDir(out: string): string {
  const entries = readdirSync(out);
  expect(entries).toHaveLength(1);
  return join(out, entries[0]);
}

describe('euroflex pipeline', () => {
  it('runs the five steps of the canonical Belgian revision flow in one process', async () => {
    const out = mkdtempSync(join(tmpdir(), 'euroflex-pipeline-command-'));
    const result = await cli('pipeline', CANONICAL_BELGIUM, '--provider', 'persistence', '--out', out, '--no-report', '--debug-checks');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const headers = result.stdout.split('\n').filter((line) => line.startsWith('== '));
    expect(headers).toEqual([...STEPS, 'export-revision'].map((step) => `== ${step}`));
    expect(result.stdout).toContain('standalone = inline reconciliation_summary.json');

    const runDir = onlyRunDir(out);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ workflow: 'schedule_revision', provider_name: 'persistence' });
    expect(existsSync(join(runDir, 'report'))).toBe(false);
    // reconcile wrote its own copy, equal to the inline one; the export has its manifest.
    expect(JSON.parse(readFileSync(join(runDir, 'reconciliation', 'reconciliation_summary.json'), 'utf8'))).toMatchObject(
      JSON.parse(readFileSync(join(runDir, 'reconciliation_summary.json'), 'utf8')),
    );
    const manifest = JSON.parse(readFileSync(join(runDir, 'exports', 'revision-benchmark', 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('schedule_lineage.csv');
    // A standalone number that differs from the inline one is reported by name.
    const inlineFile = join(runDir, 'reconciliation_summary.json');
    const inline = JSON.parse(readFileSync(inlineFile, 'utf8'));
    writeFileSync(inlineFile, JSON.stringify({ ...inline, forecast_error_eur: inline.forecast_error_eur + 0.01 }));
    expect(() => checkInlineReconciliation(runDir)).toThrow(/differs from the backtest's inline one in forecast_error_eur \(/);
    // The last line times each step.
    expect(result.stdout.trim().split('\n').pop()).toMatch(/^validate-config \d+ ms, validate-data \d+ ms, backtest \d+ ms, reconcile \d+ ms, export-revision \d+ ms$/);
  });

  it('exports the schedule of a run of a base workflow, with the profile asked for', async () => {
    const out = mkdtempSync(join(tmpdir(), 'euroflex-pipeline-command-'));
    const result = await cli('pipeline', join(CONFIGS, 'reserve/belgium_da_plus_afrr_base.yaml'), '--provider', 'persistence', '--out', out, '--no-report', '--profile', 'operator', '--debug-checks');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('== export-schedule');
    expect(result.stdout).not.toContain('== export-revision');
    expect(result.stdout).toContain('no inline reconciliation to compare');
    const runDir = onlyRunDir(out);
    expect(existsSync(join(runDir, 'exports', 'schedule-operator', 'manifest.json'))).toBe(true);
  });

  it('stops at the first failing step with its exit code, before anything is written', async () => {
    const file = canonicalVariant((doc) => {
      (doc.data.day_ahead as { actual_path: string }).actual_path = join(REPO, 'no-such-folder', 'day_ahead.csv');
    });
    const out = join(dirname(file), 'runs');

    const result = await cli('pipeline', file, '--provider', 'persistence', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('== validate-data');
    expect(result.stdout).not.toContain('== backtest');
    expect(result.stderr).toContain('pipeline stopped: validate-data exited 1');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['a profile no export has: before the first step', 'bid_planning', [], '--profile "bid_planning" is no export profile: export-schedule takes benchmark, operator, submission_candidate'],
    ["a profile the run's export lacks: once the config is read, before the data", 'submission_candidate', ['validate-config'], 'export-revision has no profile "submission_candidate": use one of benchmark, operator'],
  ])('rejects %s, writing nothing', async (_label, profile, ran, message) => {
    const out = join(mkdtempSync(join(tmpdir(), 'euroflex-pipeline-command-')), 'runs');
    const result = await cli('pipeline', CANONICAL_BELGIUM, '--profile', profile, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('== '))).toEqual(ran.map((step) => `== ${step}`));
    expect(result.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a missing CONFIG as a usage error', async () => {
    const result = await cli('pipeline');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected CONFIG');
  });
});
