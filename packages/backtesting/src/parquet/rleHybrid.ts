import type { ByteWriter } from './byteWriter';

/** Runs of at least this many equal values become RLE runs; shorter stretches are bit-packed. */
const MIN_RLE_RUN = 8;
/** Bit-packed runs hold at most 63 groups of 8, so their header is one byte (as parquet-java and Arrow write them). */
const MAX_GROUPS_PER_RUN = 63;

/** Values the hybrid encoder reads: definition levels (Uint8Array) or dictionary indices (Int32Array). */
export type LevelValues = Uint8Array | Int32Array;

/** Bit width needed for values 0..maxValue (at least 1, so a one-entry dictionary still has a width readers accept). */
export function bitWidthOf(maxValue: number): number {
  return Math.max(1, 32 - Math.clz32(maxValue));
}

function runReaches(values: LevelValues, start: number, end: number, length: number): boolean {
  if (end - start < length) {
    return false;
  }
  const first = values[start];
  for (let i = start + 1; i < start + length; i += 1) {
    if (values[i] !== first) {
      return false;
    }
  }
  return true;
}

function writeRleRun(out: ByteWriter, value: number, count: number, valueBytes: number): void {
  out.varint(count * 2);
  out.ensure(valueBytes);
  for (let b = 0; b < valueBytes; b += 1) {
    out.bytes[out.length++] = (value >>> (8 * b)) & 0xff;
  }
}

function writeBitPackedRun(out: ByteWriter, values: LevelValues, start: number, end: number, groups: number, bitWidth: number): void {
  out.varint(groups * 2 + 1);
  out.ensure(groups * bitWidth);
  const bytes = out.bytes;
  let at = out.length;
  let acc = 0;
  let bits = 0;
  const stop = start + groups * 8;
  // bitWidth <= 24 (checked by the caller), so acc never exceeds 31 bits.
  for (let i = start; i < stop; i += 1) {
    const value = i < end ? values[i] : 0;
    acc |= value << bits;
    bits += bitWidth;
    while (bits >= 8) {
      bytes[at++] = acc & 0xff;
      acc >>>= 8;
      bits -= 8;
    }
  }
  out.length = at;
}

/**
 * Append `values[start, end)` in the Parquet RLE/bit-packing hybrid encoding (no length prefix;
 * callers add the 4-byte prefix for v1 definition levels, or the bit-width byte for dictionary
 * indices). Equal runs of 8 or more become RLE runs; the rest is bit-packed in groups of 8,
 * the final group padded with zeros (allowed only at the end, which is where it lands).
 */
export function writeRleHybrid(out: ByteWriter, values: LevelValues, start: number, end: number, bitWidth: number): void {
  if (bitWidth < 1 || bitWidth > 24) {
    throw new RangeError(`RLE hybrid: bit width ${bitWidth} outside 1..24`);
  }
  const valueBytes = (bitWidth + 7) >> 3;
  let i = start;
  while (i < end) {
    const value = values[i];
    let run = i + 1;
    while (run < end && values[run] === value) {
      run += 1;
    }
    if (run - i >= MIN_RLE_RUN) {
      writeRleRun(out, value, run - i, valueBytes);
      i = run;
      continue;
    }
    const literalStart = i;
    let groups = 0;
    do {
      i += 8;
      groups += 1;
    } while (i < end && groups < MAX_GROUPS_PER_RUN && !runReaches(values, i, end, MIN_RLE_RUN));
    writeBitPackedRun(out, values, literalStart, end, groups, bitWidth);
  }
}

/** A hybrid run of `count` copies of one value: the all-present definition levels of a column without nulls. */
export function writeRepeatedRun(out: ByteWriter, value: number, count: number, bitWidth: number): void {
  if (count > 0) {
    writeRleRun(out, value, count, (bitWidth + 7) >> 3);
  }
}
