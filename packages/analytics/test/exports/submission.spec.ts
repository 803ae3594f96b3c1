import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@euroflex/config';
import { exportBids, exportSchedule, readRunDirectory } from '../../src';
import { readPayload } from './exportFiles';
import { CONFIG, runDir, tempDir } from './runs';

let fcr: string;
let revision: string;

beforeAll(async () => {
  fcr = await runDir(CONFIG.fcrPortfolio);
  revision = await runDir(CONFIG.revisionDaOnly);
}, 120_000);

/** A copy of a run directory with some cells of one table replaced (data row r is line r + 2). */
function tampered(source: string, table: string, edits: readonly { row: number; column: string; value: string }[]): string {
  const dir = join(tempDir(), 'run');
  cpSync(source, dir, { recursive: true });
  const file = join(dir, `${table}.csv`);
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0].split(',');
  for (const edit of edits) {
    const cells = lines[edit.row + 1].split(',');
    const k = header.indexOf(edit.column);
    expect(k).toBeGreaterThanOrEqual(0);
    cells[k] = edit.value;
    lines[edit.row + 1] = cells.join(',');
  }
  writeFileSync(file, lines.join('\n'));
  return dir;
}

/** The checks named by the UserError of a refused submission export, and the error. */
function refused(action: () => unknown): { checks: string[]; error: UserError } {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) {
      return { checks: [...new Set(error.issues.map((issue) => issue.code))].sort(), error };
    }
    throw error;
  }
  throw new Error('expected the submission gate to refuse the run');
}

describe('the submission gate', () => {
  it('passes a clean FCR portfolio run and reports every check as passed', async () => {
    const result = exportSchedule(fcr, { profile: 'submission_candidate' });
    const report = (await readPayload(result.outDir, 'validation_report')).csv;
    expect(report.text('check')).toEqual([
      'soc_within_band',
      'soc_continuity',
      'no_simultaneous_charge_discharge',
      'asset_power_limit',
      'poi_limits',
      'site_equals_assets',
      'day_ahead_proxy_deviation',
      'reserve_block_constancy',
      'complete_lineage',
    ]);
    expect(new Set(report.text('status'))).toEqual(new Set(['passed']));
    const assets = (await readPayload(result.outDir, 'asset_schedule')).csv;
    expect(assets.numbers('soc_min_mwh')[0]).toBeCloseTo(0.2 + 0.1, 12);
    expect(assets.numbers('soc_max_mwh')[0]).toBeCloseTo(1.8 - 0.1, 12);
    expect(new Set(assets.text('set_by_decision_id'))).toEqual(new Set(['2025-06-17-da-0']));
  });

  it('refuses day-ahead proxy deviations unless acknowledged, and writes nothing when it refuses', async () => {
    const site = readRunDirectory(revision).table('site_dispatch');
    const deviating = [...site.numbers('net_export_mw')].filter((net, t) => Math.abs(net - site.numbers('nomination_mw')[t]) > 1e-6).length;
    expect(deviating).toBeGreaterThan(0);
    const out = join(tempDir(), 'candidate');
    const { checks, error } = refused(() => exportSchedule(revision, { profile: 'submission_candidate', outDir: out }));
    expect(checks).toEqual(['day_ahead_proxy_deviation']);
    expect(error.message).toMatch(new RegExp(`day_ahead_proxy_deviation \\(${deviating}\\) failed; nothing was written`));
    expect(error.issues[0]).toMatchObject({ file: site.file, row: expect.any(Number), instant: expect.stringMatching(/^2025-06-17T/) });
    expect(existsSync(out)).toBe(false);
    const accepted = exportSchedule(revision, { profile: 'submission_candidate', outDir: out, acknowledgeDayAheadProxy: true });
    expect(accepted.manifest.acknowledged_day_ahead_proxy).toBe(true);
    const report = (await readPayload(out, 'validation_report')).csv;
    const row = report.text('check').indexOf('day_ahead_proxy_deviation');
    expect(report.text('status')[row]).toBe('acknowledged');
    expect(report.numbers('violation_count')[row]).toBe(deviating);
    const lineage = (await readPayload(out, 'site_schedule')).csv.text('set_by_version');
    expect(lineage).toContain('revision_01');
    expect(lineage).toContain('baseline');
  });

  it.each([
    ['an end SoC above the band (and a broken continuity)', 'asset_dispatch', [{ row: 10, column: 'soc_mwh', value: '5' }], ['soc_continuity', 'soc_within_band']],
    ['charging and discharging at once', 'asset_dispatch', [{ row: 30, column: 'planned_charge_mw', value: '0.2' }, { row: 30, column: 'planned_discharge_mw', value: '0.2' }], ['no_simultaneous_charge_discharge']],
    ['more FCR than the asset can hold', 'asset_dispatch', [{ row: 40, column: 'fcr_reserved_mw', value: '1.5' }], ['asset_power_limit']],
    ['a POI exceeded by reserves (FCR changing inside its block)', 'site_dispatch', [{ row: 50, column: 'fcr_reserved_mw', value: '2' }], ['poi_limits', 'reserve_block_constancy']],
    ['a site that is not the sum of its assets', 'site_dispatch', [{ row: 60, column: 'charge_mw', value: '0.7' }], ['poi_limits', 'site_equals_assets']],
    ['an interval set by a decision the log does not hold', 'asset_dispatch', [{ row: 70, column: 'decision_id', value: '2025-06-17-da-9' }], ['complete_lineage']],
    ['a decision that did not end optimal', 'decision_log', [{ row: 1, column: 'solver_status', value: 'time_limit' }], ['complete_lineage']],
  ] as const)('refuses %s', (_name, table, edits, expected) => {
    const dir = tampered(fcr, table, edits);
    expect(refused(() => exportSchedule(dir, { profile: 'submission_candidate' })).checks).toEqual(expected);
    expect(refused(() => exportBids(dir, { profile: 'submission_candidate' })).checks).toEqual(expected);
    expect(exportSchedule(dir, { profile: 'benchmark' }).manifest.profile).toBe('benchmark');
  });

  it('refuses a run whose day has no gate decision', () => {
    const dir = tampered(fcr, 'decision_log', [{ row: 0, column: 'delivery_date_local', value: '2025-06-18' }]);
    const { checks, error } = refused(() => exportBids(dir, { profile: 'submission_candidate' }));
    expect(checks).toEqual(['complete_lineage']);
    expect(error.issues.map((issue) => issue.message)).toContain('no fcr_gate decision for delivery day 2025-06-17 in the decision log');
  });
});
