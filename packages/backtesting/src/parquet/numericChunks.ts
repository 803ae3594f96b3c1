import type { ByteWriter } from './byteWriter';
import type { PageWriter } from './pageWriter';
import { LITTLE_ENDIAN, type PageScratch } from './pageScratch';
import { Encoding } from './parquetFormat';

/** Calls `page(start, end)` for consecutive row ranges of at most `pageRows`; a 0-row column still gets one empty page. */
export function forEachPage(rowCount: number, pageRows: number, page: (start: number, end: number) => void): void {
  let start = 0;
  do {
    const end = Math.min(rowCount, start + pageRows);
    page(start, end);
    start = end;
  } while (start < rowCount);
}

/** Append the first `byteCount` bytes of a typed array's buffer in little-endian order. */
function appendNumbers(body: ByteWriter, bytes: Uint8Array, byteCount: number, width: 4 | 8): void {
  body.ensure(byteCount);
  if (LITTLE_ENDIAN) {
    body.bytes.set(bytes.subarray(0, byteCount), body.length);
  } else {
    for (let i = 0; i < byteCount; i += width) {
      for (let b = 0; b < width; b += 1) {
        body.bytes[body.length + i + b] = bytes[i + width - 1 - b];
      }
    }
  }
  body.length += byteCount;
}

/**
 * An OPTIONAL DOUBLE chunk: NaN is null (definition level 0), every other value, -0 and
 * infinities included, is written bit for bit. Returns the null count.
 */
export function writeFloat64Chunk(values: ArrayLike<number>, rowCount: number, pages: PageWriter, scratch: PageScratch, pageRows: number): number {
  const levels = scratch.reserveLevels(Math.min(rowCount, pageRows));
  const present = scratch.reserveF64(Math.min(rowCount, pageRows));
  let nullCount = 0;
  forEachPage(rowCount, pageRows, (start, end) => {
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
    const pageNulls = end - start - count;
    nullCount += pageNulls;
    pages.writeLevels(levels, end - start, pageNulls);
    appendNumbers(pages.body, scratch.f64Bytes, count * 8, 8);
    pages.flushDataPage(end - start, Encoding.PLAIN);
  });
  return nullCount;
}

/** A REQUIRED INT32 chunk; throws if a value is not an integer in the int32 range (no silent wrap). */
export function writeInt32Chunk(values: ArrayLike<number>, rowCount: number, pages: PageWriter, scratch: PageScratch, pageRows: number, label: string): void {
  const ints = scratch.reserveI32(Math.min(rowCount, pageRows));
  forEachPage(rowCount, pageRows, (start, end) => {
    for (let i = start; i < end; i += 1) {
      const value = values[i];
      if ((value | 0) !== value) {
        throw new RangeError(`${label} row ${i}: ${value} is not an int32`);
      }
      ints[i - start] = value;
    }
    appendNumbers(pages.body, scratch.i32Bytes, (end - start) * 4, 4);
    pages.flushDataPage(end - start, Encoding.PLAIN);
  });
}

/** A REQUIRED BOOLEAN chunk, PLAIN: one bit per value, least significant bit first. */
export function writeBooleanChunk(values: readonly boolean[], rowCount: number, pages: PageWriter, pageRows: number, label: string): void {
  forEachPage(rowCount, pageRows, (start, end) => {
    const body = pages.body;
    body.ensure((end - start + 7) >> 3);
    const bytes = body.bytes;
    let at = body.length;
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
    body.length = at;
    pages.flushDataPage(end - start, Encoding.PLAIN);
  });
}
