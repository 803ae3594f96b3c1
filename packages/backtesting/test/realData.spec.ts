import { join } from 'node:path';
import { loadConfig } from '@euroflex/config';
import { localDatesBetween } from '@euroflex/markets';
import { checkRunInvariants, decisionLogTable, tableRows } from '../src';
import { loadRunInputs } from '../src/io/loadRunInputs';
import { backtest, configVariant, REPO, sharedSolver } from './support/runs';

const YEAR_PF = join(REPO, 'examples/configs/real/belgium_2024_da_only_perfect_foresight.yaml');
const YEAR_PERSISTENCE = join(REPO, 'examples/configs/real/belgium_2024_da_only_persistence.yaml');

function window(startDate: string, endDate: string, base = YEAR_PF): string {
  return configVariant(base, (doc) => {
    const timing = doc.timing as Record<string, unknown>;
    timing.delivery_start_date = startDate;
    timing.delivery_end_date = endDate;
  });
}

describe('real Belgian day-ahead prices, 2024, canonical two-battery site', () => {
  it('solves the negative-price day 2024-07-06 (-140 EUR/MWh) with binaries and never charges and discharges at once', async () => {
    const { run } = await backtest(window('2024-07-05', '2024-07-07'), { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    const log = tableRows(decisionLogTable(run));
    const kinds = Object.fromEntries(log.map((row) => [row.delivery_date_local, row.solve_kind]));
    // The binary fallback is solved to proven optimality.
    const milp = log.find((row) => row.solve_kind === 'milp');
    expect(milp?.mip_gap).not.toBeNull();
    expect(milp?.mip_gap as number).toBeLessThanOrEqual(1e-6);
    expect(milp?.binary_count as number).toBeGreaterThan(0);
    // Burning energy pays below -k(1+eta^2)/(1-eta^2), about -78 EUR/MWh at 4 EUR/MWh and eta 0.95.
    expect(kinds).toEqual({ '2024-07-05': 'lp', '2024-07-06': 'milp', '2024-07-07': 'lp' });
    // Hourly prices: every day is solved on the hour, the MILP's burning hours on the quarter-hour.
    expect(log.map((row) => row.grid_minutes)).toEqual([60, 60, 60]);
    for (const day of run.days) {
      for (const asset of day.assets) {
        for (let t = 0; t < asset.chargeMw.length; t += 1) {
          expect(Math.min(asset.chargeMw[t], asset.dischargeMw[t])).toBeLessThanOrEqual(1e-9);
        }
      }
    }
  });

  it('runs both DST days of 2024 from the filled file: 92 and 100 quarter-hours', async () => {
    const { run } = await backtest(window('2024-03-31', '2024-04-01', YEAR_PERSISTENCE), { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(run.days.map((day) => day.instantsMs.length)).toEqual([92, 96]);
    const autumn = await backtest(window('2024-10-27', '2024-10-28', YEAR_PERSISTENCE), { dryRun: true });
    expect(checkRunInvariants(autumn.run)).toEqual([]);
    expect(autumn.run.days.map((day) => day.instantsMs.length)).toEqual([100, 96]);
  });

  it('runs the full calendar year: 366 decisions, 35,136 quarter-hours, every plan valid', async () => {
    const { run, summary } = await backtest(YEAR_PF, { dryRun: true });
    expect(summary.decision_count).toBe(366);
    expect(summary.interval_count).toBe(35_136);
    expect(checkRunInvariants(run)).toEqual([]);
    expect(summary.total_pnl_eur).toBe(summary.oracle_total_pnl_eur);
    expect(summary.solver.milp_solves).toBeGreaterThan(0);
    expect(summary.total_pnl_eur).toBeGreaterThan(0);
  });
});

describe('the oracle of a persistence run reuses the gate solves it repeats', () => {
  // Persistence plans day D + 1 with day D's actual prices, from the pinned terminal SoC: the
  // same model as the oracle's day D. A month with a negative-price day (2024-07-06, MILP).
  it('answers those oracle days from memory and gets the same oracle as solving them', async () => {
    const config = window('2024-06-20', '2024-07-20', YEAR_PERSISTENCE);
    const reused = await backtest(config, { dryRun: true });
    const solved = await backtest(config, { dryRun: true, memo: false });
    const oracle = reused.run.oracle.stats;
    // Day D + 1's gate is solved before day D's oracle: every oracle day but the last repeats one.
    expect(oracle.memoSolves).toBeGreaterThanOrEqual(reused.run.oracle.days.length - 1);
    expect(oracle.lpSolves).toBeLessThan(solved.run.oracle.stats.lpSolves);
    expect(solved.run.oracle.stats.memoSolves).toBe(0);
    // The oracle's MILP of 2024-07-06 is the gate's of 2024-07-07, proven within its node limit.
    expect(solved.run.oracle.stats.milpSolves).toBeGreaterThan(0);
    expect(oracle.milpSolves).toBe(0);
    expect(reused.summary.solver.oracle_memo_solves).toBe(oracle.memoSolves);
    // The walk-forward itself never repeats a whole-day model here.
    expect(reused.run.stats.memoSolves).toBe(0);
    expect(reused.summary.total_pnl_eur).toBe(solved.summary.total_pnl_eur);
    const relative = Math.abs(reused.summary.oracle_total_pnl_eur - solved.summary.oracle_total_pnl_eur) / Math.abs(solved.summary.oracle_total_pnl_eur);
    expect(relative).toBeLessThanOrEqual(1e-9);
    expect(checkRunInvariants(reused.run)).toEqual([]);
    expect(checkRunInvariants(solved.run)).toEqual([]);
  });
});

describe('the memo of whole-day models', () => {
  it('exists only for runs whose oracle solves days again: persistence keeps one, perfect foresight (its own oracle) none', async () => {
    for (const [base, expected] of [
      [YEAR_PERSISTENCE, true],
      [YEAR_PF, false],
    ] as const) {
      const { config } = loadConfig(window('2024-06-20', '2024-06-22', base));
      const dates = localDatesBetween(config.timing.delivery_start_date, config.timing.delivery_end_date);
      const inputs = await loadRunInputs(config, { dates, solver: await sharedSolver(), memo: true, debugChecks: true, allowCustomModule: false });
      expect({ provider: config.forecast_provider.name, memo: inputs.memo !== undefined }).toEqual({ provider: config.forecast_provider.name, memo: expected });
    }
  });
});
