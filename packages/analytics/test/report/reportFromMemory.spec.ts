import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '@euroflex/config';
import { coded, makeTable, num, int, str, bool, parseRunCsv, runBacktest, tableToCsv, type RunTable, type Table } from '@euroflex/backtesting';
import { runTableOf } from '../../src/io/runTableOf';
import { REPORT_TABLE_NAMES, writeReport } from '../../src/io/writeReport';
import { CANONICAL_BELGIUM, sharedSolver, tempDir } from './support';

function thrown(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Every column of `memory` reads as the same column of `disk`: names, text, numbers or the same error. */
function expectSameTable(memory: RunTable, disk: RunTable): void {
  expect(memory.rowCount).toBe(disk.rowCount);
  expect(memory.columns).toEqual(disk.columns);
  for (const column of disk.columns) {
    expect(memory.text(column)).toEqual(disk.text(column));
    const diskError = thrown(() => disk.numbers(column));
    if (diskError === undefined) {
      // Bit for bit, -0 and NaN included.
      expect(Array.from(memory.numbers(column), (v) => Object.is(v, -0) ? '-0' : String(v))).toEqual(Array.from(disk.numbers(column), (v) => Object.is(v, -0) ? '-0' : String(v)));
    } else {
      const memoryError = thrown(() => memory.numbers(column));
      expect(memoryError).toBeInstanceOf(DataError);
      expect((memoryError as DataError).issues).toEqual((diskError as DataError).issues);
    }
  }
  expect(memory.has('no_such_column')).toBe(false);
  expect(thrown(() => memory.numbers('no_such_column'))).toBeInstanceOf(DataError);
}

describe('reports from the tables a run has just written', () => {
  it('reads a table in memory exactly as its CSV reads back', () => {
    const table: Table = makeTable('mixed', [
      num('price_eur_per_mwh', Float64Array.of(0.1, -0, Number.NaN, 1e-7, -123456.789, 2 ** 60, 1 / 3)),
      int('block', Int32Array.of(0, 1, 2, -3, 4, 5, 6)),
      str('note', ['plain', 'a, comma', 'a "quote"', 'two\nlines', null, '', '12.5']),
      bool('locked', [true, false, true, false, true, false, true]),
      coded('timestamp_utc', ['2024-01-01T00:00:00Z', '2024-01-01T00:15:00Z'], Int32Array.of(0, 1, 0, -1, 1, 1, 0)),
    ]);
    const file = '/runs/x/mixed.csv';
    expectSameTable(runTableOf(table, file), parseRunCsv(tableToCsv(table), 'mixed', file));
  });

  it('gives the same report as reading the run directory back', async () => {
    let fromMemory = '';
    let markdownFromMemory = '';
    const outcome = await runBacktest({
      config: CANONICAL_BELGIUM,
      outDir: tempDir(),
      solver: await sharedSolver(),
      now: () => Date.UTC(2026, 10, 29, 12, 0, 0),
      randomHex6: () => 'a1b2c3',
      // The plan invariants on every executed plan.
      debugChecks: true,
      finishTables: REPORT_TABLE_NAMES,
      finishRunDirectory: (dir, tables) => {
        // The canonical revision run has every table the report reads.
        expect([...tables.keys()].sort()).toEqual([...REPORT_TABLE_NAMES].sort());
        const written = writeReport(dir, { tables });
        fromMemory = readFileSync(written.htmlFile, 'utf8');
        markdownFromMemory = readFileSync(written.markdownFile, 'utf8');
        for (const [name, table] of tables) {
          expectSameTable(runTableOf(table, join(dir, `${name}.csv`)), parseRunCsv(readFileSync(join(dir, `${name}.csv`)), name, join(dir, `${name}.csv`)));
        }
      },
    });
    const runDir = outcome.runDir as string;
    const fromDisk = writeReport(runDir);
    expect(fromMemory.length).toBeGreaterThan(10_000);
    expect(readFileSync(fromDisk.htmlFile, 'utf8')).toBe(fromMemory);
    expect(readFileSync(fromDisk.markdownFile, 'utf8')).toBe(markdownFromMemory);
  }, 120_000);
});
