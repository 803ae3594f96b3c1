import type { ByteWriter } from './byteWriter';
import { ConvertedType, Repetition, type CodecId, type EncodingId, type PhysicalTypeId } from './parquetFormat';
import { CompactType, CompactWriter } from './thriftCompact';

/** What the footer records about one column chunk (all offsets and sizes in bytes). */
export interface ChunkMeta {
  readonly name: string;
  readonly physicalType: PhysicalTypeId;
  readonly optional: boolean;
  /** BYTE_ARRAY annotated as STRING / UTF8. */
  readonly utf8: boolean;
  readonly encodings: readonly EncodingId[];
  readonly codec: CodecId;
  /** Rows in the chunk, nulls included. */
  readonly valueCount: number;
  readonly nullCount: number;
  readonly uncompressedBytes: number;
  readonly compressedBytes: number;
  readonly dataPageOffset: number;
  readonly dictionaryPageOffset: number | undefined;
}

function writeSchema(thrift: CompactWriter, chunks: readonly ChunkMeta[]): void {
  thrift.listFieldBegin(2, CompactType.STRUCT, chunks.length + 1);
  // SchemaElement: 1 type, 3 repetition_type, 4 name, 5 num_children, 6 converted_type, 10 logicalType.
  thrift.structBegin();
  thrift.stringField(4, 'schema');
  thrift.i32Field(5, chunks.length);
  thrift.structEnd();
  for (const chunk of chunks) {
    thrift.structBegin();
    thrift.i32Field(1, chunk.physicalType);
    thrift.i32Field(3, chunk.optional ? Repetition.OPTIONAL : Repetition.REQUIRED);
    thrift.stringField(4, chunk.name);
    if (chunk.utf8) {
      thrift.i32Field(6, ConvertedType.UTF8);
      // LogicalType is a union; field 1 is STRING (an empty StringType struct).
      thrift.structFieldBegin(10);
      thrift.structFieldBegin(1);
      thrift.structEnd();
      thrift.structEnd();
    }
    thrift.structEnd();
  }
}

function writeColumnChunk(thrift: CompactWriter, chunk: ChunkMeta): void {
  const firstPage = chunk.dictionaryPageOffset ?? chunk.dataPageOffset;
  thrift.structBegin();
  // ColumnChunk: 2 file_offset (deprecated; the chunk's first page, as most writers do), 3 meta_data.
  thrift.i64Field(2, firstPage);
  thrift.structFieldBegin(3);
  // ColumnMetaData: 1 type, 2 encodings, 3 path_in_schema, 4 codec, 5 num_values,
  // 6 total_uncompressed_size, 7 total_compressed_size, 9 data_page_offset, 11 dictionary_page_offset, 12 statistics.
  thrift.i32Field(1, chunk.physicalType);
  thrift.listFieldBegin(2, CompactType.I32, chunk.encodings.length);
  for (const encoding of chunk.encodings) {
    thrift.i32(encoding);
  }
  thrift.listFieldBegin(3, CompactType.BINARY, 1);
  thrift.string(chunk.name);
  thrift.i32Field(4, chunk.codec);
  thrift.i64Field(5, chunk.valueCount);
  thrift.i64Field(6, chunk.uncompressedBytes);
  thrift.i64Field(7, chunk.compressedBytes);
  thrift.i64Field(9, chunk.dataPageOffset);
  if (chunk.dictionaryPageOffset !== undefined) {
    thrift.i64Field(11, chunk.dictionaryPageOffset);
  }
  // Statistics: only 3 null_count, which costs nothing to know.
  thrift.structFieldBegin(12);
  thrift.i64Field(3, chunk.nullCount);
  thrift.structEnd();
  thrift.structEnd();
  thrift.structEnd();
}

/**
 * Append the Thrift-compact FileMetaData of a one-row-group file: version 2, flat schema
 * under a root named `schema`, one RowGroup, `created_by` and a TYPE_ORDER column order per
 * column. No key-value metadata and nothing time-dependent, so equal tables give equal bytes.
 */
export function writeFileMetadata(out: ByteWriter, rowCount: number, chunks: readonly ChunkMeta[], createdBy: string): void {
  const thrift = new CompactWriter(out);
  thrift.structBegin();
  thrift.i32Field(1, 2);
  writeSchema(thrift, chunks);
  thrift.i64Field(3, rowCount);
  thrift.listFieldBegin(4, CompactType.STRUCT, 1);
  // RowGroup: 1 columns, 2 total_byte_size, 3 num_rows, 5 file_offset, 6 total_compressed_size.
  thrift.structBegin();
  thrift.listFieldBegin(1, CompactType.STRUCT, chunks.length);
  let uncompressedBytes = 0;
  let compressedBytes = 0;
  for (const chunk of chunks) {
    writeColumnChunk(thrift, chunk);
    uncompressedBytes += chunk.uncompressedBytes;
    compressedBytes += chunk.compressedBytes;
  }
  thrift.i64Field(2, uncompressedBytes);
  thrift.i64Field(3, rowCount);
  if (chunks.length > 0) {
    thrift.i64Field(5, chunks[0].dictionaryPageOffset ?? chunks[0].dataPageOffset);
  }
  thrift.i64Field(6, compressedBytes);
  thrift.structEnd();
  thrift.stringField(6, createdBy);
  // ColumnOrder is a union; field 1 is TYPE_ORDER (an empty TypeDefinedOrder struct).
  thrift.listFieldBegin(7, CompactType.STRUCT, chunks.length);
  for (let i = 0; i < chunks.length; i += 1) {
    thrift.structBegin();
    thrift.structFieldBegin(1);
    thrift.structEnd();
    thrift.structEnd();
  }
  thrift.structEnd();
}
