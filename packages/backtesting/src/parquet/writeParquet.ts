/**
 * A minimal Apache Parquet writer for artifact tables: fast, deterministic, and limited to
 * exactly the subset of the format below (everything it writes follows parquet.thrift and
 * the encodings spec; the tests read it back with hyparquet).
 *
 * File: `PAR1`, one row group holding one column chunk per column in table order, the
 * Thrift-compact FileMetaData (version 2, root `schema`, `created_by` = `euroflex`, a
 * TYPE_ORDER column order per column, statistics with `null_count` only), its 4-byte length,
 * `PAR1`. No timestamps or key-value metadata, so the same table always gives the same bytes.
 *
 * Columns (flat schema, no repetition levels):
 * - `float64` -> DOUBLE, OPTIONAL: NaN is written as null, every other value bit for bit (-0, infinities).
 * - `string`  -> BYTE_ARRAY, OPTIONAL, LogicalType STRING + ConvertedType UTF8: null is null, '' an empty value.
 * - `int32`   -> INT32, REQUIRED, PLAIN; a value that is not an int32 throws.
 * - `boolean` -> BOOLEAN, REQUIRED, PLAIN (bit-packed, LSB first).
 *
 * Dictionary (string and float64 columns, rule in `dictionaryRule.ts`): when a column has at
 * most max(16, rows / 4) distinct non-null values and at most 512 among its first 1,024 rows,
 * its chunk is a PLAIN dictionary page plus RLE_DICTIONARY data pages (constant columns like
 * `market_id`, one date per day, zero revenues, prices with cents); otherwise PLAIN pages
 * (timestamps, full-precision numbers). Doubles are keyed by bit pattern.
 *
 * Pages: DataPage v1; definition levels of OPTIONAL columns in the RLE/bit-packing hybrid
 * (bit width 1) behind a 4-byte length. A chunk is split into pages of about `pageSizeBytes`
 * of values (1 MiB by default, ~131k doubles). Codec: SNAPPY by default (raw block format,
 * greedy hash matcher, our own), UNCOMPRESSED on request; see `ParquetWriteOptions`.
 */
import { columnLength, type Column, type Table } from '../tables/table';
import { ByteWriter } from './byteWriter';
import { writeFileMetadata, type ChunkMeta } from './fileMetadata';
import { writeBooleanChunk, writeFloat64Chunk, writeInt32Chunk, type ChunkLayout } from './numericChunks';
import { PageScratch } from './pageScratch';
import { PageWriter } from './pageWriter';
import { Codec, Encoding, MAGIC, PhysicalType, type CodecId, type EncodingId, type PhysicalTypeId } from './parquetFormat';
import { writeStringChunk } from './stringChunk';

export type ParquetCompression = 'UNCOMPRESSED' | 'SNAPPY';

export interface ParquetWriteOptions {
  /**
   * Page codec; default 'SNAPPY'. On a year-long run's artifact tables SNAPPY files are about
   * the size of hyparquet-writer's and 3.7x smaller than UNCOMPRESSED ones (dominated by
   * timestamp strings), for about 1.5x the write time; UNCOMPRESSED is the faster choice
   * when size does not matter.
   */
  readonly compression?: ParquetCompression;
  /** Target size in bytes of the values of one data page; default 1 MiB (1,048,576). */
  readonly pageSizeBytes?: number;
}

export const DEFAULT_PAGE_SIZE_BYTES = 1 << 20;
const CREATED_BY = 'euroflex';

