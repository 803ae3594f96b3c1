import type { ByteWriter } from './byteWriter';

/** Snappy compresses independent 64 KiB blocks, so every copy offset fits in two bytes. */
const BLOCK_BYTES = 1 << 16;
const HASH_BITS = 14;
/** Stop looking for matches this close to a block's end, so that 4-byte loads stay inside it. */
const INPUT_MARGIN = 15;
/**
 * Read once: under Jest every `Math.imul` goes through the sandbox's global object and costs
 * ~200 ns (70x slower compression); a module constant is inlined as in plain Node.
 */
const imul = Math.imul;

function load32(input: Uint8Array, at: number): number {
  return input[at] | (input[at + 1] << 8) | (input[at + 2] << 16) | (input[at + 3] << 24);
}

function hash32(value: number): number {
  return imul(value, 0x1e35a7bd) >>> (32 - HASH_BITS);
}

/** Emit a literal element of `input[start, end)` at `dst[at]`; returns the position after it. */
function emitLiteral(dst: Uint8Array, at: number, input: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 0) {
    return at;
  }
  const n = length - 1;
  if (n < 60) {
    dst[at++] = n << 2;
  } else if (n < 0x100) {
    dst[at++] = 60 << 2;
    dst[at++] = n;
  } else {
    // Literals never exceed one 64 KiB block, so two length bytes are enough.
    dst[at++] = 61 << 2;
    dst[at++] = n & 0xff;
    dst[at++] = n >>> 8;
  }
  if (length <= 16) {
    // Short literals (between matches in timestamps) cost less copied by hand than through a subarray view.
    for (let i = start; i < end; i += 1) {
      dst[at++] = input[i];
    }
    return at;
  }
  dst.set(input.subarray(start, end), at);
  return at + length;
}

/** Emit copy elements for a match of `matchLength` >= 4 bytes `offset` back; returns the position after them. */
function emitCopy(dst: Uint8Array, at: number, offset: number, matchLength: number): number {
  let length = matchLength;
  // Copies of 64 with a 2-byte offset, leaving at least 4 so the tail can use the 1-byte-offset form.
  while (length >= 68) {
    dst[at++] = (63 << 2) | 2;
    dst[at++] = offset & 0xff;
    dst[at++] = offset >>> 8;
    length -= 64;
  }
  if (length > 64) {
    dst[at++] = (59 << 2) | 2;
    dst[at++] = offset & 0xff;
    dst[at++] = offset >>> 8;
    length -= 60;
  }
  if (length <= 11 && offset < 2048) {
    dst[at++] = 1 | ((length - 4) << 2) | ((offset >>> 8) << 5);
    dst[at++] = offset & 0xff;
  } else {
    dst[at++] = 2 | ((length - 1) << 2);
    dst[at++] = offset & 0xff;
    dst[at++] = offset >>> 8;
  }
  return at;
}

/** End (exclusive) of the match between `ip` and the earlier `candidate`, whose first 4 bytes are known equal. */
function matchEnd(input: Uint8Array, ip: number, candidate: number, blockEnd: number): number {
  let end = ip + 4;
  let from = candidate + 4;
  while (end + 4 <= blockEnd && load32(input, end) === load32(input, from)) {
    end += 4;
    from += 4;
  }
  while (end < blockEnd && input[end] === input[from]) {
    end += 1;
    from += 1;
  }
  return end;
}

/** Compress one block into `dst` from `at`; returns the position after it. The table holds positions relative to the block. */
function compressBlock(dst: Uint8Array, at: number, input: Uint8Array, blockStart: number, blockEnd: number, table: Uint16Array): number {
  let nextEmit = blockStart;
  if (blockEnd - blockStart >= INPUT_MARGIN) {
    table.fill(0);
    const limit = blockEnd - INPUT_MARGIN;
    let ip = blockStart + 1;
    // After 32 misses in a row step 2 bytes, after 64 step 3, ...: incompressible data is skipped fast.
    let misses = 32;
    while (ip < limit) {
      const word = load32(input, ip);
      const h = hash32(word);
      // Every stored position is before ip (an empty slot is the block start), so candidate < ip.
      let candidate = blockStart + table[h];
      table[h] = ip - blockStart;
      if (load32(input, candidate) !== word) {
        ip += misses >> 5;
        misses += 1;
        continue;
      }
      at = emitLiteral(dst, at, input, nextEmit, ip);
      // Emit copies for as long as the position right after a match starts another one.
      for (;;) {
        const end = matchEnd(input, ip, candidate, blockEnd);
        at = emitCopy(dst, at, ip - candidate, end - ip);
        ip = end;
        nextEmit = ip;
        if (ip >= limit) {
          break;
        }
        table[hash32(load32(input, ip - 1))] = ip - 1 - blockStart;
        const next = load32(input, ip);
        const nextHash = hash32(next);
        candidate = blockStart + table[nextHash];
        table[nextHash] = ip - blockStart;
        if (load32(input, candidate) !== next) {
          break;
        }
      }
      ip += 1;
      misses = 32;
    }
  }
  return emitLiteral(dst, at, input, nextEmit, blockEnd);
}

/**
 * Append `input[start, end)` as Snappy elements (no length preamble): the continuation of a
 * stream begun by `snappyPreamble`. Matches never reach outside the 64 KiB block they are in,
 * so one stream may be fed from several buffers (a page's levels, then its values).
 * Greedy matcher with a 16K-entry hash table per block, like the reference's fast path.
 */
export function snappyAppend(out: ByteWriter, input: Uint8Array, start: number, end: number, table: Uint16Array): void {
  const length = end - start;
  // The reference implementation's bound on compressed size: elements never expand data by more than this.
  out.ensure(32 + length + Math.ceil(length / 6));
  let at = out.length;
  for (let blockStart = start; blockStart < end; blockStart += BLOCK_BYTES) {
    at = compressBlock(out.bytes, at, input, blockStart, Math.min(end, blockStart + BLOCK_BYTES), table);
  }
  out.length = at;
}

/** Start a raw Snappy stream (Parquet's SNAPPY codec): the varint of the uncompressed length. */
export function snappyPreamble(out: ByteWriter, uncompressedLength: number): void {
  out.varint(uncompressedLength);
}

/** `input[0, length)` in the raw Snappy block format, appended to `out`. */
export function snappyCompress(out: ByteWriter, input: Uint8Array, length: number, table: Uint16Array = snappyTable()): void {
  snappyPreamble(out, length);
  snappyAppend(out, input, 0, length, table);
}

/** A reusable hash table for the compressor. */
export function snappyTable(): Uint16Array {
  return new Uint16Array(1 << HASH_BITS);
}
