import type { RunSummaryFile } from '../../src/io/readRunDirectory';
import { compareRuns, type ComparedRun } from '../../src/compare/compareRuns';
import { comparisonGroupsCsv, renderComparisonMarkdown } from '../../src/compare/renderComparison';

const STRICT = { profile: 'strict', soc_carry: 'carry', fcr_block_minutes: 240 };
const REFERENCE_V1 = { profile: 'reference_v1', soc_carry: 'reset_daily', fcr_block_minutes: 15 };
const degradation = (eurPerMwh: number) => ({ mode: 'throughput_linear', throughput_cost_eur_per_mwh: eurPerMwh });

interface Fake {
  readonly id: string;
  readonly total: number;
  readonly assets?: readonly string[];
  readonly workflow?: string;
  readonly base?: string;
  readonly start?: string;
  readonly end?: string;
  readonly model?: Record<string, unknown>;
  readonly eurPerMwh?: number;
}

/** A run with only what compareRuns reads: identity, window, total, model and degradation. */
function run(fake: Fake): ComparedRun {
  const assets = fake.assets ?? ['a'];
  const summary = {
    run_id: fake.id,
    market_id: 'belgium',
    workflow: fake.workflow ?? 'da_only',
    base_workflow: fake.base ?? fake.workflow ?? 'da_only',
    run_scope: assets.length > 1 ? 'portfolio' : 'single_asset',
    provider_name: 'perfect_foresight',
    benchmark_name: 'b',
    asset_count: assets.length,
    asset_ids: assets,
    delivery_start_date: fake.start ?? '2025-06-17',
    delivery_end_date: fake.end ?? '2025-06-17',
    interval_count: 96,
    total_pnl_eur: fake.total,
    expected_total_pnl_eur: fake.total,
    oracle_total_pnl_eur: fake.total,
    oracle_gap_total_pnl_eur: 0,
    throughput_mwh: 1,
    equivalent_full_cycles: 1,
    model: fake.model ?? STRICT,
  } as unknown as RunSummaryFile;
  return { dir: `/runs/${fake.id}`, summary, configSnapshot: { degradation: degradation(fake.eurPerMwh ?? 4) } };
}

describe('compareRuns on runs that differ in model, window or base workflow', () => {
  it('leaves single-asset runs of another model profile or degradation out of the portfolio uplift and says why', () => {
    const portfolio = run({ id: 'pf', total: 100, assets: ['a', 'b'] });
    const refV1A = run({ id: 'v1-a', total: 70, assets: ['a'], model: REFERENCE_V1, eurPerMwh: 0 });
    const zeroB = run({ id: 'zero-b', total: 60, assets: ['b'], eurPerMwh: 0 });
    const strictA = run({ id: 'strict-a', total: 55, assets: ['a'] });
    const strictB = run({ id: 'strict-b', total: 50, assets: ['b'] });

    const [uplift] = compareRuns([portfolio, refV1A, zeroB, strictA, strictB]).portfolio_uplift;
    // 100 - (55 + 50), not 100 - (70 + 60) = -30 from the first runs given.
    expect(uplift.upliftEur).toBe(-5);
    expect(uplift.singleRunIds).toEqual({ a: 'strict-a', b: 'strict-b' });
    expect(uplift.excludedRuns).toEqual([
      { runId: 'v1-a', assetId: 'a', differences: ['degradation.throughput_cost_eur_per_mwh 0 (portfolio 4)', 'model.fcr_block_minutes 15 (portfolio 240)', 'model.profile "reference_v1" (portfolio "strict")', 'model.soc_carry "reset_daily" (portfolio "carry")'] },
      { runId: 'zero-b', assetId: 'b', differences: ['degradation.throughput_cost_eur_per_mwh 0 (portfolio 4)'] },
    ]);

    const alone = compareRuns([portfolio, refV1A, strictB]);
    expect(alone.portfolio_uplift[0].upliftEur).toBeNull();
    expect(alone.portfolio_uplift[0].missingAssets).toEqual(['a']);
    expect(alone.portfolio_uplift[0].basis).toContain('not used, model settings differ: v1-a (a): degradation.throughput_cost_eur_per_mwh 0 (portfolio 4)');
    expect(alone.warnings).toEqual([expect.stringMatching(/^portfolio uplift of pf leaves out single-asset runs whose model settings differ: v1-a \(a\): .*model\.profile "reference_v1" \(portfolio "strict"\)/)]);
    expect(renderComparisonMarkdown(alone)).toContain('## Warnings\n\n- portfolio uplift of pf leaves out');
  });

  it('warns, naming the runs, when deltas or group means span different delivery windows, and still computes them', () => {
    const year = run({ id: 'pf-year', total: 1000, start: '2024-01-01', end: '2024-12-31' });
    const persistence = run({ id: 'pers-year', total: 800, start: '2024-01-02', end: '2024-12-31' });
    const day = run({ id: 'one-day', total: 10, start: '2024-06-01', end: '2024-06-01' });
    const comparison = compareRuns([year, persistence, day]);
    expect(comparison.runs.map((row) => row.delta_total_pnl_eur)).toEqual([0, -200, -990]);
    expect(comparison.groups[0].total_pnl_eur_mean).toBeCloseTo(1810 / 3, 12);
    expect(comparison.warnings).toEqual([
      'delivery windows differ from the reference run pf-year (2024-01-01 .. 2024-12-31): the deltas of pers-year (2024-01-02 .. 2024-12-31), one-day (2024-06-01 .. 2024-06-01) compare different periods',
      'group belgium / da_only / single_asset mixes delivery windows, so its mean, minimum and maximum span different periods: pf-year (2024-01-01 .. 2024-12-31), pers-year (2024-01-02 .. 2024-12-31), one-day (2024-06-01 .. 2024-06-01)',
    ]);
    expect(compareRuns([year, run({ id: 'same', total: 1, start: '2024-01-01', end: '2024-12-31' })]).warnings).toEqual([]);
  });

  it('groups schedule_revision runs by the workflow they revise', () => {
    const overDa = run({ id: 'rev-da', total: 10, workflow: 'schedule_revision', base: 'da_only' });
    const overAfrr = run({ id: 'rev-afrr', total: 30, workflow: 'schedule_revision', base: 'da_plus_afrr' });
    const overAfrr2 = run({ id: 'rev-afrr-2', total: 50, workflow: 'schedule_revision', base: 'da_plus_afrr' });
    const comparison = compareRuns([overDa, overAfrr, overAfrr2]);
    expect(comparison.groups.map((g) => [g.base_workflow, g.run_ids, g.total_pnl_eur_mean])).toEqual([
      ['da_only', ['rev-da'], 10],
      ['da_plus_afrr', ['rev-afrr', 'rev-afrr-2'], 40],
    ]);
    expect(comparisonGroupsCsv(comparison).split('\n')[0]).toMatch(/^market_id,workflow,base_workflow,run_scope,/);
    expect(renderComparisonMarkdown(comparison)).toContain('| belgium | schedule_revision (da_plus_afrr) | single_asset | 2 |');
  });
});
