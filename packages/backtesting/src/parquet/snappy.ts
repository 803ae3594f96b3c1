import type { ByteWriter } from './byteWriter';

/** Snappy compresses independent 64 KiB blocks, so every copy offset fits in two bytes. */
const BLOCK_BYTES = 1 << 16;
const HASH_BITS = 14;
/** Stop looking for matches this close to a block's end, so that 4-byte loads stay inside it. */
const INPUT_MARGIN = 15;

function load32(input: Uint8Array, at: number): number {
  return input[at] | (input[at + 1] << 8) | (input[at + 2] << 16) | (input[at + 3] << 24);
}

function hash32(value: number): number {
  return Math.imul(value, 0x1e35a7bd) >>> (32 - HASH_BITS);
}

function writeLiteral(out: ByteWriter, input: Uint8Array, start: number, end: number): void {
  const length = end - start;
  if (length === 0) {
    return;
  }
  const n = length - 1;
  out.ensure(5 + length);
  const bytes = out.bytes;
  if (n < 60) {
    bytes[out.length++] = n << 2;
  } else if (n < 0x100) {
    bytes[out.length++] = 60 << 2;
    bytes[out.length++] = n;
  } else {
    // Literals never exceed one 64 KiB block, so two length bytes are enough.
    bytes[out.length++] = 61 << 2;
    bytes[out.length++] = n & 0xff;
    bytes[out.length++] = n >>> 8;
  }
  bytes.set(input.subarray(start, end), out.length);
  out.length += length;
}

function writeCopy(out: ByteWriter, offset: number, matchLength: number): void {
  out.ensure(3 * (1 + (matchLength >> 6)));
  const bytes = out.bytes;
  let length = matchLength;
  // Copies of 64 with a 2-byte offset, leaving at least 4 so the tail can use the 1-byte-offset form.
  while (length >= 68) {
    bytes[out.length++] = (63 << 2) | 2;
    bytes[out.length++] = offset & 0xff;
    bytes[out.length++] = offset >>> 8;
    length -= 64;
  }
  if (length > 64) {
    bytes[out.length++] = (59 << 2) | 2;
    bytes[out.length++] = offset & 0xff;
    bytes[out.length++] = offset >>> 8;
    length -= 60;
  }
  if (length <= 11 && offset < 2048) {
    bytes[out.length++] = 1 | ((length - 4) << 2) | ((offset >>> 8) << 5);
    bytes[out.length++] = offset & 0xff;
  } else {
    bytes[out.length++] = 2 | ((length - 1) << 2);
    bytes[out.length++] = offset & 0xff;
    bytes[out.length++] = offset >>> 8;
  }
}

function compressBlock(out: ByteWriter, input: Uint8Array, blockStart: number, blockEnd: number, table: Uint16Array): void {
  let nextEmit = blockStart;
  if (blockEnd - blockStart >= INPUT_MARGIN) {
    table.fill(0);
    const limit = blockEnd - INPUT_MARGIN;
    let ip = blockStart + 1;
    // After 32 misses in a row, step 2 bytes, after 64 step 3, ...: incompressible data is skipped fast.
    let misses = 32;
    while (ip < limit) {
      const word = load32(input, ip);
      const h = hash32(word);
      const candidate = blockStart + table[h];
      table[h] = ip - blockStart;
      if (candidate < ip && load32(input, candidate) === word) {
        writeLiteral(out, input, nextEmit, ip);
        let matchEnd = ip + 4;
        let from = candidate + 4;
        while (matchEnd < blockEnd && input[matchEnd] === input[from]) {
          matchEnd += 1;
          from += 1;
        }
        writeCopy(out, ip - candidate, matchEnd - ip);
        ip = matchEnd;
        nextEmit = ip;
        if (ip < limit) {
          table[hash32(load32(input, ip - 1))] = ip - 1 - blockStart;
        }
        misses = 32;
      } else {
        ip += misses >> 5;
        misses += 1;
      }
    }
  }
  writeLiteral(out, input, nextEmit, blockEnd);
}

/**
 * Append `input[0, length)` compressed in the raw Snappy block format (varint uncompressed
 * length, then literal and copy elements), as Parquet's SNAPPY codec expects. Greedy matcher
 * with a 16K-entry hash table per 64 KiB block, like the reference implementation's fast path.
 */
export function snappyCompress(out: ByteWriter, input: Uint8Array, length: number, table: Uint16Array = new Uint16Array(1 << HASH_BITS)): void {
  out.varint(length);
  // Worst case: every byte a literal, plus a few header bytes per 64 KiB.
  out.ensure(length + 6 * Math.ceil(length / BLOCK_BYTES) + 8);
  for (let start = 0; start < length; start += BLOCK_BYTES) {
    compressBlock(out, input, start, Math.min(length, start + BLOCK_BYTES), table);
  }
}

/** A reusable hash table for `snappyCompress`. */
export function snappyTable(): Uint16Array {
  return new Uint16Array(1 << HASH_BITS);
}
