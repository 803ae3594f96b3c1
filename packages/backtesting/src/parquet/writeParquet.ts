/**
 * A minimal Apache Parquet writer for artifact tables: fast, deterministic, and limited to
 * exactly the subset of the format below (everything it writes follows parquet.thrift and
 * the encodings spec, and is read back by independent readers in the tests).
 *
 * File: `PAR1`, one row group holding one column chunk per column in table order, the
 * Thrift-compact FileMetaData (version 2, root `schema`, `created_by` = `euroflex`, a
 * TYPE_ORDER column order per column, statistics with `null_count` only), its 4-byte length,
 * `PAR1`. No timestamps or key-value metadata, so the same table always gives the same bytes.
 *
 * Columns (flat schema, no repetition levels):
 * - `float64` -> DOUBLE, OPTIONAL: NaN is written as null, every other value bit for bit (-0, infinities).
 * - `string`  -> BYTE_ARRAY, OPTIONAL, LogicalType STRING + ConvertedType UTF8: null is null, '' an empty value.
 *   A PLAIN dictionary page plus RLE_DICTIONARY data pages when the column has at most
 *   max(16, rows / 4) distinct values (constant columns like `market_id`, one date per day),
 *   PLAIN otherwise (timestamps).
 * - `int32`   -> INT32, REQUIRED, PLAIN; a value that is not an int32 throws.
 * - `boolean` -> BOOLEAN, REQUIRED, PLAIN (bit-packed, LSB first).
 *
 * Pages: DataPage v1; definition levels of OPTIONAL columns in the RLE/bit-packing hybrid
 * (bit width 1) behind a 4-byte length. A chunk is split into pages of about
 * `pageSizeBytes` of values (1 MiB by default, so ~131k doubles per page). Codec: UNCOMPRESSED
 * by default, SNAPPY (raw block format, greedy hash matcher) on request; see `ParquetWriteOptions`.
 */
import type { Column, Table } from '../tables/table';
import { ByteWriter } from './byteWriter';
import { writeFileMetadata, type ChunkMeta } from './fileMetadata';
import { writeBooleanChunk, writeFloat64Chunk, writeInt32Chunk } from './numericChunks';
import { PageScratch } from './pageScratch';
import { PageWriter } from './pageWriter';
import { Codec, Encoding, MAGIC, PhysicalType } from './parquetFormat';
import { writeStringChunk } from './stringChunk';

export type ParquetCompression = 'UNCOMPRESSED' | 'SNAPPY';

export interface ParquetWriteOptions {
  /**
   * Page codec. Default 'UNCOMPRESSED': for our artifact tables it is several times faster to
   * write and SNAPPY saves too little to pay for it (numbers in the package report).
   */
  readonly compression?: ParquetCompression;
  /** Target size in bytes of the values of one data page; default 1 MiB (1,048,576). */
  readonly pageSizeBytes?: number;
}

export const DEFAULT_PAGE_SIZE_BYTES = 1 << 20;
const CREATED_BY = 'euroflex';

/** Bytes to preallocate: exact for numbers, a guess for strings; the buffer doubles if it is short. */
function estimateBytes(table: Table): number {
  let bytes = 1024;
  for (const column of table.columns) {
    const rows = table.rowCount;
    bytes += 256 + column.name.length * 6;
    bytes += column.kind === 'float64' ? rows * 8 + rows / 8 : column.kind === 'int32' ? rows * 4 : column.kind === 'boolean' ? rows / 8 : rows * 2;
  }
  return Math.ceil(bytes);
}

function writeChunk(column: Column, table: Table, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): ChunkMeta {
  const rowCount = table.rowCount;
  if (column.values.length !== rowCount) {
    throw new RangeError(`table ${table.name}: column ${column.name} has ${column.values.length} rows, expected ${rowCount}`);
  }
  const label = `table ${table.name} column ${column.name}`;
  pages.startChunk();
  const dataPageOffset = pages.out.length;
  const base = { name: column.name, codec: pages.codec, valueCount: rowCount };
  const sizes = () => ({ uncompressedBytes: pages.uncompressedBytes, compressedBytes: pages.compressedBytes });
  switch (column.kind) {
    case 'float64': {
      const nullCount = writeFloat64Chunk(column.values, rowCount, pages, scratch, Math.max(1, Math.floor(pageSizeBytes / 8)));
      const encodings = [Encoding.PLAIN, Encoding.RLE];
      return { ...base, physicalType: PhysicalType.DOUBLE, optional: true, utf8: false, encodings, nullCount, ...sizes(), dataPageOffset, dictionaryPageOffset: undefined };
    }
    case 'int32': {
      writeInt32Chunk(column.values, rowCount, pages, scratch, Math.max(1, Math.floor(pageSizeBytes / 4)), label);
      const encodings = [Encoding.PLAIN];
      return { ...base, physicalType: PhysicalType.INT32, optional: false, utf8: false, encodings, nullCount: 0, ...sizes(), dataPageOffset, dictionaryPageOffset: undefined };
    }
    case 'boolean': {
      writeBooleanChunk(column.values, rowCount, pages, Math.max(8, pageSizeBytes * 8), label);
      const encodings = [Encoding.PLAIN];
      return { ...base, physicalType: PhysicalType.BOOLEAN, optional: false, utf8: false, encodings, nullCount: 0, ...sizes(), dataPageOffset, dictionaryPageOffset: undefined };
    }
    case 'string': {
      const chunk = writeStringChunk(column.values, rowCount, pages, scratch, pageSizeBytes);
      const encodings = chunk.dictionary ? [Encoding.PLAIN, Encoding.RLE, Encoding.RLE_DICTIONARY] : [Encoding.PLAIN, Encoding.RLE];
      return {
        ...base,
        physicalType: PhysicalType.BYTE_ARRAY,
        optional: true,
        utf8: true,
        encodings,
        nullCount: chunk.nullCount,
        ...sizes(),
        dataPageOffset: chunk.dataPageOffset,
        dictionaryPageOffset: chunk.dictionaryPageOffset,
      };
    }
  }
}

/**
 * The Parquet file of a table (one row group; format subset in the module comment above).
 * Deterministic: equal tables and options give identical bytes. Throws RangeError on a column
 * whose length is not `rowCount`, or an int32/boolean value of the wrong type.
 */
export function writeParquet(table: Table, options: ParquetWriteOptions = {}): Uint8Array {
  const pageSizeBytes = options.pageSizeBytes ?? DEFAULT_PAGE_SIZE_BYTES;
  if (!(pageSizeBytes >= 1)) {
    throw new RangeError(`pageSizeBytes must be at least 1, got ${pageSizeBytes}`);
  }
  const codec = (options.compression ?? 'UNCOMPRESSED') === 'SNAPPY' ? Codec.SNAPPY : Codec.UNCOMPRESSED;
  const out = new ByteWriter(estimateBytes(table));
  out.append(MAGIC);
  const pages = new PageWriter(out, codec);
  const scratch = new PageScratch();
  const chunks = table.columns.map((column) => writeChunk(column, table, pages, scratch, pageSizeBytes));
  const footerStart = out.length;
  writeFileMetadata(out, table.rowCount, chunks, CREATED_BY);
  out.u32le(out.length - footerStart);
  out.append(MAGIC);
  return out.toBytes();
}
