import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '@euroflex/config';
import { readRunDirectory } from '../../src/io/readRunDirectory';
import { writeReport } from '../../src/io/writeReport';
import { rainflowOfRun } from '../../src/rainflow/rainflowOfRun';
import { buildRunReport } from '../../src/report/buildRunReport';
import { renderReportHtml } from '../../src/report/renderReportHtml';
import { renderSummaryMarkdown } from '../../src/report/renderSummaryMarkdown';
import { pnlRows } from '../../src/report/html/summarySection';
import { formatEur } from '../../src/report/svg/format';
import { makeRun, REFERENCE_CONFIGS, tempDir } from './support';

const PORTFOLIO = join(REFERENCE_CONFIGS, 'basic/belgium_portfolio_da_only_base.yaml');

describe('the report of a one-day portfolio run (persistence)', () => {
  let runDir: string;
  beforeAll(async () => {
    runDir = await makeRun(PORTFOLIO, { provider: 'persistence' });
  });

  it('writes report/index.html and report/summary.md, byte-identical when regenerated', () => {
    const first = writeReport(runDir);
    const html = readFileSync(first.htmlFile);
    const markdown = readFileSync(first.markdownFile);
    expect(first.htmlFile).toBe(join(runDir, 'report', 'index.html'));
    expect(first.htmlBytes).toBe(html.length);
    writeReport(runDir);
    expect(readFileSync(first.htmlFile).equals(html)).toBe(true);
    expect(readFileSync(first.markdownFile).equals(markdown)).toBe(true);
  });

  it('is the same, byte for byte, for a second run of the same config and data (another run id, other timings)', async () => {
    const secondDir = await makeRun(PORTFOLIO, { provider: 'persistence' });
    const [first, second] = [runDir, secondDir].map((dir) => writeReport(dir));
    const runIds = [runDir, secondDir].map((dir) => readRunDirectory(dir).summary.run_id);
    expect(runIds[0]).not.toBe(runIds[1]);
    expect(readFileSync(second.htmlFile).equals(readFileSync(first.htmlFile))).toBe(true);
    expect(readFileSync(second.markdownFile).equals(readFileSync(first.markdownFile))).toBe(true);
    expect(readFileSync(first.htmlFile, 'utf8')).not.toContain(runIds[0]);
  });

  it('is self-contained: no script, no external URL, no file reference', () => {
    const html = renderReportHtml(buildRunReport(readRunDirectory(runDir)));
    expect(html).not.toMatch(/<script|<img|<iframe|<link rel="stylesheet"|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(?!#|data:)/i);
    expect(html).not.toMatch(/https?:\/\//);
    // Charts at interval resolution for a one-day run: 96 slots, one path per series.
    expect(html.match(/<svg class="chart/g)?.length).toBeGreaterThanOrEqual(8);
  });

  it('shows the summary totals and the PnL components that add up to them', () => {
    const run = readRunDirectory(runDir);
    const report = buildRunReport(run);
    const html = renderReportHtml(report);
    const s = run.summary;
    for (const value of [s.total_pnl_eur, s.expected_total_pnl_eur, s.oracle_total_pnl_eur]) {
      expect(html).toContain(formatEur(value));
    }
    // Components (costs negative) add up to the totals, realized, expected and oracle.
    const rows = pnlRows(report);
    const total = rows[rows.length - 1];
    for (const column of [1, 2, 3] as const) {
      const sum = rows.slice(0, -1).reduce((acc, row) => acc + (row[column] ?? Number.NaN), 0);
      expect(sum).toBeCloseTo(total[column] ?? Number.NaN, 6);
    }
    const markdown = renderSummaryMarkdown(report);
    expect(markdown).toContain(`| total PnL | ${formatEur(s.total_pnl_eur).replace(' EUR', '')} |`);
    expect(markdown).toContain('| be-bess-1 |');
    // Rainflow of the files agrees with the engine's summary (per asset-day, summed).
    for (const asset of report.rainflow.assets) {
      expect(asset.daily.equivalentFullCycles).toBeCloseTo(s.asset_equivalent_full_cycles[asset.assetId], 9);
    }
    expect(report.rainflow.dailyEquivalentFullCycles).toBeCloseTo(s.equivalent_full_cycles, 9);
    expect(report.aggregated).toBe(false);
    expect(report.detail).toEqual({ from: 0, to: 96, firstDate: '2025-06-17', lastDate: '2025-06-17' });
  });

  it('computes each asset\'s EFC as its SoC travel over twice its usable energy (headroom removed)', () => {
    const run = readRunDirectory(runDir);
    const table = run.table('asset_dispatch');
    const ids = table.text('asset_id');
    const start = table.numbers('soc_start_mwh');
    const end = table.numbers('soc_mwh');
    const rainflow = rainflowOfRun(run);
    // be-bess-1: soc 0.2 .. 1.8 with 0.1 MWh headroom = 1.4 MWh; be-bess-2: 0.15 .. 1.25 less 0.05 twice = 1.0 MWh.
    expect(rainflow.assets[0].usableEnergyMwh).toBeCloseTo(1.4, 12);
    expect(rainflow.assets[1].usableEnergyMwh).toBeCloseTo(1.0, 12);
    rainflow.assets.forEach((asset) => {
      let travel = 0;
      for (let r = 0; r < ids.length; r += 1) {
        if (ids[r] === asset.assetId) {
          travel += Math.abs(end[r] - start[r]);
        }
      }
      expect(asset.daily.equivalentFullCycles).toBeCloseTo(travel / (2 * asset.usableEnergyMwh), 9);
    });
  });

  it('counts the reason codes of the site and asset reason_code columns, as summary.json does', () => {
    const countsOf = (file: string) => {
      const [header, ...rows] = readFileSync(join(runDir, file), 'utf8').trimEnd().split('\n');
      const column = header.split(',').indexOf('reason_code');
      expect(column).toBeGreaterThanOrEqual(0);
      const counts = new Map<string, number>();
      for (const row of rows) {
        const code = row.split(',')[column];
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      return { counts, rows: rows.length };
    };
    const report = buildRunReport(readRunDirectory(runDir));
    expect(report.reasons.map((r) => r.source)).toEqual(['site_dispatch.reason_code', 'asset_dispatch.reason_code']);
    const site = countsOf('site_dispatch.csv');
    const assets = countsOf('asset_dispatch.csv');
    expect(new Map(report.reasons[0].counts)).toEqual(site.counts);
    expect(new Map(report.reasons[1].counts)).toEqual(assets.counts);
    expect(assets.rows).toBe(2 * site.rows);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as { reason_code_counts: Record<string, number> };
    expect(new Map(Object.entries(summary.reason_code_counts))).toEqual(site.counts);
    const html = renderReportHtml(report);
    for (const code of site.counts.keys()) {
      expect(html).toContain(code);
    }
  });

  it('lists each series\' provenance with its zone and path only where it has them', () => {
    const copy = join(tempDir(), 'run');
    cpSync(runDir, copy, { recursive: true });
    const file = join(copy, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8')) as { data_provenance: Record<string, unknown> };
    const dayAhead = summary.data_provenance.day_ahead as { source: string; zone: string; path: string };
    // An FCR series read from a file without a bidding zone, and one given without a file.
    summary.data_provenance.fcr_capacity = { source: 'regelleistung', path: '/data/fcr.csv', steps: ['expanded_from_PT4H'] };
    summary.data_provenance.imbalance = { source: 'inline' };
    writeFileSync(file, JSON.stringify(summary));
    const html = renderReportHtml(buildRunReport(readRunDirectory(copy)));
    expect(html).toContain(`<th>day_ahead</th><td>${dayAhead.source} ${dayAhead.zone}, ${dayAhead.path}`);
    expect(html).toContain('<th>fcr_capacity</th><td>regelleistung, /data/fcr.csv; expanded_from_PT4H</td>');
    expect(html).toContain('<th>imbalance</th><td>inline</td>');
    expect(html).not.toContain('undefined');
    rmSync(copy, { recursive: true, force: true });
  });

  it('names the missing table of a damaged run directory', () => {
    const copy = join(tempDir(), 'run');
    cpSync(runDir, copy, { recursive: true });
    rmSync(join(copy, 'asset_dispatch.csv'));
    expect(() => writeReport(copy)).toThrow(DataError);
    expect(() => writeReport(copy)).toThrow(/asset_dispatch\.csv/);
    rmSync(copy, { recursive: true, force: true });
  });
});
