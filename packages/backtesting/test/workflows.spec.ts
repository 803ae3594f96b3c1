import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkRunInvariants } from '../src';
import { backtest, configVariant, REFERENCE } from './support/runs';

/** Every reference config (the custom_python one needs a Python module; live_inputs needs a token). */
function referenceConfigs(): string[] {
  const roots = ['examples/configs', 'tests/fixtures/example_configs'];
  const out: string[] = [];
  for (const root of roots) {
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(REFERENCE, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          walk(path);
        } else if (entry.name.endsWith('.yaml') && !entry.name.includes('custom_python') && !entry.name.includes('live_inputs')) {
          out.push(path);
        }
      }
    };
    walk(root);
  }
  return out.sort();
}

const CASES = referenceConfigs().flatMap((config) =>
  (['strict', 'reference_v1'] as const).flatMap((profile) => (['perfect_foresight', 'persistence'] as const).map((provider) => [config, profile, provider] as const)),
);

describe.each(CASES)('%s, %s, %s', (config, profile, provider) => {
  it('runs, every executed plan is valid, and the run stays within its oracle', async () => {
    const file = configVariant(join(REFERENCE, config), (doc) => {
      doc.model = { profile };
    });
    const { run, summary } = await backtest(file, { provider, dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.model.profile).toBe(profile);
    const tolerance = 1e-6 * Math.max(1, Math.abs(summary.oracle_total_pnl_eur));
    if (provider === 'perfect_foresight') {
      expect(Math.abs(summary.total_pnl_eur - summary.oracle_total_pnl_eur)).toBeLessThanOrEqual(
        summary.base_workflow === 'da_plus_imbalance' && profile === 'reference_v1' ? Number.POSITIVE_INFINITY : tolerance,
      );
    }
    // The charge on undelivered aFRR energy (0 by default) is stated wherever settlement applies it.
    const statesPenalty = summary.assumptions.some((text) => text.includes('afrr.non_delivery_penalty_eur_per_mwh'));
    expect(statesPenalty).toBe(summary.base_workflow === 'da_plus_afrr' && summary.model.activation_replay === 'actual_ratios');
    if (summary.afrr_non_delivered_mwh === 0) {
      expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + tolerance);
    }
  });
});
