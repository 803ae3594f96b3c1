import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalVariant } from './configVariant';
import { cli } from './run';

/** A CSV's rows as objects (the run tables hold no quoted commas in these columns). */
function rowsOf(file: string, columns: readonly string[]): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const index = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((name) => [name, cells[index.indexOf(name)]]));
  });
}

describe('a revision run of two days and two assets', () => {
  let runDir: string;
  let outcome: { code: number; stderr: string };

  beforeAll(async () => {
    // The canonical site (schedule_revision over da_plus_afrr, checkpoints 06:00 and 12:00)
    // over both days of the sample data, with perfect foresight.
    const config = canonicalVariant((doc) => {
      doc.timing.delivery_start_date = '2025-06-16';
    });
    const root = mkdtempSync(join(tmpdir(), 'euroflex-multiday-'));
    outcome = await cli('backtest', config, '--provider', 'perfect_foresight', '--out', root, '--debug-checks');
    runDir = join(root, readdirSync(root)[0] ?? '');
  }, 120_000);

  it('writes its run directory and report: the plan tables are in asset blocks, as asset_dispatch', () => {
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(readdirSync(join(runDir, 'report')).sort()).toEqual(['index.html', 'summary.md']);
    for (const table of ['asset_dispatch', 'baseline_schedule', 'schedule_lineage']) {
      const rows = rowsOf(join(runDir, `${table}.csv`), ['asset_id', 'timestamp_utc']);
      expect(rows.map((row) => `${row.asset_id} ${row.timestamp_utc}`)).toEqual(
        [...rows].sort((a, b) => (a.asset_id === b.asset_id ? a.timestamp_utc.localeCompare(b.timestamp_utc) : a.asset_id === 'be-bess-1' ? -1 : 1)).map((row) => `${row.asset_id} ${row.timestamp_utc}`),
      );
      expect(rows).toHaveLength(2 * 2 * 96);
    }
  });

  it('names in decision_id the decision whose plan was executed in each interval, as the lineage does', () => {
    const dispatch = rowsOf(join(runDir, 'asset_dispatch.csv'), ['decision_id']);
    const lineage = rowsOf(join(runDir, 'schedule_lineage.csv'), ['set_by_decision_id', 'set_by_version']);
    expect(dispatch.map((row) => row.decision_id)).toEqual(lineage.map((row) => row.set_by_decision_id));
    // Both days have intervals set by the day-ahead gate (before the first checkpoint's window) and by a revision.
    const versions = new Set(lineage.map((row) => row.set_by_version));
    expect(versions.has('baseline')).toBe(true);
    expect([...versions].some((version) => version.startsWith('revision_'))).toBe(true);
    expect(new Set(dispatch.map((row) => row.decision_id.slice(0, 10)))).toEqual(new Set(['2025-06-16', '2025-06-17']));
  });
});
