import { join } from 'node:path';
import { UserError } from '@euroflex/config';
import { checkRunInvariants } from '../src';
import { backtest, configVariant, REFERENCE, REPO } from './support/runs';

const CUSTOM = join(REPO, 'examples/custom');

describe('custom_module forecasts through the engine', () => {
  it('runs the blended-persistence example (JS module) as an auditable provider', async () => {
    const { run, summary } = await backtest(join(CUSTOM, 'belgium_da_only_blended_persistence.yaml'), { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.auditable).toBe(true);
    expect(summary.provider_name).toMatch(/custom_module/);
    expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + 1e-6);
  });

  it.each([
    ['expected_value', {}],
    ['downside_penalty', { penalty_lambda: 0.5 }],
    ['cvar', { penalty_lambda: 1, tail_alpha: 0.5 }],
  ])('plans on a two-scenario bundle with risk mode %s', async (mode, extra) => {
    const file = configVariant(join(CUSTOM, 'belgium_da_only_two_scenario_bundle.yaml'), (doc) => {
      doc.risk = { mode, ...extra };
      const provider = doc.forecast_provider as Record<string, unknown>;
      provider.module_path = join(CUSTOM, String(provider.module_path).replace(/^.*\//, ''));
    });
    const { run, summary } = await backtest(file, { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.risk_mode).toBe(mode);
    expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + 1e-6);
  });

  it('refuses the reference custom_python config: Python is never executed', async () => {
    const original = join(REFERENCE, 'examples/configs/custom/belgium_full_stack_custom_python.yaml');
    const file = configVariant(original, (doc) => {
      doc.workflow = 'da_plus_afrr';
      delete doc.revision;
      const provider = doc.forecast_provider as Record<string, unknown>;
      provider.module_path = join(REFERENCE, 'examples/custom_models/deterministic_visible_mean.py');
    });
    const error = await backtest(file, { dryRun: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/Python/);
    expect((error as UserError).message).toContain('blended_persistence.mjs');
  });
});
