import { join } from 'node:path';
import { BELGIUM_DA_ONLY_2025_06_17_OBJECTIVE_EUR, independentDayAheadOptimumEur } from '@euroflex/optimization/testing';
import { checkRunInvariants, dayAheadProblem } from '../src';
import { backtest, REFERENCE } from './support/runs';

/** Every da_only config of the reference: its examples and its test fixtures. */
const DA_ONLY_CONFIGS = [
  'examples/configs/basic/netherlands_da_only_base.yaml',
  'tests/fixtures/example_configs/basic/belgium_da_only_base.yaml',
  'tests/fixtures/example_configs/basic/netherlands_da_only_base.yaml',
  'tests/fixtures/example_configs/basic/belgium_portfolio_da_only_base.yaml',
  'tests/fixtures/example_configs/basic/netherlands_portfolio_da_only_base.yaml',
];

describe.each(DA_ONLY_CONFIGS)('reference config %s', (relative) => {
  const file = join(REFERENCE, relative);

  it('runs with perfect foresight at the independently computed optimum, equal to its oracle', async () => {
    const { run, summary } = await backtest(file, { provider: 'perfect_foresight', dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.decision_count).toBe(1);
    expect(summary.interval_count).toBe(96);
    // The day's optimum from a second formulation (LP text, no SoC columns, POI as rows).
    const day = run.days[0];
    const problem = dayAheadProblem(run.context, day.instantsMs, run.context.assets.map((a) => a.initialSocMwh), day.series.day_ahead?.actual as Float64Array);
    expect(summary.total_pnl_eur).toBeCloseTo(await independentDayAheadOptimumEur(problem), 6);
    expect(summary.total_pnl_eur).toBe(summary.oracle_total_pnl_eur);
    expect(summary.expected_total_pnl_eur).toBe(summary.total_pnl_eur);
  });

  it('runs with persistence, auditable and never above its oracle', async () => {
    const { run, summary } = await backtest(file, { provider: 'persistence', dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.auditable).toBe(true);
    expect(summary.provider_name).toBe('persistence');
    expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + 1e-6);
    // Persistence plans on the previous day's prices: the forecast error is real, not zero.
    expect(summary.forecast_error.day_ahead?.mae).toBeGreaterThan(0);
  });
});

describe('the Belgian single-asset sample day', () => {
  it('earns the hand-checked optimum end to end: 164.81 EUR', async () => {
    const { summary } = await backtest(join(REFERENCE, DA_ONLY_CONFIGS[1]), { dryRun: true });
    expect(summary.provider_name).toBe('perfect_foresight');
    expect(summary.total_pnl_eur).toBeCloseTo(BELGIUM_DA_ONLY_2025_06_17_OBJECTIVE_EUR, 9);
    // Money adds up: DA revenue less degradation at 4 EUR per MWh of throughput.
    expect(summary.da_revenue_eur - summary.degradation_cost_eur).toBeCloseTo(summary.total_pnl_eur, 9);
    expect(summary.degradation_cost_eur).toBeCloseTo(4 * summary.throughput_mwh, 9);
  });
});
