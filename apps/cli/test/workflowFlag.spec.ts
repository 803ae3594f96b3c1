import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from './run';

const CONFIGS = resolve(__dirname, '../../../examples/reference/tests/fixtures/example_configs');
const DA_PLUS_FCR = join(CONFIGS, 'reserve/belgium_da_plus_fcr_base.yaml');
const DA_ONLY = join(CONFIGS, 'basic/belgium_da_only_base.yaml');

describe('euroflex backtest --workflow', () => {
  it('runs a da_plus_fcr config as da_only', async () => {
    const out = mkdtempSync(join(tmpdir(), 'euroflex-cli-workflow-'));
    const result = await cli('backtest', DA_PLUS_FCR, '--workflow', 'da_only', '--out', out, '--json', '--no-report', '--debug-checks');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { workflow: string; reserve_capacity_revenue_eur: number; benchmark_name: string };
    expect(summary.workflow).toBe('da_only');
    expect(summary.benchmark_name).toBe('belgium.da_only.perfect_foresight.single_asset');
    expect(summary.reserve_capacity_revenue_eur).toBe(0);
  });

  it('refuses a workflow whose series and block the config lacks, naming the fields (exit 1)', async () => {
    const result = await cli('backtest', DA_ONLY, '--workflow', 'da_plus_fcr', '--out', mkdtempSync(join(tmpdir(), 'euroflex-cli-workflow-')));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: --workflow da_plus_fcr does not fit ${DA_ONLY}`);
    expect(result.stderr).toContain(`${DA_ONLY}: data.fcr_capacity: FCR capacity actual input is required for da_plus_fcr`);
    expect(result.stderr).toContain(`${DA_ONLY}: fcr: fcr configuration block is required for da_plus_fcr`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown workflow as a usage error (exit 2)', async () => {
    const result = await cli('backtest', DA_ONLY, '--workflow', 'da_plus_everything');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--workflow must be one of da_only, da_plus_imbalance, da_plus_fcr, da_plus_afrr, schedule_revision, got "da_plus_everything"');
  });
});
