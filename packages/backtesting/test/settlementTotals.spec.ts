import { join } from 'node:path';
import { oracleFromDays, settleRun, settleRunTotals, settlementTotals, type BacktestOutcome } from '../src';
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

  it('of a perfect-foresight run are its oracle totals, taken from its settlement, bit for bit what settling the oracle would give', async () => {
    const week = configVariant(join(REPO, 'examples/configs/real/belgium_2024_da_plus_fcr_perfect_foresight.yaml'), (doc) => {
      doc.timing = { ...(doc.timing as object), delivery_start_date: '2024-05-06', delivery_end_date: '2024-05-12' };
    });
    const { run } = await backtest(week, { dryRun: true });
    expect(run.oracle.days).toBe(run.days);
    const settled = settleRunTotals(run.days, run.context);
    for (const [name, value] of Object.entries(settled)) {
      expect({ name, same: Object.is(run.oracle.totals[name as keyof typeof settled], value) }).toEqual({ name, same: true });
    }
    // Given totals are kept as they are; without them the days are settled once, when first read.
    const given = settlementTotals(run.settlement.site);
    expect(oracleFromDays(run.context, run.days, run.stats, given).totals).toBe(given);
    const lazy = oracleFromDays(run.context, run.days, run.stats);
    expect(lazy.totals).toEqual(settled);
    expect(lazy.totals).toBe(lazy.totals);
  }, 60_000);
});
