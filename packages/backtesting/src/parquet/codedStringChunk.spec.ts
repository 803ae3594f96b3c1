import fc from 'fast-check';
import { coded, makeTable, num, str, type Column, type Table } from '../tables/table';
import { writeParquet, type ParquetWriteOptions } from './writeParquet';

/** The same table with every coded column given as plain values. */
function asValues(table: Table): Table {
  return makeTable(
    table.name,
    table.columns.map((column): Column => (column.kind === 'string' ? str(column.name, [...column.values]) : column)),
  );
}

function sameBytes(table: Table, options: ParquetWriteOptions = {}): boolean {
  return Buffer.from(writeParquet(table, options)).equals(Buffer.from(writeParquet(asValues(table), options)));
}

const LABELS = ['belgium', '', 'Brüssel', 'a,"b"', '日本', '\u{1F600}', '\ud800', '2024-01-02T00:15:00Z'];

describe('string chunks from label codes', () => {
  it('write the bytes of the same values, on random codes (dictionary and PLAIN, nulls, repeated labels)', () => {
    const labels = fc.array(fc.oneof(fc.constantFrom(...LABELS), fc.string({ unit: 'binary', maxLength: 8 })), { minLength: 1, maxLength: 12 });
    const tables = fc
      .tuple(labels, fc.integer({ min: 0, max: 120 }))
      .chain(([names, rows]) =>
        fc.tuple(
          fc.constant(names),
          fc.array(fc.integer({ min: -1, max: names.length - 1 }), { minLength: rows, maxLength: rows }),
          fc.array(fc.integer({ min: -1, max: names.length - 1 }), { minLength: rows, maxLength: rows }),
        ),
      )
      .map(([names, a, b]) => makeTable('t', [coded('a', names, Int32Array.from(a)), coded('b', names, Int32Array.from(b).sort())]));
    const options = fc.record({
      compression: fc.constantFrom('SNAPPY' as const, 'UNCOMPRESSED' as const),
      pageSizeBytes: fc.oneof(fc.constant(1 << 20), fc.integer({ min: 1, max: 64 })),
    });
    fc.assert(
      fc.property(tables, options, (table, opts) => {
        expect(sameBytes(table, opts)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('write the bytes of the same values where the dictionary rule decides late (probe, size limit)', () => {
    const rows = 5000;
    const unique = Array.from({ length: rows }, (_, i) => `2024-01-01T${i}Z`);
    const identity = Int32Array.from({ length: rows }, (_, i) => i);
    // Runs of 2: exactly 512 distinct values in the first 1,024 rows pass the probe, then the
    // column passes rows / 4 distinct values and falls back to PLAIN.
    const runs = Int32Array.from({ length: rows }, (_, i) => Math.floor(i / 2));
    // Each label twice under different codes, alternating: equal values, different codes.
    const twice = [...unique.slice(0, 10), ...unique.slice(0, 10)];
    const alternating = Int32Array.from({ length: rows }, (_, i) => (i % 2) * 10 + (Math.floor(i / 7) % 10));
    const table = makeTable('late', [
      coded('unique', unique, identity),
      coded('runs', unique, runs),
      coded('twice', twice, alternating),
      coded('constant', ['x'], new Int32Array(rows)),
      coded('none', [], new Int32Array(rows).fill(-1)),
      num('v', new Float64Array(rows)),
    ]);
    expect(sameBytes(table)).toBe(true);
    expect(sameBytes(table, { pageSizeBytes: 4096 })).toBe(true);
  });

  it('refuses a code past the labels', () => {
    expect(() => coded('a', ['x'], Int32Array.from([0, 1]))).toThrow(/code 1 is past its 1 labels/);
  });
});