function writeChunk(column: Column, table: Table, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): ChunkMeta {
  const rowCount = table.rowCount;
  if (columnLength(column) !== rowCount) {
    throw new RangeError(`table ${table.name}: column ${column.name} has ${columnLength(column)} rows, expected ${rowCount}`);
  }
  const label = `table ${table.name} column ${column.name}`;
  pages.startChunk();
  const start = pages.out.length;
  const chunk = (physicalType: PhysicalTypeId, optional: boolean, layout: ChunkLayout): ChunkMeta => {
    const encodings: EncodingId[] = [Encoding.PLAIN];
    if (optional) {
      encodings.push(Encoding.RLE);
    }
    if (layout.dictionaryPageOffset !== undefined) {
      encodings.push(Encoding.RLE_DICTIONARY);
    }
    return {
      name: column.name,
      physicalType,
      optional,
      utf8: column.kind === 'string',
      encodings,
      codec: pages.codec,
      valueCount: rowCount,
      nullCount: layout.nullCount,
      uncompressedBytes: pages.uncompressedBytes,
      compressedBytes: pages.compressedBytes,
      dataPageOffset: layout.dataPageOffset,
      dictionaryPageOffset: layout.dictionaryPageOffset,
    };
  };
  const required: ChunkLayout = { nullCount: 0, dictionaryPageOffset: undefined, dataPageOffset: start };
  switch (column.kind) {
    case 'float64':
      return chunk(PhysicalType.DOUBLE, true, writeFloat64Chunk(column.values, rowCount, pages, scratch, pageSizeBytes));
    case 'string':
      return chunk(PhysicalType.BYTE_ARRAY, true, writeStringChunk(column, rowCount, pages, scratch, pageSizeBytes));
    case 'int32':
      writeInt32Chunk(column.values, rowCount, pages, scratch, pageSizeBytes, label);
      return chunk(PhysicalType.INT32, false, required);
    case 'boolean':
      writeBooleanChunk(column.values, rowCount, pages, pageSizeBytes, label);
      return chunk(PhysicalType.BOOLEAN, false, required);
  }
}

/**
 * The Parquet file of a table (one row group; format subset in the module comment above).
 * Deterministic: equal tables and options give identical bytes. Throws RangeError on an unknown
 * codec, a page size below 1, a table without columns, a column whose length is not
 * `rowCount`, or an int32/boolean value of the wrong type.
 */
export function writeParquet(table: Table, options: ParquetWriteOptions = {}): Uint8Array {
  const pageSizeBytes = options.pageSizeBytes ?? DEFAULT_PAGE_SIZE_BYTES;
  if (!(pageSizeBytes >= 1)) {
    throw new RangeError(`pageSizeBytes must be at least 1, got ${pageSizeBytes}`);
  }
  if (table.columns.length === 0) {
    // Valid by the spec, but readers such as DuckDB refuse a schema with no leaf column.
    throw new RangeError(`table ${table.name} has no columns; a Parquet file needs at least one`);
  }
  const compression = options.compression ?? 'SNAPPY';
  if (compression !== 'SNAPPY' && compression !== 'UNCOMPRESSED') {
    throw new RangeError(`compression must be 'SNAPPY' or 'UNCOMPRESSED', got ${String(compression)}`);
  }
  const codec = compression === 'SNAPPY' ? Codec.SNAPPY : Codec.UNCOMPRESSED;
  // A call that throws keeps its workspace: a half-written page must not reach the next file.
  const workspace = takeWorkspace(codec);
  const { out, pages, scratch } = workspace;
  out.append(MAGIC);
  const chunks = table.columns.map((column) => writeChunk(column, table, pages, scratch, pageSizeBytes));
  const footerStart = out.length;
  writeFileMetadata(out, table.rowCount, chunks, CREATED_BY);
  out.u32le(out.length - footerStart);
  out.append(MAGIC);
  const bytes = out.toBytes();
  out.reset();
  spareWorkspaces.set(codec, workspace);
  return bytes;
}

/** The file buffer, page writer and scratch arrays of one `writeParquet` call. */
interface Workspace {
  readonly out: ByteWriter;
  readonly pages: PageWriter;
  readonly scratch: PageScratch;
}

/**
 * The buffers of the last call, per codec. A run directory writes a dozen tables one after
 * the other: each grew its own file buffer (preallocated from an estimate of the PLAIN size,
 * 4-15 times the file), page buffers and scratch arrays, 30 MB of fresh memory for 3 MB of
 * files (page faults are what this machine pays most for). The file buffer now grows by
 * doubling to the largest file of the process, once. Every buffer
 * is reset or overwritten before it is read (the snappy hash table is cleared per block),
 * so a file's bytes do not depend on what was written before; the result is a copy.
 */
const spareWorkspaces = new Map<CodecId, Workspace>();

function takeWorkspace(codec: CodecId): Workspace {
  const spare = spareWorkspaces.get(codec);
  if (spare !== undefined) {
    // Taken out while in use, so that a nested call (none today) would get its own.
    spareWorkspaces.delete(codec);
    return spare;
  }
  const out = new ByteWriter(1 << 16);
  return { out, pages: new PageWriter(out, codec), scratch: new PageScratch() };
}
