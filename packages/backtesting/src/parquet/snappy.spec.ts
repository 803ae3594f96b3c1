import fc from 'fast-check';
import { snappyUncompress } from 'hyparquet';
import { ByteWriter } from './byteWriter';
import { snappyAppend, snappyCompress, snappyPreamble, snappyTable } from './snappy';

function compress(input: Uint8Array): Uint8Array {
  const out = new ByteWriter(16);
  snappyCompress(out, input, input.length);
  return out.bytes.slice(0, out.length);
}

/** Decompressed by hyparquet's Snappy decoder, which checks that the output is filled exactly. */
function roundTrip(input: Uint8Array): Uint8Array {
  const output = new Uint8Array(input.length);
  snappyUncompress(compress(input), output);
  return output;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Byte equality without Jest's element-by-element diff, which is slow on 100k-byte arrays. */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length).toBe(expected.length);
  expect(Buffer.from(actual.buffer, actual.byteOffset, actual.length).equals(Buffer.from(expected.buffer, expected.byteOffset, expected.length))).toBe(true);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

describe('snappyCompress', () => {
  it('writes a literal and a 2-byte-offset copy for a run of one byte', () => {
    // varint 20; literal of 1 byte 'a' (tag 0 << 2); copy of 19 bytes 1 back (tag 2 | 18 << 2, offset 1 0).
    expect([...compress(ascii('a'.repeat(20)))]).toEqual([20, 0x00, 0x61, 0x4a, 0x01, 0x00]);
  });

  it('keeps inputs shorter than the input margin as one literal', () => {
    expect([...compress(ascii('abc'))]).toEqual([3, 0x08, 0x61, 0x62, 0x63]);
    expect([...compress(new Uint8Array(0))]).toEqual([0]);
  });

  it('uses the 1-byte-offset copy for short near matches', () => {
    // 'abcdefgh' then 'abcdefgh' again: literal of 8, copy of 8 bytes 8 back (tag 1 | (8 - 4) << 2, offset 8).
    const bytes = compress(ascii('abcdefghabcdefghXYZ0123456789'));
    expect([...bytes.subarray(0, 12)]).toEqual([29, 7 << 2, ...ascii('abcdefgh'), 0x11, 0x08]);
    expect(roundTrip(ascii('abcdefghabcdefghXYZ0123456789'))).toEqual(ascii('abcdefghabcdefghXYZ0123456789'));
  });

  it('compresses timestamps and zeros well and random bytes not at all', () => {
    const timestamps = ascii(Array.from({ length: 2000 }, (_, i) => `2025-01-01T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`).join(''));
    expect(compress(timestamps).length).toBeLessThan(timestamps.length / 3);
    expectSameBytes(roundTrip(timestamps), timestamps);
    const zeros = new Uint8Array(200_000);
    // A copy element (3 bytes) covers at most 64 bytes.
    expect(compress(zeros).length).toBeLessThan(200_000 / 15);
    expectSameBytes(roundTrip(zeros), zeros);
    let state = 7;
    const noise = Uint8Array.from({ length: 150_000 }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 24;
    });
    expect(compress(noise).length).toBeLessThanOrEqual(150_000 + 150_000 / 6 + 32);
    expectSameBytes(roundTrip(noise), noise);
  });

  it('continues one stream across several input buffers', () => {
    const head = ascii('levels:0000000000000000');
    const tail = ascii('values:1111111111111111111111111111');
    const out = new ByteWriter();
    const table = snappyTable();
    snappyPreamble(out, head.length + tail.length);
    snappyAppend(out, head, 0, head.length, table);
    snappyAppend(out, tail, 0, tail.length, table);
    const output = new Uint8Array(head.length + tail.length);
    snappyUncompress(out.bytes.slice(0, out.length), output);
    expectSameBytes(output, concat([head, tail]));
  });

  it('round-trips any mix of repeats and noise, across 64 KiB blocks', () => {
    const piece = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 5000 })).map(([byte, length]) => new Uint8Array(length).fill(byte)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (pieces, repeat) => {
        const once = concat(pieces);
        const input = concat(new Array<Uint8Array>(repeat).fill(once));
        expectSameBytes(roundTrip(input), input);
      }),
      { numRuns: 60 },
    );
  });
});
