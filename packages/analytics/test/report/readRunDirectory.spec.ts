import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, UserError } from '@euroflex/config';
import { readRunDirectory } from '../../src/io/readRunDirectory';

/** The issues of the DataError that `action` throws. */
function issuesOf(action: () => unknown): DataError['issues'] {
  try {
    action();
  } catch (error) {
    if (error instanceof DataError) {
      return error.issues;
    }
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('readRunDirectory', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'euroflex-read-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function makeRun(name: string, summary: unknown, snapshot?: string): string {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary));
    if (snapshot !== undefined) {
      writeFileSync(join(dir, 'config_snapshot.yaml'), snapshot);
    }
    writeFileSync(join(dir, 'site_dispatch.csv'), 'timestamp_utc,soc_mwh\n2025-06-16T22:00:00Z,1.5\n');
    return dir;
  }

  const summary = { run_id: 'r1', market_id: 'belgium', workflow: 'da_only', run_scope: 'single_asset', total_pnl_eur: 1, expected_total_pnl_eur: 2 };

  it('reads the summary, the tables present and the SoC band after headroom', () => {
    const dir = makeRun(
      'r1',
      summary,
      'assets:\n  - id: a\n    battery: {power_mw: 1, soc_min_mwh: 0.2, soc_max_mwh: 1.8, minimum_headroom_mwh: 0.1}\n  - id: b\n    battery: {power_mw: 2, soc_min_mwh: 0, soc_max_mwh: 4}\n',
    );
    const run = readRunDirectory(dir);
    expect(run.runId).toBe('r1');
    expect(run.tableNames).toEqual(['site_dispatch']);
    expect(run.optionalTable('asset_dispatch')).toBeUndefined();
    expect(issuesOf(() => run.table('asset_dispatch'))[0].message).toMatch(/no asset_dispatch.csv/);
    expect(Array.from(run.table('site_dispatch').numbers('soc_mwh'))).toEqual([1.5]);
    expect(run.assets.map((a) => a.id)).toEqual(['a', 'b']);
    expect(run.assets[0].socMinMwh).toBeCloseTo(0.3, 12);
    expect(run.assets[0].usableEnergyMwh).toBeCloseTo(1.4, 12);
    expect(run.assets[1].usableEnergyMwh).toBe(4);
  });

  it('refuses a folder without summary.json, pointing at unfinished .tmp- folders', () => {
    const dir = join(root, '.tmp-r2');
    mkdirSync(dir);
    expect(() => readRunDirectory(dir)).toThrow(UserError);
    expect(() => readRunDirectory(dir)).toThrow(/never completed/);
  });

  it('lists every missing identity field of a damaged summary and every missing battery field', () => {
    const dir = makeRun('r3', { run_id: 'r3' }, 'assets:\n  - id: a\n    battery: {soc_min_mwh: 0}\n');
    expect(issuesOf(() => readRunDirectory(dir)).map((i) => i.path)).toEqual([
      'market_id',
      'workflow',
      'run_scope',
      'total_pnl_eur',
      'expected_total_pnl_eur',
    ]);
    const ok = makeRun('r4', summary, 'assets:\n  - id: a\n    battery: {soc_min_mwh: 0}\n');
    expect(issuesOf(() => readRunDirectory(ok).assets).map((i) => i.path)).toEqual([
      'assets.0.battery.soc_max_mwh',
      'assets.0.battery.power_mw',
    ]);
  });
});
