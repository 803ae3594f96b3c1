import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { bool, coded, constant, int, makeTable, num, str, type Table } from '../tables/table';
import { writeParquet, type ParquetCompression, type ParquetWriteOptions } from './writeParquet';

const CODECS: readonly ParquetCompression[] = ['SNAPPY', 'UNCOMPRESSED'];

/** The exact bytes of the file as the ArrayBuffer hyparquet reads. */
function fileOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Every cell read back by hyparquet equals the table's: doubles bit for bit (Object.is), NaN as null. */
async function expectRoundTrip(table: Table, options?: ParquetWriteOptions): Promise<Uint8Array> {
  const bytes = writeParquet(table, options);
  const rows = await parquetReadObjects({ file: fileOf(bytes) });
  expect(rows).toHaveLength(table.rowCount);
  for (const column of table.columns) {
    for (let r = 0; r < table.rowCount; r += 1) {
      const actual = rows[r][column.name];
      const value = column.values[r];
      const expected = column.kind === 'float64' && Number.isNaN(value) ? null : value;
      if (!Object.is(actual, expected)) {
        throw new Error(`${column.name} row ${r}: read ${String(actual)}, wrote ${String(expected)}`);
      }
    }
  }
  return bytes;
}

function columnMeta(bytes: Uint8Array, name: string) {
  const metadata = parquetMetadata(fileOf(bytes));
  const chunk = metadata.row_groups[0].columns.find((c) => c.meta_data?.path_in_schema[0] === name);
  const meta = chunk?.meta_data;
  if (!meta) {
    throw new Error(`no column chunk ${name}`);
  }
  return meta;
}

/**
 * Page types per column, found by walking each chunk's page headers with hyparquet's header
 * parser from the chunk's first page to `total_compressed_size` bytes later (which must land
 * exactly on the chunk's end).
 */
function pagesOf(bytes: Uint8Array): Record<string, string[]> {
  const view = new DataView(fileOf(bytes));
  const pages: Record<string, string[]> = {};
  for (const chunk of parquetMetadata(fileOf(bytes)).row_groups[0].columns) {
    const meta = chunk.meta_data;
    if (!meta) {
      throw new Error('column chunk without metadata');
    }
    const reader = { view, offset: Number(meta.dictionary_page_offset ?? meta.data_page_offset) };
    const end = reader.offset + Number(meta.total_compressed_size);
    const types: string[] = [];
    while (reader.offset < end) {
      const header = parquetHeader(reader);
      types.push(header.type);
      reader.offset += header.compressed_page_size;
    }
    expect(reader.offset).toBe(end);
    pages[meta.path_in_schema[0]] = types;
  }
  return pages;
}

const mixed = makeTable('mixed', [
  str('city', ['Brüssel', 'a,b', 'say "hi"', '', null, '🔋 line\nbreak']),
  constant('market_id', 'belgium', 6),
  num('price_eur_per_mwh', [0.1 + 0.2, -0, Number.NaN, Infinity, -Infinity, 5e-324]),
  num('limit_mw', [Number.MAX_VALUE, -Number.MAX_VALUE, 1 / 3, 0, Number.NaN, 12.5]),
  int('interval', [0, -1, 2147483647, -2147483648, 96, 7]),
  bool('locked', [true, false, false, true, true, false]),
]);

