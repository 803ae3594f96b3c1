import { writeDictionaryDataPages } from './dictionaryPages';
import { buildFloat64Dictionary } from './float64Dictionary';
import { forEachPage } from './forEachPage';
import { LITTLE_ENDIAN, type PageScratch } from './pageScratch';
import type { PageWriter } from './pageWriter';
import { Encoding } from './parquetFormat';

/** Where a chunk's pages start, and how many nulls it holds. */
export interface ChunkLayout {
  readonly nullCount: number;
  /** File offset of the dictionary page, when the chunk is dictionary-encoded. */
  readonly dictionaryPageOffset: number | undefined;
  /** File offset of the first data page. */
  readonly dataPageOffset: number;
}

/**
 * `count` numbers of a typed array as little-endian bytes: a view of the array itself, or on a
 * big-endian platform a byte-swapped copy in `swapped` (never the case on Node's platforms).
 */
function littleEndianBytes(values: Float64Array | Int32Array, start: number, count: number, swapped: Uint8Array): Uint8Array {
  const width = values.BYTES_PER_ELEMENT;
  const bytes = new Uint8Array(values.buffer, values.byteOffset + start * width, count * width);
  if (LITTLE_ENDIAN) {
    return bytes;
  }
  for (let i = 0; i < bytes.length; i += width) {
    for (let b = 0; b < width; b += 1) {
      swapped[i + b] = bytes[i + width - 1 - b];
    }
  }
  return swapped.subarray(0, bytes.length);
}

function writePlainFloat64Pages(values: Float64Array, rowCount: number, pages: PageWriter, scratch: PageScratch, pageRows: number): number {
  const levels = scratch.reserveLevels(Math.min(rowCount, pageRows));
  const present = scratch.reserveF64(Math.min(rowCount, pageRows));
  const swapped = LITTLE_ENDIAN ? scratch.f64Bytes : new Uint8Array(present.length * 8);
  let nullCount = 0;
  forEachPage(rowCount, pageRows, (start, end) => {
    let pageNulls = 0;
    for (let i = start; i < end; i += 1) {
      const value = values[i];
      if (value !== value) {
        pageNulls += 1;
      }
    }
    nullCount += pageNulls;
    if (pageNulls === 0) {
      pages.writeLevels(levels, end - start, 0);
      pages.dataPage(end - start, Encoding.PLAIN, littleEndianBytes(values, start, end - start, swapped));
      return;
    }
    let count = 0;
    for (let i = start; i < end; i += 1) {
      const value = values[i];
      if (value === value) {
        present[count++] = value;
        levels[i - start] = 1;
      } else {
        levels[i - start] = 0;
      }
    }
    pages.writeLevels(levels, end - start, pageNulls);
    pages.dataPage(end - start, Encoding.PLAIN, littleEndianBytes(present, 0, count, swapped));
  });
  return nullCount;
}

/**
 * An OPTIONAL DOUBLE chunk: NaN is null (definition level 0), every other value, -0 and
 * infinities included, is written bit for bit. Dictionary-encoded when the dictionary rule
 * accepts the column (constant limits, zero revenues, prices with cents), PLAIN otherwise.
 */
export function writeFloat64Chunk(source: ArrayLike<number>, rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): ChunkLayout {
  const values = scratch.float64Column(source, rowCount);
  const dictionary = buildFloat64Dictionary(values, rowCount, scratch.reserveRowIndex(rowCount));
  if (dictionary) {
    const dictionaryPageOffset = pages.out.length;
    const swapped = LITTLE_ENDIAN ? scratch.f64Bytes : new Uint8Array(dictionary.entryCount * 8);
    pages.dictionaryPage(dictionary.entryCount, littleEndianBytes(dictionary.entries, 0, dictionary.entryCount, swapped));
    const dataPageOffset = pages.out.length;
    const nullCount = writeDictionaryDataPages(dictionary, rowCount, pages, scratch, pageSizeBytes);
    return { nullCount, dictionaryPageOffset, dataPageOffset };
  }
  const dataPageOffset = pages.out.length;
  const nullCount = writePlainFloat64Pages(values, rowCount, pages, scratch, Math.max(1, Math.floor(pageSizeBytes / 8)));
  return { nullCount, dictionaryPageOffset: undefined, dataPageOffset };
}

/** A REQUIRED INT32 chunk, PLAIN; throws if a value is not an integer in the int32 range (no silent wrap). */
export function writeInt32Chunk(values: ArrayLike<number>, rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number, label: string): void {
  const pageRows = Math.max(1, Math.floor(pageSizeBytes / 4));
  const ints = scratch.reserveI32(Math.min(rowCount, pageRows));
  const swapped = LITTLE_ENDIAN ? scratch.i32Bytes : new Uint8Array(ints.length * 4);
  forEachPage(rowCount, pageRows, (start, end) => {
    if (values instanceof Int32Array) {
      pages.dataPage(end - start, Encoding.PLAIN, littleEndianBytes(values, start, end - start, swapped));
      return;
    }
    for (let i = start; i < end; i += 1) {
      const value = values[i];
      if ((value | 0) !== value) {
        throw new RangeError(`${label} row ${i}: ${value} is not an int32`);
      }
      ints[i - start] = value;
    }
    pages.dataPage(end - start, Encoding.PLAIN, littleEndianBytes(ints, 0, end - start, swapped));
  });
}

/** A REQUIRED BOOLEAN chunk, PLAIN: one bit per value, least significant bit first. */
export function writeBooleanChunk(values: readonly boolean[], rowCount: number, pages: PageWriter, pageSizeBytes: number, label: string): void {
  forEachPage(rowCount, Math.max(8, pageSizeBytes * 8), (start, end) => {
    const head = pages.head;
    head.ensure((end - start + 7) >> 3);
    const bytes = head.bytes;
    let at = head.length;
    let acc = 0;
    let bit = 0;
    for (let i = start; i < end; i += 1) {
      const value = values[i];
      if (value === true) {
        acc |= 1 << bit;
      } else if (value !== false) {
        throw new RangeError(`${label} row ${i}: ${String(value)} is not a boolean`);
      }
      bit += 1;
      if (bit === 8) {
        bytes[at++] = acc;
        acc = 0;
        bit = 0;
      }
    }
    if (bit > 0) {
      bytes[at++] = acc;
    }
    head.length = at;
    pages.dataPage(end - start, Encoding.PLAIN);
  });
}
