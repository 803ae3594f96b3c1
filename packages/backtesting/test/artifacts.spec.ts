import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { makeTable, num, str, writeRunDirectory } from '../src';
import { backtest, REFERENCE, tempRoot } from './support/runs';

const PORTFOLIO = join(REFERENCE, 'tests/fixtures/example_configs/basic/belgium_portfolio_da_only_base.yaml');
const TABLES = ['site_dispatch', 'asset_dispatch', 'asset_pnl_attribution', 'settlement_breakdown', 'decision_log', 'forecast_snapshots'];

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

function parseCsv(text: string): string[][] {
  return text.trimEnd().split('\n').map((line) => line.split(','));
}

describe('run directory', () => {
  it('holds summary, config snapshot, inputs and every table as CSV and Parquet with the same columns and values', async () => {
    const { runDir, summary } = await backtest(PORTFOLIO, { provider: 'persistence' });
    expect(runDir).toBeDefined();
    const dir = runDir as string;
    const files = listFiles(dir);
    for (const table of TABLES) {
      expect(files).toContain(`${table}.csv`);
      expect(files).toContain(`${table}.parquet`);
    }
    expect(files).toEqual(expect.arrayContaining(['summary.json', 'config_snapshot.yaml', 'normalized_inputs/day_ahead.csv', 'normalized_inputs/day_ahead.parquet']));
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).run_id).toBe(summary.run_id);

    for (const table of TABLES) {
      const csv = parseCsv(readFileSync(join(dir, `${table}.csv`), 'utf8'));
      const bytes = readFileSync(join(dir, `${table}.parquet`));
      const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })) as Record<string, unknown>[];
      expect(rows).toHaveLength(csv.length - 1);
      expect(Object.keys(rows[0])).toEqual(csv[0]);
      // Spot-check every cell of the first and last row.
      for (const r of [1, csv.length - 1]) {
        csv[0].forEach((column, c) => {
          const parquet = rows[r - 1][column];
          const text = csv[r][c];
          if (parquet === null || parquet === undefined) {
            expect(text).toBe('');
          } else if (typeof parquet === 'number') {
            expect(Number(text)).toBe(parquet);
          } else {
            expect(String(parquet)).toBe(text);
          }
        });
      }
    }
    // Site and asset tables agree: two assets, so twice as many asset rows.
    const site = parseCsv(readFileSync(join(dir, 'site_dispatch.csv'), 'utf8'));
    const assets = parseCsv(readFileSync(join(dir, 'asset_dispatch.csv'), 'utf8'));
    expect(assets.length - 1).toBe(2 * (site.length - 1));
    expect(site[0]).toEqual(expect.arrayContaining(['timestamp_utc', 'timestamp_local', 'charge_mw', 'soc_mwh', 'da_revenue_eur', 'realized_pnl_eur']));
    // Each site row is the sum of the two assets' rows at its instant (asset blocks, then time).
    const n = site.length - 1;
    const at = (rows: string[][], column: string, row: number): number => Number(rows[row + 1][rows[0].indexOf(column)]);
    for (const column of ['charge_mw', 'discharge_mw', 'net_export_mw', 'da_revenue_eur', 'degradation_cost_eur', 'realized_pnl_eur']) {
      for (let t = 0; t < n; t += 1) {
        const sum = at(assets, column, t) + at(assets, column, n + t);
        expect({ column, t, diff: Math.abs(at(site, column, t) - sum) < 1e-9 }).toEqual({ column, t, diff: true });
      }
    }
    expect(assets[1][assets[0].indexOf('timestamp_utc')]).toBe(site[1][site[0].indexOf('timestamp_utc')]);
    expect(assets[n + 1][assets[0].indexOf('timestamp_utc')]).toBe(site[1][site[0].indexOf('timestamp_utc')]);
    expect(assets[1][assets[0].indexOf('asset_id')]).not.toBe(assets[n + 1][assets[0].indexOf('asset_id')]);
    // Each asset's block holds its own money: its rows sum to its line of asset_pnl_attribution.
    const pnl = parseCsv(readFileSync(join(dir, 'asset_pnl_attribution.csv'), 'utf8'));
    const blockSums = [0, n].map((from) => Array.from({ length: n }, (_, t) => at(assets, 'realized_pnl_eur', from + t)).reduce((a, b) => a + b, 0));
    expect(new Set(blockSums.map((sum) => sum.toFixed(6))).size).toBe(2);
    for (const [b, from] of [0, n].entries()) {
      const id = assets[from + 1][assets[0].indexOf('asset_id')];
      const line = pnl.findIndex((row) => row[pnl[0].indexOf('asset_id')] === id);
      expect(Math.abs(Number(pnl[line][pnl[0].indexOf('total_pnl_eur')]) - blockSums[b])).toBeLessThan(1e-6);
    }
  });

  it('is byte-identical for the same input, apart from the run id, creation time and timings in summary.json', async () => {
    const first = await backtest(PORTFOLIO, { provider: 'persistence' });
    const second = await backtest(PORTFOLIO, { provider: 'persistence' });
    const a = first.runDir as string;
    const b = second.runDir as string;
    expect(first.summary.run_id).not.toBe(second.summary.run_id);
    const files = listFiles(a);
    expect(listFiles(b)).toEqual(files);
    for (const file of files.filter((f) => f !== 'summary.json')) {
      expect({ file, same: readFileSync(join(a, file)).equals(readFileSync(join(b, file))) }).toEqual({ file, same: true });
    }
    const strip = (dir: string) => {
      const { run_id: _id, created_at_utc: _created, timings: _timings, ...rest } = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
      return rest;
    };
    expect(strip(b)).toEqual(strip(a));
  });

  it('names the extra columns of a Dutch imbalance file with their own units (a regulation state has none), and the decision of each interval', async () => {
    const config = join(REFERENCE, 'tests/fixtures/example_configs/basic/netherlands_da_plus_imbalance_base.yaml');
    const { runDir } = await backtest(config, { provider: 'perfect_foresight' });
    const header = readFileSync(join(runDir as string, 'site_dispatch.csv'), 'utf8').split('\n', 1)[0].split(',');
    const imbalance = header.filter((column) => column.startsWith('imbalance_actual_'));
    // decision_id names the decision whose plan ran in each interval: the day-ahead gate in the
    // first quarter-hour (the first rebalance, imb-1 at 00:00, may change only from 00:15: a
    // lock of one interval), then imb-1 for the rest of the day: under perfect foresight the
    // imbalance forecast never changes, so every later rebalance keeps its plan unsolved.
    const rows = readFileSync(join(runDir as string, 'site_dispatch.csv'), 'utf8').trimEnd().split('\n').slice(1);
    const decisionIds = rows.map((line) => line.split(',')[header.indexOf('decision_id')]);
    expect(decisionIds).toEqual(decisionIds.map((_, t) => (t === 0 ? '2025-06-17-da-0' : '2025-06-17-imb-1')));
    expect(imbalance).toEqual([
      'imbalance_actual_price_eur_per_mwh',
      'imbalance_actual_dispatch_down_price_eur_per_mwh',
      'imbalance_actual_dispatch_up_price_eur_per_mwh',
      'imbalance_actual_shortage_price_eur_per_mwh',
      'imbalance_actual_surplus_price_eur_per_mwh',
      'imbalance_actual_regulation_state',
    ]);
  });

  it('is written atomically: a failure leaves neither a run directory nor a temporary folder', () => {
    const root = tempRoot();
    const broken = makeTable('broken', [str('x', ['a']), num('y', [1])]);
    // A table whose column list throws while it is written, after other files exist.
    const exploding = { ...broken, get columns(): never { throw new Error('disk full'); } };
    expect(() =>
      writeRunDirectory(root, { runId: 'r-20261129T120000Z-000001', summary: {}, configSnapshot: {}, tables: [broken, exploding], inputs: [] }),
    ).toThrow('disk full');
    expect(readdirSync(root)).toEqual([]);
    expect(existsSync(join(root, 'r-20261129T120000Z-000001'))).toBe(false);
  });

  it('refuses to overwrite an existing run directory', () => {
    const root = tempRoot();
    const content = { runId: 'r-20261129T120000Z-000002', summary: {}, configSnapshot: {}, tables: [], inputs: [] };
    writeRunDirectory(root, content);
    expect(() => writeRunDirectory(root, content)).toThrow(/already exists/);
  });
});
