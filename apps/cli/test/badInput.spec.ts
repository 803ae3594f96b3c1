import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { referenceVariant } from './configVariant';
import { cli } from './run';

const REPO = resolve(__dirname, '../../..');
const REFERENCE = join(REPO, 'examples/reference');


describe('bad input gets a clear error naming the field', () => {
  it('a reserve workflow without its series', async () => {
    const file = referenceVariant('tests/fixtures/example_configs/reserve/belgium_da_plus_fcr_base.yaml', (doc) => {
      delete (doc.data as Record<string, unknown>).fcr_capacity;
    });
    const result = await cli('validate-config', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/data\.fcr_capacity|FCR capacity actual input is required/);
  });

  it('a reserve workflow without its block', async () => {
    const file = referenceVariant('tests/fixtures/example_configs/reserve/belgium_da_plus_afrr_base.yaml', (doc) => {
      delete doc.afrr;
    });
    const result = await cli('validate-config', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('afrr configuration block is required for da_plus_afrr');
  });

  it('a block length that does not divide the day', async () => {
    const file = referenceVariant('tests/fixtures/example_configs/reserve/belgium_da_plus_fcr_base.yaml', (doc) => {
      (doc.fcr as Record<string, unknown>).block_minutes = 135;
    });
    const result = await cli('validate-config', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fcr.block_minutes');
  });

  it('a portfolio da_plus_imbalance is supported now: it validates and runs', async () => {
    const file = referenceVariant('tests/fixtures/example_configs/basic/belgium_portfolio_da_only_base.yaml', (doc) => {
      doc.workflow = 'da_plus_imbalance';
      (doc.data as Record<string, unknown>).imbalance = { actual_path: join(REFERENCE, 'examples/data/belgium_imbalance_prices.csv') };
    });
    expect((await cli('validate-config', file)).code).toBe(0);
    const run = await cli('backtest', file, '--out', mkdtempSync(join(tmpdir(), 'euroflex-out-')), '--json', '--debug-checks');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ run_scope: 'portfolio', base_workflow: 'da_plus_imbalance' });
  });

  it('a scenario set whose weights do not sum to 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'euroflex-scen-'));
    const module = join(dir, 'bad_weights.mjs');
    writeFileSync(
      module,
      `export class BadWeights {
  forecast(request) {
    const n = request.deliveryInstantsMs.length;
    const values = new Array(n).fill(50);
    return { scenarios: [{ id: 'low', weight: 0.5, values }, { id: 'high', weight: 0.4, values }] };
  }
}
`,
    );
    const file = referenceVariant('tests/fixtures/example_configs/basic/belgium_da_only_base.yaml', (doc) => {
      doc.forecast_provider = { name: 'custom_module', mode: 'scenario_bundle', module_path: module, class_name: 'BadWeights' };
    });
    const result = await cli('backtest', file, '--out', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/weights/i);
    expect(result.stderr).toContain('0.9');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('validate-data checks the csv provider\'s forecast files, as the backtest reads them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'euroflex-fc-'));
    const missing = join(dir, 'nope.csv');
    const file = referenceVariant('tests/fixtures/example_configs/basic/belgium_da_only_base.yaml', (doc) => {
      doc.forecast_provider = { name: 'csv', day_ahead_path: missing };
    });
    const result = await cli('validate-data', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`day_ahead forecast +1 problem\\(s\\) +${missing}`));
    expect(result.stderr).toContain(`${missing}: forecast_provider.day_ahead_path: cannot read the \`day_ahead\` forecast file ${missing}`);
    const json = await cli('validate-data', file, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, forecast_files: [{ series: 'day_ahead', file: missing, issues: [{ code: 'file_unreadable' }] }] });
  });

  it('validate-data looks for a custom module without running it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'euroflex-mod-'));
    const withModule = (modulePath: string) =>
      referenceVariant('tests/fixtures/example_configs/basic/belgium_da_only_base.yaml', (doc) => {
        doc.forecast_provider = { name: 'custom_module', module_path: modulePath, class_name: 'Forecaster' };
      });
    const missing = join(dir, 'missing.mjs');
    const result = await cli('validate-data', withModule(missing));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`forecast module +1 problem\\(s\\) +${missing}`));
    expect(result.stderr).toContain(`cannot read module_path ${missing}`);
    const python = join(dir, 'forecaster.py');
    writeFileSync(python, 'class Forecaster: pass\n');
    expect((await cli('validate-data', withModule(python))).stderr).toContain('euroflex does not execute Python modules');
    // A module that would hang or throw when run is still only looked for: it exists, so it is fine here.
    const present = join(dir, 'present.mjs');
    writeFileSync(present, 'export class Forecaster { forecast() { return new Promise(() => {}); } }\n');
    const found = await cli('validate-data', withModule(present));
    expect(found.code).toBe(0);
    expect(JSON.parse((await cli('validate-data', withModule(present), '--json')).stdout)).toMatchObject({ ok: true, forecast_module: { file: present, issues: [] } });
  });

  it('validate-data asks persistence for the history a publication lag of 50 hours needs', async () => {
    const file = referenceVariant('tests/fixtures/example_configs/reserve/belgium_da_plus_fcr_base.yaml', (doc) => {
      doc.forecast_provider = { name: 'persistence' };
      (doc.market as Record<string, unknown>).publication_lags = { fcr_capacity: 3000 };
    });
    const result = await cli('validate-data', file);
    expect(result.code).toBe(1);
    // FCR of day X is public on X+1 at 10:00; at the 08:00 gate on 2025-06-16 the latest public day is 2025-06-14.
    expect(result.stderr).toContain('fcr_capacity does not cover the 3 history day(s) before the window');
  });
});
