import { join } from 'node:path';
import { assetDispatchTable, runReasonCodes, siteDispatchTable } from '../src';
import { backtest, configVariant, REFERENCE } from './support/runs';

const PORTFOLIO = join(REFERENCE, 'tests/fixtures/example_configs/basic/belgium_portfolio_da_only_base.yaml');

function column(table: ReturnType<typeof siteDispatchTable>, name: string): ArrayLike<unknown> {
  const found = table.columns.find((c) => c.name === name);
  if (!found) {
    throw new Error(`no column ${name} in ${table.name}`);
  }
  return found.values;
}

function total(counts: Readonly<Record<string, number | undefined>>): number {
  return Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

describe('reason codes of a run', () => {
  it('code every site and asset interval, in the tables and the summary counts', async () => {
    // Two batteries (1.0 and 0.8 MW) behind a 1.4 MW POI: the POI binds at the peaks.
    const { run, summary } = await backtest(PORTFOLIO, { dryRun: true });
    const codes = runReasonCodes(run);
    const n = run.settlement.instantsMs.length;
    expect(n).toBe(96);
    expect(codes.site).toHaveLength(n);
    expect(codes.assets.map((a) => a.length)).toEqual([n, n]);
    expect(Array.from(column(siteDispatchTable(run), 'reason_code'))).toEqual(codes.site);
    expect(Array.from(column(assetDispatchTable(run), 'reason_code'))).toEqual(codes.assets.flat());
    expect(total(summary.reason_code_counts)).toBe(n);
    for (const id of summary.asset_ids) {
      expect(total(summary.asset_reason_code_counts[id])).toBe(n);
    }
    // Counts are keyed in alphabetical order.
    const keys = Object.keys(summary.reason_code_counts);
    expect(keys).toEqual([...keys].sort());

    // The POI code appears, and only where the site uses the whole POI on one side.
    const poiIntervals = codes.site.flatMap((code, t) => (code === 'blocked_by_site_poi_limit' ? [t] : []));
    expect(poiIntervals.length).toBeGreaterThan(0);
    const net = column(siteDispatchTable(run), 'net_export_mw') as ArrayLike<number>;
    for (const t of poiIntervals) {
      expect(Math.abs(net[t])).toBeCloseTo(1.4, 6);
    }
    // Assets never get the site code.
    expect(codes.assets.flat()).not.toContain('blocked_by_site_poi_limit');
  });

  it('never code the POI when it is as large as the assets together', async () => {
    const roomy = configVariant(PORTFOLIO, (doc) => {
      const site = doc.site as Record<string, number>;
      site.poi_import_limit_mw = 1.8;
      site.poi_export_limit_mw = 1.8;
    });
    const { run, summary } = await backtest(roomy, { dryRun: true });
    expect(runReasonCodes(run).site).not.toContain('blocked_by_site_poi_limit');
    expect(summary.reason_code_counts.blocked_by_site_poi_limit).toBeUndefined();
    // Something traded: the day has a spread worth more than the losses.
    const traded = (summary.reason_code_counts.charge_for_da_spread ?? 0) + (summary.reason_code_counts.discharge_for_da_spread ?? 0);
    expect(traded).toBeGreaterThan(0);
  });
});
