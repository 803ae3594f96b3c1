import { join } from 'node:path';
import { checkRunInvariants } from '../src';
import { backtest, configVariant, REPO } from './support/runs';

const REAL = join(REPO, 'examples/configs/real');

/** The real-data example configs: da_only and da_plus_fcr, both profiles, both providers. */
const CONFIGS = ['da_only', 'da_plus_fcr'].flatMap((workflow) =>
  ['', '_reference_v1'].flatMap((profile) => ['perfect_foresight', 'persistence'].map((provider) => `belgium_2024_${workflow}_${provider}${profile}.yaml`)),
);

function window(file: string, startDate: string, endDate: string): string {
  return configVariant(join(REAL, file), (doc) => {
    const timing = doc.timing as Record<string, unknown>;
    timing.delivery_start_date = startDate;
    timing.delivery_end_date = endDate;
  });
}

describe.each(CONFIGS)('%s on real 2024 data', (file) => {
  it.each([
    ['around the spring DST change', '2024-03-30', '2024-04-02', [96, 92, 96, 96]],
    ['around the autumn DST change', '2024-10-26', '2024-10-29', [96, 100, 96, 96]],
  ])('runs %s with valid plans, within its oracle', async (_label, start, end, lengths) => {
    const { run, summary } = await backtest(window(file, start as string, end as string), { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    expect(run.days.map((day) => day.instantsMs.length)).toEqual(lengths);
    expect(summary.total_pnl_eur).toBeLessThanOrEqual(summary.oracle_total_pnl_eur + 1e-6 * Math.max(1, Math.abs(summary.oracle_total_pnl_eur)));
    if (summary.base_workflow === 'da_plus_fcr') {
      expect(summary.reserve_capacity_revenue_eur).toBeGreaterThan(0);
      expect((summary as Readonly<Record<string, unknown>>)['fcr_reserved_mw_max']).toBeGreaterThan(0);
    }
  });
});
