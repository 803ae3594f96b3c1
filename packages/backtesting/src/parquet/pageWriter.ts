import { ByteWriter } from './byteWriter';
import { Codec, Encoding, PageType, type CodecId, type EncodingId } from './parquetFormat';
import { writeRepeatedRun, writeRleHybrid } from './rleHybrid';
import { snappyCompress, snappyTable } from './snappy';
import { CompactWriter } from './thriftCompact';

/**
 * Writes the pages of one column chunk after another into the file buffer. A page body is
 * encoded into `body` (reused for every page), compressed into a second scratch buffer if the
 * codec asks for it, then appended after its header. Sizes are summed per chunk for the footer.
 */
export class PageWriter {
  readonly body = new ByteWriter(1 << 16);
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

  /** Version-1 definition levels of a page: 4-byte length, then the RLE/bit-packed hybrid (bit width 1). */
  writeLevels(levels: Uint8Array, count: number, nullCount: number): void {
    const body = this.body;
    body.ensure(4);
    const prefixAt = body.length;
    body.length += 4;
    if (nullCount === 0) {
      writeRepeatedRun(body, 1, count, 1);
    } else {
      writeRleHybrid(body, levels, 0, count, 1);
    }
    body.setU32le(prefixAt, body.length - prefixAt - 4);
  }

  /** Append `body` as a DATA_PAGE (v1) of `valueCount` rows, nulls included. */
  flushDataPage(valueCount: number, encoding: EncodingId): void {
    this.flush(PageType.DATA_PAGE, valueCount, encoding);
  }

  /** Append `body` as the chunk's DICTIONARY_PAGE of `entryCount` PLAIN values. */
  flushDictionaryPage(entryCount: number): void {
    this.flush(PageType.DICTIONARY_PAGE, entryCount, Encoding.PLAIN);
  }

  private flush(pageType: number, valueCount: number, encoding: EncodingId): void {
    const body = this.body;
    let payload = body;
    if (this.codec === Codec.SNAPPY) {
      this.packed.reset();
      snappyCompress(this.packed, body.bytes, body.length, this.table);
      payload = this.packed;
    }
    const out = this.out;
    const header = this.header;
    const headerStart = out.length;
    header.structBegin();
    header.i32Field(1, pageType);
    header.i32Field(2, body.length);
    header.i32Field(3, payload.length);
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
    const headerBytes = out.length - headerStart;
    out.ensure(payload.length);
    out.bytes.set(payload.bytes.subarray(0, payload.length), out.length);
    out.length += payload.length;
    this.uncompressedBytes += headerBytes + body.length;
    this.compressedBytes += headerBytes + payload.length;
    body.reset();
  }
}
