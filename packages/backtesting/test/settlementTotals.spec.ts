import { join } from 'node:path';
import { settleRun, settleRunTotals, settlementTotals, type BacktestOutcome } from '../src';
import { backtest, configVariant, REFERENCE, REPO } from './support/runs';

// The oracle settles only its totals (settleRunTotals), without the run-long columns. They must
// be the totals of the full settlement bit for bit: same values, same order of additions.

function expectSameTotals({ run }: BacktestOutcome): void {
  for (const days of [run.days, run.oracle.days]) {
    const full = settlementTotals(settleRun(days, run.context).site);
    const totals = settleRunTotals(days, run.context);
    expect(Object.keys(totals)).toEqual(Object.keys(full));
    for (const [name, value] of Object.entries(full)) {
      expect({ name, same: Object.is(totals[name as keyof typeof totals], value) }).toEqual({ name, same: true });
    }
  }
  expect(run.oracle.totals).toEqual(settleRunTotals(run.oracle.days, run.context));
}

describe('settlement totals without the columns', () => {
  it('equal the full settlement: a Dutch portfolio with aFRR activations replayed, two assets', async () => {
    const outcome = await backtest(join(REFERENCE, 'tests/fixtures/example_configs/reserve/netherlands_portfolio_da_plus_afrr_base.yaml'), { dryRun: true, provider: 'persistence' });
    expectSameTotals(outcome);
    expect(outcome.summary.total_pnl_eur).not.toBe(0);
  }, 60_000);

  it('equal the full settlement: a Dutch imbalance day (dual prices) and a Belgian FCR week with rainflow costs after the fact', async () => {
    const dutch = configVariant(join(REPO, 'examples/configs/real/netherlands_2024_da_plus_imbalance_persistence.yaml'), (doc) => {
      doc.timing = { ...(doc.timing as object), delivery_start_date: '2024-03-05', delivery_end_date: '2024-03-05' };
    });
    expectSameTotals(await backtest(dutch, { dryRun: true }));
    const fcrWeek = configVariant(join(REPO, 'examples/configs/real/belgium_2024_da_plus_fcr_persistence.yaml'), (doc) => {
      doc.timing = { ...(doc.timing as object), delivery_start_date: '2024-05-06', delivery_end_date: '2024-05-12' };
      doc.degradation = { mode: 'rainflow_offline', eur_per_equivalent_cycle: 60 };
    });
    const fcr = await backtest(fcrWeek, { dryRun: true });
    expect(fcr.summary.degradation_cost_eur).toBeGreaterThan(0);
    expectSameTotals(fcr);
  }, 120_000);
});
