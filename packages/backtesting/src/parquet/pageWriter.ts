import { ByteWriter } from './byteWriter';
import { Codec, Encoding, PageType, type CodecId, type EncodingId } from './parquetFormat';
import { writeRepeatedRun, writeRleHybrid } from './rleHybrid';
import { snappyAppend, snappyPreamble, snappyTable } from './snappy';
import { CompactWriter } from './thriftCompact';

/**
 * Writes the pages of one column chunk after another into the file buffer. A page body is
 * `head` (levels, bit width, indices or variable-length values, encoded into a reused buffer)
 * followed by an optional `tail` of fixed-width values taken straight from a typed array, so
 * numbers are copied once, into the file. With SNAPPY both parts feed one compressed stream.
 * Sizes are summed per chunk for the footer.
 */
export class PageWriter {
  readonly head = new ByteWriter(1 << 16);
  private readonly packed = new ByteWriter(1 << 16);
  private readonly header: CompactWriter;
  private readonly table = snappyTable();
  /** Bytes of the current chunk's pages (headers included) before and after compression. */
  uncompressedBytes = 0;
  compressedBytes = 0;

  constructor(
    readonly out: ByteWriter,
    readonly codec: CodecId,
  ) {
    this.header = new CompactWriter(out);
  }

  startChunk(): void {
    this.uncompressedBytes = 0;
    this.compressedBytes = 0;
  }

  /** Version-1 definition levels into `head`: 4-byte length, then the RLE/bit-packed hybrid (bit width 1). */
  writeLevels(levels: Uint8Array, count: number, nullCount: number): void {
    const head = this.head;
    head.ensure(4);
    const prefixAt = head.length;
    head.length += 4;
    if (nullCount === 0) {
      writeRepeatedRun(head, 1, count, 1);
    } else {
      writeRleHybrid(head, levels, 0, count, 1);
    }
    head.setU32le(prefixAt, head.length - prefixAt - 4);
  }

  /**
   * Append pages this writer wrote before, with the codec it has now (`bytes`: headers and
   * bodies as written), and their sizes before and after compression.
   */
  appendPages(bytes: Uint8Array, uncompressedBytes: number, compressedBytes: number): void {
    this.out.append(bytes);
    this.uncompressedBytes += uncompressedBytes;
    this.compressedBytes += compressedBytes;
  }

  /** Append `head` + `tail` as a DATA_PAGE (v1) of `valueCount` rows, nulls included. */
  dataPage(valueCount: number, encoding: EncodingId, tail?: Uint8Array): void {
    this.flush(PageType.DATA_PAGE, valueCount, encoding, tail);
  }

  /** Append `head` + `tail` as the chunk's DICTIONARY_PAGE of `entryCount` PLAIN values. */
  dictionaryPage(entryCount: number, tail?: Uint8Array): void {
    this.flush(PageType.DICTIONARY_PAGE, entryCount, Encoding.PLAIN, tail);
  }

  private flush(pageType: number, valueCount: number, encoding: EncodingId, tail: Uint8Array | undefined): void {
    const head = this.head;
    const tailLength = tail === undefined ? 0 : tail.length;
    const bodyLength = head.length + tailLength;
    let storedLength = bodyLength;
    if (this.codec === Codec.SNAPPY) {
      const packed = this.packed;
      packed.reset();
      snappyPreamble(packed, bodyLength);
      snappyAppend(packed, head.bytes, 0, head.length, this.table);
      if (tail !== undefined) {
        snappyAppend(packed, tail, 0, tailLength, this.table);
      }
      storedLength = packed.length;
    }
    const out = this.out;
    const headerStart = out.length;
    this.writeHeader(pageType, bodyLength, storedLength, valueCount, encoding);
    const headerBytes = out.length - headerStart;
    if (this.codec === Codec.SNAPPY) {
      out.append(this.packed.bytes.subarray(0, storedLength));
    } else {
      out.append(head.bytes.subarray(0, head.length));
      if (tail !== undefined) {
        out.append(tail);
      }
    }
    this.uncompressedBytes += headerBytes + bodyLength;
    this.compressedBytes += headerBytes + storedLength;
    head.reset();
  }

  private writeHeader(pageType: number, bodyLength: number, storedLength: number, valueCount: number, encoding: EncodingId): void {
    // PageHeader: 1 type, 2 uncompressed_page_size, 3 compressed_page_size, then
    // 5 DataPageHeader {1 num_values, 2 encoding, 3 definition_level_encoding, 4 repetition_level_encoding}
    // or 7 DictionaryPageHeader {1 num_values, 2 encoding}.
    const header = this.header;
    header.structBegin();
    header.i32Field(1, pageType);
    header.i32Field(2, bodyLength);
    header.i32Field(3, storedLength);
    if (pageType === PageType.DATA_PAGE) {
      header.structFieldBegin(5);
      header.i32Field(1, valueCount);
      header.i32Field(2, encoding);
      header.i32Field(3, Encoding.RLE);
      header.i32Field(4, Encoding.RLE);
    } else {
      header.structFieldBegin(7);
      header.i32Field(1, valueCount);
      header.i32Field(2, encoding);
    }
    header.structEnd();
    header.structEnd();
  }
}
