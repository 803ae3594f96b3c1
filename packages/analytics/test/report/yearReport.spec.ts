import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERVAL_H } from '@euroflex/markets';
import { readRunDirectory } from '../../src/io/readRunDirectory';
import { writeReport } from '../../src/io/writeReport';
import { buildRunReport } from '../../src/report/buildRunReport';
import { daily } from '../../src/report/timeline';
import { makeRun, REAL_CONFIGS } from './support';

const YEAR = join(REAL_CONFIGS, 'belgium_2024_da_only_perfect_foresight.yaml');

describe('the report of a year-long real-data run (Belgium 2024, 35,136 quarter-hours)', () => {
  let runDir: string;
  beforeAll(async () => {
    runDir = await makeRun(YEAR);
  });

  it('stays under 2 MB by drawing daily aggregates and one detail week', () => {
    const written = writeReport(runDir);
    expect(written.htmlBytes).toBeLessThan(2_000_000);
    const html = readFileSync(written.htmlFile, 'utf8');
    const paths = [...html.matchAll(/<path[^>]* d="([^"]*)"/g)].map((m) => m[1]);
    // No chart draws more bars than the run has days (a bar path holds one "M" per bar).
    const bars = [...html.matchAll(/<path class="bars"[^>]* d="([^"]*)"/g)].map((m) => (m[1].match(/M/g) ?? []).length);
    expect(bars.length).toBeGreaterThan(0);
    expect(Math.max(...bars)).toBeLessThanOrEqual(366);
    // No path is drawn per interval of the year: a daily min-max band has four corners a
    // day (4 x 366), a detail-week step two commands an interval (2 x 7 x 96).
    expect(Math.max(...paths.map((d) => (d.match(/[MLHV]/g) ?? []).length))).toBeLessThanOrEqual(4 * 366 + 1);
  });

  it('groups the year into local days, DST days included, and picks the busiest week for the detail', () => {
    const run = readRunDirectory(runDir);
    const report = buildRunReport(run);
    const { timeline, detail } = report;
    expect(report.aggregated).toBe(true);
    expect(timeline.dates).toHaveLength(366);
    const lengths = timeline.dates.map((_, d) => timeline.dayStarts[d + 1] - timeline.dayStarts[d]);
    expect(lengths[timeline.dates.indexOf('2024-03-31')]).toBe(92);
    expect(lengths[timeline.dates.indexOf('2024-10-27')]).toBe(100);
    // Busiest 7 consecutive days by site throughput, found here by brute force.
    const perDay = daily(timeline, run.table('site_dispatch').numbers('throughput_mwh'), 'sum');
    let best = 0;
    let bestSum = -1;
    for (let first = 0; first + 7 <= perDay.length; first += 1) {
      const sum = perDay.subarray(first, first + 7).reduce((a, b) => a + b, 0);
      if (sum > bestSum + 1e-9) {
        bestSum = sum;
        best = first;
      }
    }
    expect(detail.firstDate).toBe(timeline.dates[best]);
    expect(detail.lastDate).toBe(timeline.dates[best + 6]);
    expect(detail.to - detail.from).toBe(lengths.slice(best, best + 7).reduce((a, b) => a + b, 0));
    // The daily energy bars carry the whole run's throughput.
    let energy = 0;
    run.assets.forEach((_, a) => {
      const block = report.assetBlocks[a];
      const table = run.table('asset_dispatch');
      for (const column of ['charge_mw', 'discharge_mw']) {
        energy += daily(timeline, table.numbers(column), 'sum', block.from).reduce((x, y) => x + y, 0) * INTERVAL_H;
      }
    });
    expect(energy).toBeCloseTo(run.summary.throughput_mwh, 6);
  });
});
