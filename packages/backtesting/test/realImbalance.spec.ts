import { join } from 'node:path';
import { checkRunInvariants } from '../src';
import { backtest, configVariant, REPO } from './support/runs';

const DUTCH_YEAR = join(REPO, 'examples/configs/real/netherlands_2024_da_plus_imbalance_persistence.yaml');

/** The Dutch imbalance example on one day, optionally with another provider. */
function day(date: string, provider?: string): string {
  return configVariant(DUTCH_YEAR, (doc) => {
    const timing = doc.timing as Record<string, unknown>;
    timing.delivery_start_date = date;
    timing.delivery_end_date = date;
    if (provider) {
      (doc.forecast_provider as Record<string, unknown>).name = provider;
    }
  });
}

describe('a day whose persistence forecast holds a deeply negative imbalance price flat', () => {
  // On 2024-01-24 the last imbalance price visible at the D-1 gate is held flat over the
  // day: charging and discharging at once pays in every interval, so the day-ahead decision
  // gets a binary per interval and asset (192). It used to hit the 60 s time limit.
  it('stops the gate MILP at its node limit with a valid plan, within the proven oracle', async () => {
    const { run, summary } = await backtest(day('2024-01-24'), { dryRun: true });
    const gate = run.days[0].decisions.find((d) => d.decisionType === 'day_ahead_nomination');
    expect(gate?.status).toBe('node_limit');
    expect(gate?.binaryCount).toBe(192);
    // Imbalance prices are quarter-hourly: every solved decision of the day is solved on the
    // quarter-hours; a rebalance whose inputs equalled the previous one's solved nothing.
    const decisions = run.days[0].decisions;
    expect(new Set(decisions.filter((d) => d.solveKind !== 'reused').map((d) => d.gridMinutes))).toEqual(new Set([15]));
    expect(decisions.filter((d) => d.solveKind === 'reused').every((d) => Number.isNaN(d.gridMinutes))).toBe(true);
    // Stopped with a plan and a positive gap: the MILP bound lies above the plan.
    expect(gate?.mipGap).toBeGreaterThan(0);
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + 1e-6 * Math.abs(summary.oracle_total_pnl_eur));
    expect(summary.oracle_exceeded_by_non_delivery).toBe(false);
  }, 120_000);

  it('never limits a perfect-foresight run, its own oracle', async () => {
    const { run } = await backtest(day('2024-01-24', 'perfect_foresight'), { dryRun: true });
    expect(run.days.flatMap((d) => d.decisions.map((x) => x.status))).not.toContain('node_limit');
    expect(checkRunInvariants(run)).toEqual([]);
  }, 120_000);
});
