import fc from 'fast-check';
import { ByteWriter } from './byteWriter';
import { bitWidthOf, writeRepeatedRun, writeRleHybrid } from './rleHybrid';

function encode(values: number[], bitWidth: number): number[] {
  const out = new ByteWriter(16);
  writeRleHybrid(out, Int32Array.from(values), 0, values.length, bitWidth);
  return [...out.bytes.subarray(0, out.length)];
}

/** A decoder written from the Parquet encodings spec; it must consume every byte. */
function decode(bytes: readonly number[], bitWidth: number, count: number): number[] {
  const values: number[] = [];
  let at = 0;
  while (values.length < count) {
    let header = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[at++];
      header += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    if (header % 2 === 0) {
      let value = 0;
      for (let b = 0; b < Math.ceil(bitWidth / 8); b += 1) {
        value += bytes[at++] * 2 ** (8 * b);
      }
      for (let k = 0; k < header / 2; k += 1) {
        values.push(value);
      }
    } else {
      const valueCount = ((header - 1) / 2) * 8;
      for (let k = 0; k < valueCount; k += 1) {
        let value = 0;
        for (let bit = 0; bit < bitWidth; bit += 1) {
          const position = k * bitWidth + bit;
          value += ((bytes[at + (position >> 3)] >> (position & 7)) & 1) * 2 ** bit;
        }
        values.push(value);
      }
      at += ((header - 1) / 2) * bitWidth;
    }
  }
  expect(at).toBe(bytes.length);
  return values.slice(0, count);
}

describe('RLE/bit-packing hybrid', () => {
  it('needs at least one bit, then the bits of the largest value', () => {
    expect([0, 1, 2, 3, 255, 256].map(bitWidthOf)).toEqual([1, 1, 2, 2, 8, 9]);
  });

  it('writes 8 or more equal values as one RLE run: varint(count << 1), then the value in whole bytes', () => {
    expect(encode(new Array<number>(10).fill(1), 1)).toEqual([0x14, 0x01]);
    expect(encode(new Array<number>(8).fill(300), 9)).toEqual([0x10, 0x2c, 0x01]);
    const out = new ByteWriter();
    writeRepeatedRun(out, 1, 70_080, 1);
    writeRepeatedRun(out, 1, 0, 1);
    // 140,160 = 0b1000_1000111_0000000 as a varint.
    expect([...out.bytes.subarray(0, out.length)]).toEqual([0x80, 0xc7, 0x08, 0x01]);
  });

  it('bit-packs short stretches in groups of 8, least significant bit first, padding the last group', () => {
    expect(encode([0, 1, 0, 1, 1], 1)).toEqual([0x03, 0b00011010]);
    // The example of the Parquet encodings spec: 0..7 with bit width 3.
    expect(encode([0, 1, 2, 3, 4, 5, 6, 7], 3)).toEqual([0x03, 0x88, 0xc6, 0xfa]);
  });

  it('ends a bit-packed run where a run of 8 starts, and caps bit-packed runs at 63 groups', () => {
    const mixed = encode([1, 2, 3, ...new Array<number>(20).fill(5)], 3);
    // One packed group (1, 2, 3 and five 5s), then the remaining fifteen 5s as a run.
    expect(mixed).toHaveLength(1 + 3 + 2);
    expect(mixed.slice(4)).toEqual([0x1e, 0x05]);
    expect(decode(mixed, 3, 23)).toEqual([1, 2, 3, ...new Array<number>(20).fill(5)]);
    const alternating = Array.from({ length: 1000 }, (_, i) => i % 2);
    const bytes = encode(alternating, 1);
    expect(bytes[0]).toBe(63 * 2 + 1);
    expect(bytes[1 + 63]).toBe(62 * 2 + 1);
    expect(decode(bytes, 1, 1000)).toEqual(alternating);
  });

  it('round-trips runs and noise at every bit width up to 24', () => {
    const stretch = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.array(stretch, { maxLength: 60 }), (bitWidth, stretches) => {
        const values = stretches.flatMap(([value, length]) => new Array<number>(length).fill(value % 2 ** bitWidth));
        expect(decode(encode(values, bitWidth), bitWidth, values.length)).toEqual(values);
      }),
    );
  });

  it('rejects bit widths it cannot pack', () => {
    expect(() => encode([1], 0)).toThrow(/bit width 0/);
    expect(() => encode([1], 25)).toThrow(/bit width 25/);
  });
});
