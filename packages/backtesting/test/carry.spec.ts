import { join } from 'node:path';
import { checkRunInvariants, oracleMode } from '../src';
import { backtest, configVariant, REFERENCE } from './support/runs';

const SINGLE = join(REFERENCE, 'tests/fixtures/example_configs/basic/belgium_da_only_base.yaml');

/** Two delivery days (the sample data cover 2025-06-16 and 2025-06-17) with a free terminal SoC. */
function twoDaysFreeTerminal(profile?: 'reference_v1'): string {
  return configVariant(SINGLE, (doc) => {
    const timing = doc.timing as Record<string, unknown>;
    timing.delivery_start_date = '2025-06-16';
    const battery = ((doc.assets as Record<string, unknown>[])[0].battery ?? {}) as Record<string, unknown>;
    delete battery.terminal_soc_mwh;
    if (profile) {
      doc.model = { profile };
    }
  });
}

describe('SoC across days', () => {
  it('strict carries the realized end SoC of day 1 into day 2 and bounds the run with a joint oracle', async () => {
    const { run, summary } = await backtest(twoDaysFreeTerminal(), { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    const [day1, day2] = run.days;
    expect(day2.assets[0].socMwh[0]).toBe(day1.assets[0].socMwh[day1.assets[0].socMwh.length - 1]);
    // With a free terminal the day ends at the floor (stored energy has no value at the end).
    expect(day1.assets[0].socMwh[96]).toBeCloseTo(0.3, 9);
    expect(oracleMode(run.context)).toBe('joint');
    expect(summary.oracle_mode).toBe('joint');
    expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + 1e-6);
  });

  it('reference_v1 resets every day to initial_soc_mwh, creating energy at midnight (the reference behaviour)', async () => {
    const strict = await backtest(twoDaysFreeTerminal(), { dryRun: true });
    const { run, summary } = await backtest(twoDaysFreeTerminal('reference_v1'), { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(run.days[1].assets[0].socMwh[0]).toBe(1.0);
    expect(summary.model.soc_carry).toBe('reset_daily');
    // Starting day 2 full again is worth more than carrying the empty battery: the flaw Q2.
    expect(summary.total_pnl_eur).toBeGreaterThan(strict.summary.total_pnl_eur);
  });
});
