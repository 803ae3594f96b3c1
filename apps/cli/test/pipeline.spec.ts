import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readRunCsv } from '@euroflex/analytics';
import { canonicalVariant } from './configVariant';
import { cli } from './run';

const REPO = resolve(__dirname, '../../..');
const CANONICAL = join(REPO, 'examples/reference/examples/configs/canonical');
const REVISION = join(REPO, 'examples/revision');

interface Manifest {
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
}

const BUCKETS = [
  'revision_uplift_eur',
  'forecast_error_eur',
  'activation_deviation_eur',
  'imbalance_deviation_eur',
  'soc_drift_non_delivery_eur',
  'degradation_drift_eur',
] as const;

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `euroflex-pipeline-${prefix}-`));
}

/** path -> sha256 of a manifest, after checking each against the file on disk. */
function checkedChecksums(folder: string, manifest: Manifest): Record<string, string> {
  expect(manifest.files.length).toBeGreaterThan(0);
  const out: Record<string, string> = {};
  for (const file of manifest.files) {
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(createHash('sha256').update(readFileSync(join(folder, file.path))).digest('hex')).toBe(file.sha256);
    out[file.path] = file.sha256;
  }
  return out;
}

/** Intervals (per asset) where a revision window's plan differs from the baseline's. */
function revisedIntervals(runDir: string): number {
  const baseline = readRunCsv(join(runDir, 'baseline_schedule.csv'), 'baseline_schedule');
  const revision = readRunCsv(join(runDir, 'revision_schedule.csv'), 'revision_schedule');
  const key = (table: typeof baseline, row: number) => `${table.text('timestamp_utc')[row]} ${table.text('asset_id')[row]}`;
  const baselineRow = new Map<string, number>();
  for (let row = 0; row < baseline.rowCount; row += 1) {
    baselineRow.set(key(baseline, row), row);
  }
  const charge = { base: baseline.numbers('charge_mw'), rev: revision.numbers('charge_mw') };
  const discharge = { base: baseline.numbers('discharge_mw'), rev: revision.numbers('discharge_mw') };
  const status = revision.text('revision_status');
  let changed = 0;
  for (let row = 0; row < revision.rowCount; row += 1) {
    const b = baselineRow.get(key(revision, row));
    expect(b).toBeDefined();
    const differs = Math.abs(charge.rev[row] - charge.base[b as number]) > 1e-6 || Math.abs(discharge.rev[row] - discharge.base[b as number]) > 1e-6;
    if (differs) {
      expect(status[row]).toBe('revised');
      changed += 1;
    }
  }
  return changed;
}

describe('the canonical pipeline: validate-config, validate-data, backtest, reconcile, export-revision', () => {
  it.each([
    ['Belgian full stack, persistence', join(CANONICAL, 'belgium_full_stack.yaml'), ['--provider', 'persistence']],
    ['Dutch full stack, persistence', join(CANONICAL, 'netherlands_full_stack.yaml'), ['--provider', 'persistence']],
    ['Belgian full stack, vintaged csv', join(REVISION, 'belgium_full_stack_csv.yaml'), []],
    ['Dutch full stack, vintaged csv', join(REVISION, 'netherlands_full_stack_csv.yaml'), []],
  ])('%s', async (_label, config, providerArgs) => {
    expect(await cli('validate-config', config)).toMatchObject({ code: 0, stderr: '' });
    expect(await cli('validate-data', config)).toMatchObject({ code: 0 });

    const out = temp('runs');
    expect(await cli('backtest', config, ...providerArgs, '--out', out, '--debug-checks')).toMatchObject({ code: 0 });
    const [runName, ...others] = readdirSync(out);
    expect(others).toEqual([]);
    const runDir = join(out, runName);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8'));
    expect(summary.workflow).toBe('schedule_revision');
    expect(summary.provider_name).toBe(providerArgs.length > 0 ? 'persistence' : 'csv');

    // reconcile: realized equals the run's total, the buckets sum to realized - baseline expected,
    // and the standalone numbers are the inline ones.
    const reconcile = await cli('reconcile', runDir, '--json');
    expect(reconcile).toMatchObject({ code: 0 });
    const standalone = JSON.parse(reconcile.stdout);
    expect(standalone.realized_pnl_eur).toBe(summary.total_pnl_eur);
    const perAsset = Object.fromEntries(summary.asset_contribution_ranking.map((a: { asset_id: string; total_pnl_eur: number }) => [a.asset_id, a.total_pnl_eur]));
    for (const asset of standalone.assets) {
      expect(asset.realized_pnl_eur).toBe(perAsset[asset.asset_id]);
    }
    const bucketSum = BUCKETS.reduce((sum, name) => sum + standalone[name], 0);
    expect(Math.abs(bucketSum - (standalone.realized_pnl_eur - standalone.baseline_expected_pnl_eur))).toBeLessThan(1e-9);
    const totals = { ...standalone };
    delete totals.source_run_dir;
    expect(totals).toEqual(JSON.parse(readFileSync(join(runDir, 'reconciliation_summary.json'), 'utf8')));

    // export-revision: SHA-256 checksums that match the files, identical on a rerun.
    expect(await cli('export-revision', runDir, '--json')).toMatchObject({ code: 0 });
    const folder = join(runDir, 'exports', 'revision-benchmark');
    const checksums = checkedChecksums(folder, JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')));
    expect(Object.keys(checksums)).toEqual(expect.arrayContaining(['baseline_schedule.csv', 'schedule_lineage.csv']));
    expect(await cli('export-revision', runDir, '--json')).toMatchObject({ code: 0 });
    expect(checkedChecksums(folder, JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')))).toEqual(checksums);

    // The revisions re-planned something (vintaged csv: new forecasts at the checkpoints).
    expect(revisedIntervals(runDir)).toBeGreaterThan(0);
  });
});


describe('revision checkpoints on DST days', () => {
  it.each([
    ['does not exist on the spring-forward day', '2025-03-30', /revision checkpoint 02:30 does not exist on 2025-03-30 in Europe\/Brussels \(spring DST change\)/],
    ['occurs twice on the fall-back day', '2025-10-26', /revision checkpoint 02:30 occurs twice on 2025-10-26 in Europe\/Brussels \(autumn DST change\)/],
  ])('a checkpoint that %s fails validate-config with its field path', async (_label, date, message) => {
    const file = canonicalVariant((doc) => {
      doc.timing.delivery_start_date = date;
      doc.timing.delivery_end_date = date;
      doc.revision.revision_checkpoints_local = ['02:30', '12:00'];
    });
    const result = await cli('validate-config', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('revision.revision_checkpoints_local.0');
    expect(result.stderr).toMatch(message);
    // The other checkpoint is fine: only the DST one is reported.
    expect(result.stderr).not.toContain('revision_checkpoints_local.1');
  });

  it('the same checkpoints validate on an ordinary day', async () => {
    const file = canonicalVariant((doc) => {
      doc.revision.revision_checkpoints_local = ['02:30', '12:00'];
    });
    expect((await cli('validate-config', file)).code).toBe(0);
  });
});
