import fc from 'fast-check';
import { bool, coded, int, makeTable, num, str, type Column, type Table } from '../tables/table';
import { tableToCsv } from '../tables/toCsv';
import { csvByteChunks } from './csvBytes';

/**
 * The straightforward encoder `csvByteChunks` replaced (per-cell strings, joined, written as
 * UTF-8), kept here as the reference: the bytes must be identical.
 */
function referenceCsv(table: Table): Buffer {
  const quote = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const cell = (column: Column, r: number): string => {
    const value = column.values[r];
    switch (column.kind) {
      case 'string':
        return value === null ? '' : quote(value as string);
      case 'boolean':
        return value ? 'true' : 'false';
      default:
        return value === 0 ? '0' : Number.isNaN(value) ? '' : String(value);
    }
  };
  const lines = [table.columns.map((column) => quote(column.name)).join(',')];
  for (let r = 0; r < table.rowCount; r += 1) {
    lines.push(table.columns.map((column) => cell(column, r)).join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** The chunks joined (each copied before the next is asked for, as the writer does). */
function encoded(table: Table): Buffer {
  return Buffer.concat(Array.from(csvByteChunks(table), (chunk) => Buffer.from(chunk)));
}

const TRICKY_NUMBERS = [
  0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1, -1, 1.5, 0.1, 0.1 + 0.2, 1e-7, 1.5e-7, 1e-6, 123e-20,
  1e21, 1e20, 123456789012345680000, 2 ** 53, -(2 ** 53) - 2, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 5e-324,
  Number.EPSILON, 1 / 3, -2 / 3, 29.700000000000003, 0.375, 1e300, -1e-300, 4.35, 100, 1234.5678901234567,
];

const TRICKY_STRINGS: (string | null)[] = [
  '', null, 'a', 'belgium-canonical-site', 'a,b', 'say "hi"', '"', '""', ',', 'line\nbreak', 'cr\rhere', '\r\n', ' spaced ',
  'Brüssel', 'Zürich,"x"', '€', '日本', '\u{1F600}', '\ud800', 'x\udc00y', '\u007f', 'tab\tsep', '2024-01-02T00:15:00Z',
];

function column(name: string, rows: number, kind: number, pick: (i: number) => number): Column {
  switch (kind) {
    case 0:
      return num(name, Float64Array.from({ length: rows }, (_, i) => TRICKY_NUMBERS[pick(i) % TRICKY_NUMBERS.length]));
    case 1:
      return num(name, Array.from({ length: rows }, (_, i) => TRICKY_NUMBERS[pick(i) % TRICKY_NUMBERS.length]));
    case 2:
      return str(name, Array.from({ length: rows }, (_, i) => TRICKY_STRINGS[pick(i) % TRICKY_STRINGS.length]));
    case 3:
      return int(name, Int32Array.from({ length: rows }, (_, i) => pick(i) - 2 ** 30));
    default:
      return bool(name, Array.from({ length: rows }, (_, i) => pick(i) % 2 === 0));
  }
}

describe('csvByteChunks', () => {
  it('writes the same bytes as the straightforward encoder and tableToCsv for tricky cells', () => {
    const table = makeTable('t', [
      num('n', TRICKY_NUMBERS),
      num('typed', Float64Array.from(TRICKY_NUMBERS)),
      str('s', Array.from(TRICKY_NUMBERS, (_, i) => TRICKY_STRINGS[i % TRICKY_STRINGS.length])),
      int('i', Array.from(TRICKY_NUMBERS, (_, i) => (i % 2 === 0 ? i : -(2 ** 31) + i))),
      bool('b', Array.from(TRICKY_NUMBERS, (_, i) => i % 3 === 0)),
      str('needs "quotes", too', Array.from(TRICKY_NUMBERS, () => 'x')),
    ]);
    const bytes = encoded(table);
    expect(bytes.equals(referenceCsv(table))).toBe(true);
    expect(bytes.equals(Buffer.from(tableToCsv(table), 'utf8'))).toBe(true);
    expect(bytes.toString('utf8').split('\n').slice(1, 4)).toEqual([
      '0,0,,0,true,x',
      '0,0,,-2147483647,false,x',
      ',,a,2,false,x',
    ]);
  });

  it('prints -0 as 0, NaN as nothing, and exponents as String does', () => {
    const table = makeTable('t', [num('v', [-0, Number.NaN, 1e-7, 1e21, -1.5e-7, 123456789012345680000, 0.30000000000000004])]);
    expect(encoded(table).toString('utf8')).toBe('v\n0\n\n1e-7\n1e+21\n-1.5e-7\n123456789012345680000\n0.30000000000000004\n');
  });

  it('matches across chunk boundaries, long runs and many distinct values', () => {
    const rows = 20_000;
    const table = makeTable('big', [
      str('ts', Array.from({ length: rows }, (_, i) => `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T${i}Z`)),
      str('site', new Array<string>(rows).fill('belgium-canonical-site')),
      num('soc', Float64Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? 0 : Math.sin(i) * 1.5))),
      num('price', Float64Array.from({ length: rows }, (_, i) => Math.floor(i / 4) / 100)),
      num('gaps', Float64Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? Number.NaN : i))),
      str('note', Array.from({ length: rows }, (_, i) => (i % 1000 === 0 ? 'a "quoted", note' : i % 3 === 0 ? null : 'n'))),
    ]);
    expect(encoded(table).equals(referenceCsv(table))).toBe(true);
  });

  it('writes label-coded string columns as their values, across chunks', () => {
    const rows = 20_000;
    const labels = TRICKY_STRINGS.filter((value): value is string => value !== null);
    const unique = Array.from({ length: rows }, (_, i) => `t${i}`);
    const table = makeTable('coded', [
      coded('tricky', labels, Int32Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? -1 : Math.floor(i / 3) % labels.length))),
      coded('unique', unique, Int32Array.from({ length: rows }, (_, i) => rows - 1 - i)),
      // The same labels again (encoded once, shared): other codes.
      coded('again', unique, Int32Array.from({ length: rows }, (_, i) => (i * 7) % rows)),
      num('v', Float64Array.from({ length: rows }, (_, i) => i / 7)),
      coded('none', [], new Int32Array(rows).fill(-1)),
    ]);
    const bytes = encoded(table);
    expect(bytes.equals(referenceCsv(table))).toBe(true);
    expect(bytes.equals(encoded(makeTable('plain', table.columns.map((column) => (column.kind === 'string' ? str(column.name, column.values) : column)))))).toBe(true);
  });

  it('quotes an ASCII label with a line break, wherever it stands among plain labels', () => {
    for (const labels of [['a', 'line\nbreak', 'z'], ['line\nbreak', 'z'], ['a', 'line\nbreak'], ['\n'], ['', 'a']]) {
      const table = makeTable('t', [coded('l', labels, Int32Array.from({ length: 7 }, (_, i) => (i % (labels.length + 1)) - 1))]);
      expect(encoded(table).equals(referenceCsv(table))).toBe(true);
    }
  });

  it('gives each table its own bytes when two tables are encoded at once', () => {
    // Chunk buffers are handed from one table to the next; two tables in flight must not share one.
    const a = makeTable('a', [num('x', Float64Array.from({ length: 3000 }, (_, i) => i * 1.5)), str('s', Array.from({ length: 3000 }, (_, i) => `a${i}`))]);
    const b = makeTable('b', [num('y', Float64Array.from({ length: 2500 }, (_, i) => -i / 7))]);
    const alone = (table: Table): Buffer => {
      const copies: Buffer[] = [];
      for (const chunk of csvByteChunks(table)) {
        copies.push(Buffer.from(chunk));
      }
      return Buffer.concat(copies);
    };
    const expectedA = alone(a);
    const expectedB = alone(b);
    const chunksA: Buffer[] = [];
    const chunksB: Buffer[] = [];
    const first = csvByteChunks(a);
    const second = csvByteChunks(b);
    // A chunk stays valid until its own generator is asked for the next one, so both chunks
    // of a round are read only after both generators have moved.
    for (;;) {
      const nextA = first.next();
      const nextB = second.next();
      if (nextA.done !== true) {
        chunksA.push(Buffer.from(nextA.value));
      }
      if (nextB.done !== true) {
        chunksB.push(Buffer.from(nextB.value));
      }
      if (nextA.done === true && nextB.done === true) {
        break;
      }
    }
    expect(Buffer.concat(chunksA).equals(expectedA)).toBe(true);
    expect(Buffer.concat(chunksB).equals(expectedB)).toBe(true);
    expect(alone(a).equals(expectedA)).toBe(true);
  });

  it('writes a header only for a table without rows', () => {
    const table = makeTable('t', [num('a', []), str('b,c', [])]);
    expect(encoded(table).toString('utf8')).toBe('a,"b,c"\n');
  });

  it('matches the straightforward encoder on random tables', () => {
    const doubles = fc.oneof(fc.double(), fc.constantFrom(...TRICKY_NUMBERS), fc.integer().map((n) => n / 100));
    const strings = fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom(...TRICKY_STRINGS));
    const columnOf = (rows: number, name: string): fc.Arbitrary<Column> => {
      const values = <T>(value: fc.Arbitrary<T>) => fc.array(value, { minLength: rows, maxLength: rows });
      // Runs of repeated values, as artifact columns have them.
      const runs = <T>(value: fc.Arbitrary<T>) => values(fc.tuple(value, fc.boolean())).map((cells) => cells.map(([v], i) => (i > 0 && cells[i][1] ? cells[i - 1][0] : v)));
      return fc.oneof(
        runs(doubles).map((v) => num(name, Float64Array.from(v))),
        values(doubles).map((v) => num(name, v)),
        runs(strings).map((v) => str(name, v)),
        values(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })).map((v) => int(name, Int32Array.from(v))),
        values(fc.boolean()).map((v) => bool(name, v)),
      );
    };
    const tables = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 6 }))
      .chain(([rows, names]) => fc.tuple(...[...new Set(names)].map((name) => columnOf(rows, name))))
      .map((columns) => makeTable('random', columns));
    fc.assert(
      fc.property(tables, (table) => {
        expect(encoded(table).equals(referenceCsv(table))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('matches on seeded wide tables of every column kind', () => {
    let state = 7;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 8;
    };
    for (let round = 0; round < 20; round += 1) {
      const rows = next() % 300;
      const columns = Array.from({ length: 1 + (next() % 12) }, (_, c) => column(`c${c}`, rows, next() % 5, () => next()));
      const table = makeTable('seeded', columns);
      expect(encoded(table).equals(referenceCsv(table))).toBe(true);
    }
  });
});