describe('writeParquet', () => {
  it.each(CODECS)('writes names, types and every value so that hyparquet reads them back exactly (%s)', async (compression) => {
    const bytes = await expectRoundTrip(mixed, { compression });
    const metadata = parquetMetadata(fileOf(bytes));
    expect(metadata.created_by).toBe('euroflex');
    expect(metadata.num_rows).toBe(6n);
    expect(metadata.row_groups).toHaveLength(1);
    expect(metadata.schema.slice(1).map((e) => [e.name, e.type, e.repetition_type, e.converted_type, e.logical_type?.type])).toEqual([
      ['city', 'BYTE_ARRAY', 'OPTIONAL', 'UTF8', 'STRING'],
      ['market_id', 'BYTE_ARRAY', 'OPTIONAL', 'UTF8', 'STRING'],
      ['price_eur_per_mwh', 'DOUBLE', 'OPTIONAL', undefined, undefined],
      ['limit_mw', 'DOUBLE', 'OPTIONAL', undefined, undefined],
      ['interval', 'INT32', 'REQUIRED', undefined, undefined],
      ['locked', 'BOOLEAN', 'REQUIRED', undefined, undefined],
    ]);
    expect(columnMeta(bytes, 'city').codec).toBe(compression);
    expect(columnMeta(bytes, 'city').statistics?.null_count).toBe(1n);
    expect(columnMeta(bytes, 'price_eur_per_mwh').statistics?.null_count).toBe(1n);
    expect(columnMeta(bytes, 'interval').statistics?.null_count).toBe(0n);
    expect(columnMeta(bytes, 'interval').num_values).toBe(6n);
  });

  it('is deterministic: the same table gives identical bytes', () => {
    for (const compression of CODECS) {
      const first = writeParquet(mixed, { compression });
      const again = writeParquet(makeTable('mixed', mixed.columns.map((c) => ({ ...c }))), { compression });
      expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    }
    expect(Buffer.from(writeParquet(mixed, { compression: 'SNAPPY' })).equals(Buffer.from(writeParquet(mixed, { compression: 'UNCOMPRESSED' })))).toBe(false);
  });

  it('gives a file the same bytes whatever was written before it, a failed write included', () => {
    // The writer reuses its buffers between calls; nothing of an earlier file may show.
    const big = makeTable('big', [
      str('t', Array.from({ length: 5000 }, (_, i) => `2024-01-01T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z#${i}`)),
      num('x', Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 100)),
    ]);
    for (const compression of CODECS) {
      const alone = Buffer.from(writeParquet(mixed, { compression }));
      const bigBytes = Buffer.from(writeParquet(big, { compression }));
      expect(Buffer.from(writeParquet(mixed, { compression })).equals(alone)).toBe(true);
      const ragged: Table = { name: 'ragged', rowCount: 5000, columns: [big.columns[0], num('short', [1])] };
      expect(() => writeParquet(ragged, { compression })).toThrow('column short has 1 rows');
      expect(Buffer.from(writeParquet(mixed, { compression })).equals(alone)).toBe(true);
      expect(Buffer.from(writeParquet(big, { compression })).equals(bigBytes)).toBe(true);
    }
  });

  it('writes a time axis shared by several tables with the bytes of its plain values, its pages reused or not', async () => {
    // A column whose codes are one run of consecutive labels copies the pages that the same
    // run wrote before (codedPlainPages.ts); a run, a sub-run, a tiled axis and another page
    // size must each give the bytes of the same table with plain string values.
    const labels = Array.from({ length: 3000 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 900_000).toISOString());
    const axis = (first: number, count: number, times = 1): Int32Array => Int32Array.from({ length: count * times }, (_, i) => first + (i % count));
    const cases: [string, Int32Array, ParquetWriteOptions][] = [
      ['run', axis(0, 3000), {}],
      ['run again', axis(0, 3000), {}],
      ['run, small pages', axis(0, 3000), { pageSizeBytes: 4096 }],
      ['run, small pages again', axis(0, 3000), { pageSizeBytes: 4096 }],
      ['sub-run', axis(10, 500), {}],
      ['tiled', axis(0, 3000, 2), {}],
      ['run, uncompressed', axis(0, 3000), { compression: 'UNCOMPRESSED' }],
    ];
    for (const [label, codes, options] of cases) {
      const x = num('x', Float64Array.from(codes, (c) => c / 7));
      const fromCodes = writeParquet(makeTable(label, [coded('timestamp_utc', labels, codes), x]), options);
      const plain = writeParquet(makeTable(label, [str('timestamp_utc', Array.from(codes, (c) => labels[c])), x]), options);
      expect({ label, same: Buffer.from(fromCodes).equals(Buffer.from(plain)) }).toEqual({ label, same: true });
    }
    const rows = await parquetReadObjects({ file: fileOf(writeParquet(makeTable('again', [coded('timestamp_utc', labels, axis(0, 3000))]))) });
    expect(rows.map((row) => row.timestamp_utc)).toEqual(labels);
  });

  it('starts and ends with PAR1 and stores the footer length before the trailing magic', () => {
    const bytes = writeParquet(mixed);
    const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
    expect(ascii(0, 4)).toBe('PAR1');
    expect(ascii(bytes.length - 4, bytes.length)).toBe('PAR1');
    const footerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
    expect(parquetMetadata(fileOf(bytes)).metadata_length).toBe(footerLength);
  });

  it('dictionary-encodes constant and low-cardinality columns and writes unique ones PLAIN', async () => {
    const rows = 1000;
    const table = makeTable('dictionary', [
      constant('market_id', 'belgium', rows),
      str('timestamp_utc', Array.from({ length: rows }, (_, i) => `2025-01-01T00:${String(i).padStart(4, '0')}Z`)),
      str('date', Array.from({ length: rows }, (_, i) => (i % 96 === 5 ? null : `day-${Math.floor(i / 96)}`))),
      num('limit_mw', new Float64Array(rows).fill(12)),
      num('price_eur_per_mwh', Float64Array.from({ length: rows }, (_, i) => Math.sqrt(i))),
      num('charge_mw', Float64Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? Number.NaN : i % 3 === 0 ? -0 : (i % 5) * 2.5))),
    ]);
    for (const compression of CODECS) {
      const bytes = await expectRoundTrip(table, { compression });
      const dictionary = ['PLAIN', 'RLE', 'RLE_DICTIONARY'];
      expect(columnMeta(bytes, 'market_id').encodings).toEqual(dictionary);
      expect(columnMeta(bytes, 'date').encodings).toEqual(dictionary);
      expect(columnMeta(bytes, 'limit_mw').encodings).toEqual(dictionary);
      expect(columnMeta(bytes, 'charge_mw').encodings).toEqual(dictionary);
      expect(columnMeta(bytes, 'timestamp_utc').encodings).toEqual(['PLAIN', 'RLE']);
      expect(columnMeta(bytes, 'price_eur_per_mwh').encodings).toEqual(['PLAIN', 'RLE']);
      expect(columnMeta(bytes, 'timestamp_utc').dictionary_page_offset).toBeUndefined();
      const marketId = columnMeta(bytes, 'market_id');
      expect(marketId.dictionary_page_offset).toBeDefined();
      expect(Number(marketId.dictionary_page_offset)).toBeLessThan(Number(marketId.data_page_offset));
      expect(columnMeta(bytes, 'charge_mw').statistics?.null_count).toBe(143n);
      expect(columnMeta(bytes, 'date').statistics?.null_count).toBe(11n);
    }
  });

  it('keeps the dictionary of a 16-value column even in a 20-row table, and drops it beyond rows / 4', () => {
    const cycle = (n: number, rows: number) => Array.from({ length: rows }, (_, i) => `v${i % n}`);
    const encodings = (values: string[]) => columnMeta(writeParquet(makeTable('t', [str('s', values)])), 's').encodings;
    expect(encodings(cycle(16, 20))).toContain('RLE_DICTIONARY');
    expect(encodings(cycle(17, 20))).not.toContain('RLE_DICTIONARY');
    expect(encodings(cycle(250, 1000))).toContain('RLE_DICTIONARY');
    expect(encodings(cycle(251, 1000))).not.toContain('RLE_DICTIONARY');
  });

  it('tells empty strings from nulls and all-null columns from empty ones', async () => {
    const table = makeTable('nulls', [
      str('empty', ['', '', '']),
      str('missing', [null, null, null]),
      str('mixed', ['', null, 'x']),
      num('missing_mw', [Number.NaN, Number.NaN, Number.NaN]),
    ]);
    await expectRoundTrip(table);
    expect(await parquetReadObjects({ file: fileOf(writeParquet(table)) })).toEqual([
      { empty: '', missing: null, mixed: '', missing_mw: null },
      { empty: '', missing: null, mixed: null, missing_mw: null },
      { empty: '', missing: null, mixed: 'x', missing_mw: null },
    ]);
  });

  it('writes lone UTF-16 surrogates as U+FFFD, as TextEncoder does', async () => {
    const rows = await parquetReadObjects({ file: fileOf(writeParquet(makeTable('t', [str('s', ['a\ud800b', 'x'])]))) });
    expect(rows.map((r) => r['s'])).toEqual(['a\ufffdb', 'x']);
  });

  it('writes tables of 0 and 1 rows', async () => {
    const columns = (rows: number) => [
      str('s', new Array<string>(rows).fill('x')),
      num('x', new Float64Array(rows).fill(1.5)),
      int('i', new Int32Array(rows).fill(3)),
      bool('b', new Array<boolean>(rows).fill(true)),
    ];
    for (const compression of CODECS) {
      const empty = await expectRoundTrip(makeTable('empty', columns(0)), { compression });
      expect(parquetMetadata(fileOf(empty)).num_rows).toBe(0n);
      expect(parquetMetadata(fileOf(empty)).schema.map((e) => e.name)).toEqual(['schema', 's', 'x', 'i', 'b']);
      await expectRoundTrip(makeTable('one', columns(1)), { compression });
    }
  });

  it('writes 100k rows in one page per column by default and in many pages when pages are small', async () => {
    const rows = 100_000;
    const table = makeTable('big', [
      str('timestamp_utc', Array.from({ length: rows }, (_, i) => `t${i}`)),
      constant('market_id', 'netherlands', rows),
      num('price_eur_per_mwh', Float64Array.from({ length: rows }, (_, i) => (i % 1000 === 0 ? Number.NaN : Math.sin(i) * 100))),
      num('charge_mw', Float64Array.from({ length: rows }, (_, i) => (i % 96 < 40 ? 0 : i % 4))),
      int('interval', Int32Array.from({ length: rows }, (_, i) => i)),
      bool('locked', Array.from({ length: rows }, (_, i) => i % 3 === 0)),
    ]);
    const single = await expectRoundTrip(table);
    const dataPages = (pages: string[]) => pages.filter((type) => type === 'DATA_PAGE').length;
    expect(pagesOf(single)).toEqual({
      timestamp_utc: ['DATA_PAGE'],
      market_id: ['DICTIONARY_PAGE', 'DATA_PAGE'],
      price_eur_per_mwh: ['DATA_PAGE'],
      charge_mw: ['DICTIONARY_PAGE', 'DATA_PAGE'],
      interval: ['DATA_PAGE'],
      locked: ['DATA_PAGE'],
    });
    for (const compression of CODECS) {
      const pages = pagesOf(await expectRoundTrip(table, { pageSizeBytes: 64 * 1024, compression }));
      // 800,000 bytes of doubles in 64 KiB pages: 8,192 values a page, 13 pages; int32: 16,384 a page, 7 pages.
      expect(dataPages(pages['price_eur_per_mwh'])).toBe(13);
      expect(dataPages(pages['interval'])).toBe(7);
      expect(dataPages(pages['timestamp_utc'])).toBeGreaterThan(10);
      // 2-bit indices plus a level bit: 174,762 rows fit in one 64 KiB page.
      expect(pages['charge_mw']).toEqual(['DICTIONARY_PAGE', 'DATA_PAGE']);
      expect(pages['locked']).toEqual(['DATA_PAGE']);
    }
  });

  it('rejects int32 and boolean values of the wrong type, and ragged columns, naming table, column and row', () => {
    const ints = (values: number[]) => () => writeParquet(makeTable('t', [int('n', values)]));
    expect(ints([1, 2 ** 31])).toThrow('table t column n row 1: 2147483648 is not an int32');
    expect(ints([1.5])).toThrow(/row 0: 1.5 is not an int32/);
    expect(ints([Number.NaN])).toThrow(/row 0: NaN is not an int32/);
    const flags = [true, 'yes'] as unknown as boolean[];
    expect(() => writeParquet(makeTable('t', [bool('b', flags)]))).toThrow('table t column b row 1: yes is not a boolean');
    const ragged: Table = { name: 't', rowCount: 2, columns: [num('x', [1])] };
    expect(() => writeParquet(ragged)).toThrow('table t: column x has 1 rows, expected 2');
    expect(() => writeParquet(mixed, { pageSizeBytes: 0 })).toThrow(/pageSizeBytes/);
    expect(() => writeParquet(makeTable('bare', []))).toThrow('table bare has no columns');
    const gzip = { compression: 'GZIP' } as unknown as ParquetWriteOptions;
    expect(() => writeParquet(mixed, gzip)).toThrow("compression must be 'SNAPPY' or 'UNCOMPRESSED', got GZIP");
  });
});
