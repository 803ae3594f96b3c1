import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '@euroflex/config';
import { compareRuns } from '../../src/compare/compareRuns';
import { readRunDirectory } from '../../src/io/readRunDirectory';
import { writeComparison } from '../../src/io/writeComparison';
import { configVariant, makeRun, REFERENCE_CONFIGS, REPO, tempDir } from '../report/support';

const PORTFOLIO = join(REFERENCE_CONFIGS, 'basic/belgium_portfolio_da_only_base.yaml');

/** The portfolio config reduced to one of its assets (same site, its own POI never binds). */
function singleAsset(index: number): string {
  return configVariant(PORTFOLIO, (doc) => {
    const assets = doc.assets as unknown[];
    doc.assets = [assets[index]];
    doc.run_name = `single-${index}`;
  });
}

function totalOf(runDir: string): number {
  return (JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as { total_pnl_eur: number }).total_pnl_eur;
}

describe('compareRuns', () => {
  let root: string;
  let portfolio: string;
  let single1: string;
  let single2: string;
  let single1Persistence: string;

  beforeAll(async () => {
    root = tempDir();
    portfolio = await makeRun(PORTFOLIO, { root });
    single1 = await makeRun(singleAsset(0), { root });
    single2 = await makeRun(singleAsset(1), { root });
    single1Persistence = await makeRun(singleAsset(0), { root, provider: 'persistence' });
  });

  it('computes the portfolio uplift against the single-asset runs of the same market, workflow, provider and window', () => {
    const runs = [portfolio, single1Persistence, single1, single2].map((dir) => readRunDirectory(dir));
    const comparison = compareRuns(runs);
    const [uplift] = comparison.portfolio_uplift;
    // The persistence run of be-bess-1 is another provider: the perfect-foresight one is used.
    expect(uplift.singleRunIds).toEqual({ 'be-bess-1': runs[2].runId, 'be-bess-2': runs[3].runId });
    expect(uplift.missingAssets).toEqual([]);
    expect(uplift.upliftEur).toBeCloseTo(totalOf(portfolio) - totalOf(single1) - totalOf(single2), 9);
    // With perfect foresight the shared 1.4 MW POI (below the 1.8 MW of both batteries) can
    // only cost money, and on this day it binds (the site charges and discharges at 1.4 MW).
    expect(uplift.upliftEur as number).toBeLessThan(-1e-6);
    expect(uplift.basis).toContain(runs[2].runId);
    expect(comparison.runs[0].portfolio_uplift_eur).toBe(uplift.upliftEur);
    expect(comparison.runs[1].portfolio_uplift_eur).toBeNull();
  });

  it('says which asset lacks a single-asset run instead of computing a partial uplift', () => {
    const comparison = compareRuns([portfolio, single2].map((dir) => readRunDirectory(dir)));
    const [uplift] = comparison.portfolio_uplift;
    expect(uplift.upliftEur).toBeNull();
    expect(uplift.missingAssets).toEqual(['be-bess-1']);
    expect(uplift.basis).toMatch(/no single-asset run of be-bess-1/);
  });

  it('takes deltas against the first run or the chosen reference, and groups by market, workflow and scope', () => {
    const runs = [portfolio, single1, single2, single1Persistence].map((dir) => readRunDirectory(dir));
    const byDefault = compareRuns(runs);
    expect(byDefault.reference_run_id).toBe(runs[0].runId);
    expect(byDefault.runs.map((row) => row.delta_total_pnl_eur)).toEqual(runs.map((run) => run.summary.total_pnl_eur - runs[0].summary.total_pnl_eur));
    const chosen = compareRuns(runs, { reference: basename(single2) });
    expect(chosen.reference_run_id).toBe(runs[2].runId);
    expect(chosen.runs.map((row) => row.is_reference)).toEqual([false, false, true, false]);
    expect(chosen.runs[2].delta_throughput_mwh).toBe(0);
    expect(chosen.groups.map((g) => [g.run_scope, g.run_count])).toEqual([
      ['portfolio', 1],
      ['single_asset', 3],
    ]);
    const singles = [single1, single2, single1Persistence].map(totalOf);
    expect(chosen.groups[1].total_pnl_eur_mean).toBeCloseTo((singles[0] + singles[1] + singles[2]) / 3, 9);
    expect(chosen.runs[3].forecast_mae_day_ahead).toBeGreaterThan(0);
    expect(() => compareRuns(runs, { reference: 'no-such-run' })).toThrow(UserError);
    expect(() => compareRuns([runs[0], runs[0]])).toThrow(/given twice/);
  });

  it('writes CSV, JSON and Markdown next to the first run, the same bytes every time', () => {
    const first = writeComparison([portfolio, single1, single2]);
    expect(dirname(first.outDir)).toBe(root);
    expect(basename(first.outDir)).toMatch(/^comparison-[0-9a-f]{12}$/);
    const bytes = first.files.map((file) => readFileSync(file));
    const again = writeComparison([portfolio, single1, single2]);
    expect(again.outDir).toBe(first.outDir);
    expect(again.files.map((file) => readFileSync(file).equals(bytes[again.files.indexOf(file)]))).toEqual([true, true, true, true]);
    const csv = readFileSync(join(first.outDir, 'comparison.csv'), 'utf8').split('\n');
    expect(csv[0].split(',')).toEqual([...first.comparison.columns]);
    expect(csv).toHaveLength(3 + 2);
    expect(JSON.parse(readFileSync(join(first.outDir, 'comparison.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(first.comparison)));
    expect(readFileSync(join(first.outDir, 'comparison.md'), 'utf8')).toContain('Portfolio uplift over single-asset runs');
    // Another order is another comparison (another reference), so another folder; --out wins.
    expect(writeComparison([single1, portfolio]).outDir).not.toBe(first.outDir);
    expect(writeComparison([single1, portfolio], { outDir: join(root, 'other') }).outDir).toBe(join(root, 'other'));
  });

  it('documents every column of comparison.csv in docs/compare.md', () => {
    const doc = readFileSync(join(REPO, 'docs/compare.md'), 'utf8');
    const comparison = compareRuns([portfolio, single1Persistence].map((dir) => readRunDirectory(dir)));
    const missing = comparison.columns.filter((column) => !doc.includes(`\`${column}\``) && !column.startsWith('forecast_mae_'));
    expect(missing).toEqual([]);
    expect(doc).toContain('`forecast_mae_<series>`');
  });
});
