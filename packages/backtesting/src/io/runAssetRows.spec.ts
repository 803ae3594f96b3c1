import { parseRunCsv } from './readRunCsv';
import { requiredNumbers, runAssetRows } from './runAssetRows';

/** An error carrying these issues (a DataError). */
const withIssues = (issues: unknown[]) => expect.objectContaining({ issues });

const SITE = ['t0', 't1'];


describe('runAssetRows', () => {
  it("gives each asset's rows in file order", () => {
    const table = parseRunCsv('asset_id,timestamp_utc\na,t0\nb,t0\na,t1\nb,t1\n', 'asset_dispatch', 'f.csv');
    expect(runAssetRows(table, ['a', 'b'], SITE)).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('names the file, the line and the fix of a deleted or moved row', () => {
    const table = parseRunCsv('asset_id,timestamp_utc\na,t0\nb,t0\nb,t1\n', 'asset_dispatch', 'f.csv');
    expect(() => runAssetRows(table, ['a', 'b'], SITE)).toThrow(withIssues([
      expect.objectContaining({ code: 'inconsistent_tables', message: expect.stringMatching(/^asset_dispatch has 3 rows, expected 2 intervals x 2 assets: the run directory is damaged; write the run again/) }),
      expect.objectContaining({ path: 'asset_id', message: expect.stringMatching(/^asset a has 1 rows, site_dispatch 2 intervals/) }),
    ]));
    const moved = parseRunCsv('asset_id,timestamp_utc\na,t1\na,t0\n', 'asset_dispatch', 'f.csv');
    expect(() => runAssetRows(moved, ['a'], SITE)).toThrow(withIssues([expect.objectContaining({ row: 2, path: 'timestamp_utc', message: expect.stringMatching(/^asset a is at t1, expected t0/) })]));
  });
});

describe('requiredNumbers', () => {
  it('refuses an empty cell at the rows asked for, naming its line', () => {
    const table = parseRunCsv('x\n1\n\n3\n', 't', 'f.csv');
    expect(Array.from(requiredNumbers(table, 'x', [0, 2]))).toEqual([1, 3]);
    expect(() => requiredNumbers(table, 'x')).toThrow(withIssues([expect.objectContaining({ path: 'x', row: 3, code: 'empty_cell' })]));
  });
});
