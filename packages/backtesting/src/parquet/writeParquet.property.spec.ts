import fc from 'fast-check';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { bool, int, makeTable, num, str, type Column } from '../tables/table';
import { writeParquet, type ParquetWriteOptions } from './writeParquet';

function fileOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** One column of `rows` values; "few" styles repeat a handful of values so dictionaries get written too. */
function columnArbitrary(rows: number, index: number): fc.Arbitrary<Column> {
  const name = `c${index}`;
  const ofLength = <T>(value: fc.Arbitrary<T>) => fc.array(value, { minLength: rows, maxLength: rows });
  const anyDouble = fc.double();
  const fewDoubles = fc.constantFrom(0, -0, 12.5, Number.NaN, 1e-300, -7);
  const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constant(null));
  const fewStrings = fc.constantFrom<string | null>('belgium', 'Brüssel', '', null, 'a,"b"');
  return fc.oneof(
    fc.tuple(ofLength(fc.oneof(anyDouble, fewDoubles)), fc.boolean()).map(([values, typed]) => num(name, typed ? Float64Array.from(values) : values)),
    ofLength(fewDoubles).map((values) => num(name, Float64Array.from(values))),
    ofLength(anyString).map((values) => str(name, values)),
    ofLength(fewStrings).map((values) => str(name, values)),
    fc.tuple(ofLength(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), fc.boolean()).map(([values, typed]) => int(name, typed ? Int32Array.from(values) : values)),
    ofLength(fc.boolean()).map((values) => bool(name, values)),
  );
}

const tableArbitrary = fc
  .integer({ min: 0, max: 150 })
  .chain((rows) => fc.integer({ min: 1, max: 6 }).chain((width) => fc.tuple(...Array.from({ length: width }, (_, i) => columnArbitrary(rows, i)))))
  .map((columns) => makeTable('random', columns));

const optionsArbitrary: fc.Arbitrary<ParquetWriteOptions> = fc.record({
  compression: fc.constantFrom('SNAPPY' as const, 'UNCOMPRESSED' as const),
  pageSizeBytes: fc.oneof(fc.constant(1 << 20), fc.integer({ min: 1, max: 256 })),
});

describe('writeParquet on random tables', () => {
  it('round-trips every cell exactly through hyparquet, deterministically', async () => {
    await fc.assert(
      fc.asyncProperty(tableArbitrary, optionsArbitrary, async (table, options) => {
        const bytes = writeParquet(table, options);
        expect(Buffer.from(writeParquet(table, options)).equals(Buffer.from(bytes))).toBe(true);
        const file = fileOf(bytes);
        expect(parquetMetadata(file).num_rows).toBe(BigInt(table.rowCount));
        const rows = await parquetReadObjects({ file });
        expect(rows).toHaveLength(table.rowCount);
        for (const column of table.columns) {
          for (let r = 0; r < table.rowCount; r += 1) {
            const value = column.values[r];
            const expected = column.kind === 'float64' && Number.isNaN(value) ? null : value;
            if (!Object.is(rows[r][column.name], expected)) {
              throw new Error(`${column.kind} column ${column.name} row ${r}: read ${String(rows[r][column.name])}, wrote ${String(expected)}`);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
