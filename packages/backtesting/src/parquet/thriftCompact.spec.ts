import { ByteWriter } from './byteWriter';
import { CompactType, CompactWriter } from './thriftCompact';

function encode(write: (thrift: CompactWriter) => void): number[] {
  const out = new ByteWriter(16);
  const thrift = new CompactWriter(out);
  thrift.structBegin();
  write(thrift);
  thrift.structEnd();
  return [...out.bytes.subarray(0, out.length)];
}

describe('CompactWriter (Thrift compact protocol)', () => {
  it('writes short field headers as (delta << 4) | type and zigzag varint integers', () => {
    // field 1 i32 5 -> 0x15, zigzag 10; field 3 (delta 2) i32 -1 -> 0x25, zigzag 1; STOP.
    expect(encode((t) => (t.i32Field(1, 5), t.i32Field(3, -1)))).toEqual([0x15, 0x0a, 0x25, 0x01, 0x00]);
  });

  it('writes a long field header when the id jumps by more than 15', () => {
    // type byte 0x05, then zigzag(20) = 40 as a varint, then the value zigzag(0) = 0.
    expect(encode((t) => t.i32Field(20, 0))).toEqual([0x05, 0x28, 0x00, 0x00]);
  });

  it('writes i64 values beyond 2^31 exactly', () => {
    // zigzag(2^40) = 2^41: five 7-bit groups of zeros with the continuation bit, then 2^6.
    expect(encode((t) => t.i64Field(1, 2 ** 40))).toEqual([0x16, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40, 0x00]);
    expect(encode((t) => t.i64Field(1, 300))).toEqual([0x16, 0xd8, 0x04, 0x00]);
  });

  it('encodes booleans in the field type', () => {
    expect(encode((t) => (t.boolField(1, true), t.boolField(2, false)))).toEqual([0x11, 0x12, 0x00]);
  });

  it('writes strings as a varint byte length and UTF-8, also past 127 bytes', () => {
    expect(encode((t) => t.stringField(4, 'Brü'))).toEqual([0x48, 0x04, 0x42, 0x72, 0xc3, 0xbc, 0x00]);
    const long = encode((t) => t.stringField(1, 'a'.repeat(200)));
    expect(long.slice(0, 3)).toEqual([0x18, 0xc8, 0x01]);
    expect(long).toHaveLength(1 + 2 + 200 + 1);
    expect(long[3]).toBe(0x61);
    expect(encode((t) => t.stringField(1, ''))).toEqual([0x18, 0x00, 0x00]);
  });

  it('restores the outer field id after a nested struct', () => {
    const bytes = encode((t) => {
      t.i32Field(1, 1);
      t.structFieldBegin(2);
      t.i32Field(1, 2);
      t.structEnd();
      t.i32Field(3, 3);
    });
    expect(bytes).toEqual([0x15, 0x02, 0x1c, 0x15, 0x04, 0x00, 0x15, 0x06, 0x00]);
  });

  it('writes list headers with the size in the high nibble, or 0xF and a varint from 15 elements', () => {
    expect(
      encode((t) => {
        t.listFieldBegin(1, CompactType.I32, 3);
        t.i32(0);
        t.i32(3);
        t.i32(8);
      }),
    ).toEqual([0x19, 0x35, 0x00, 0x06, 0x10, 0x00]);
    const long = encode((t) => {
      t.listFieldBegin(1, CompactType.BINARY, 20);
      for (let i = 0; i < 20; i += 1) {
        t.string('x');
      }
    });
    expect(long.slice(0, 5)).toEqual([0x19, 0xf8, 0x14, 0x01, 0x78]);
  });

  it('refuses to close a struct it never opened', () => {
    const thrift = new CompactWriter(new ByteWriter());
    expect(() => thrift.structEnd()).toThrow(/structEnd without structBegin/);
  });
});
