import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, UserError } from '@euroflex/config';
import { makeTable, num, str, tableToCsv } from '@euroflex/backtesting';
import fc from 'fast-check';
import { parseRunCsv } from '../../src/io/readRunCsv';
import { cellNumber } from '../../src/io/readRunCsvCells';
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

describe('parseRunCsv', () => {
  it('reads what the artifact writer writes: quoted cells, empty numbers, shortest doubles', () => {
    const table = makeTable('t', [
      str('reason', ['plain', 'with, comma', 'with "quote"', null]),
      num('value_mw', [0.1 + 0.2, Number.NaN, -0, 1e-300]),
    ]);
    const read = parseRunCsv(tableToCsv(table), 't', '/x/t.csv');
    expect(read.rowCount).toBe(4);
    expect(read.columns).toEqual(['reason', 'value_mw']);
    expect(read.text('reason')).toEqual(['plain', 'with, comma', 'with "quote"', '']);
    const values = read.numbers('value_mw');
    expect(values[0]).toBe(0.1 + 0.2);
    expect(Number.isNaN(values[1])).toBe(true);
    expect(values[2]).toBe(0);
    expect(values[3]).toBe(1e-300);
  });

  it('accepts CRLF line ends and a missing final newline', () => {
    const read = parseRunCsv('a,b\r\n1,2\r\n3,4', 't', 't.csv');
    expect(Array.from(read.numbers('b'))).toEqual([2, 4]);
    expect(read.text('b')).toEqual(['2', '4']);
  });

  it('keeps every column aligned around a row with quoted cells, commas and UTF-8 inside', () => {
    const read = parseRunCsv('id,reason,value_mw\na,plain,1\nb,"kept, ""previous"" – plan",2\nc,,3\n', 't', 't.csv');
    expect(read.text('id')).toEqual(['a', 'b', 'c']);
    expect(read.text('reason')).toEqual(['plain', 'kept, "previous" – plan', '']);
    expect(Array.from(read.numbers('value_mw'))).toEqual([1, 2, 3]);
  });

  it('parses every double back exactly from its shortest form (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        const text = String(value);
        const parsed = cellNumber(Buffer.from(text), 0, text.length);
        expect(Object.is(parsed, Number(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const text of ['56', '-0.5999999999999999', '0.1', '.5', '5.', '1e-300', '-140.25', '0.000001']) {
      expect(cellNumber(Buffer.from(text), 0, text.length)).toBe(Number(text));
    }
    for (const text of ['x', '-', '.', ' ', '1,5']) {
      expect(cellNumber(Buffer.from(text), 0, text.length)).toBeNaN();
    }
  });

  it('names the line of a row with the wrong number of cells', () => {
    expect(issuesOf(() => parseRunCsv('a,b\n1,2\n3\n', 't', 't.csv'))).toEqual([
      expect.objectContaining({ code: 'csv_row_width', row: 3, file: 't.csv' }),
    ]);
  });

  it('names the line and column of a cell that is not a number, and a missing column', () => {
    const read = parseRunCsv('a,b\n1,x\n', 't', 't.csv');
    expect(issuesOf(() => read.numbers('b'))).toEqual([expect.objectContaining({ code: 'not_a_number', row: 2, path: 'b' })]);
    expect(issuesOf(() => read.numbers('c'))[0].message).toMatch(/no column c/);
  });
});

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
