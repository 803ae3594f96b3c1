const utf8 = new TextEncoder();

/** Strings at least this long go straight to `TextEncoder.encodeInto`; shorter ones take the ASCII loop first. */
const ENCODE_INTO_MIN_CHARS = 32;

/**
 * A growable little-endian byte buffer. `bytes` and `length` are public so that hot
 * encoding loops can write bytes directly after one `ensure` call.
 */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.bytes = new Uint8Array(Math.max(16, initialCapacity));
  }

  /** Make room for `extra` more bytes, doubling the capacity as often as needed. */
  ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.bytes.length) {
      return;
    }
    let capacity = this.bytes.length * 2;
    while (capacity < needed) {
      capacity *= 2;
    }
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  reset(): void {
    this.length = 0;
  }

  u8(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value;
  }

  u32le(value: number): void {
    this.ensure(4);
    this.setU32le(this.length, value);
    this.length += 4;
  }

  /** Overwrite 4 bytes at `offset` (a length prefix reserved earlier). */
  setU32le(offset: number, value: number): void {
    const bytes = this.bytes;
    bytes[offset] = value & 0xff;
    bytes[offset + 1] = (value >>> 8) & 0xff;
    bytes[offset + 2] = (value >>> 16) & 0xff;
    bytes[offset + 3] = (value >>> 24) & 0xff;
  }

  /** Unsigned LEB128 varint of a non-negative safe integer (arithmetic, so values above 2^31 work). */
  varint(value: number): void {
    this.ensure(8);
    const bytes = this.bytes;
    let v = value;
    while (v >= 0x80) {
      const low = v % 0x80;
      bytes[this.length++] = low | 0x80;
      v = (v - low) / 0x80;
    }
    bytes[this.length++] = v;
  }

  append(source: Uint8Array): void {
    this.ensure(source.length);
    this.bytes.set(source, this.length);
    this.length += source.length;
  }

  /**
   * Append the UTF-8 bytes of `text` and return how many were written. Short ASCII strings
   * (timestamps, ids) are copied by a plain loop, which beats a `subarray` view plus
   * `encodeInto` per value; anything else goes through `TextEncoder.encodeInto`, so lone
   * surrogates become U+FFFD exactly as `TextEncoder` does.
   */
  utf8(text: string): number {
    const chars = text.length;
    this.ensure(chars * 3);
    const bytes = this.bytes;
    const start = this.length;
    if (chars < ENCODE_INTO_MIN_CHARS) {
      let i = 0;
      while (i < chars) {
        const code = text.charCodeAt(i);
        if (code >= 0x80) {
          break;
        }
        bytes[start + i] = code;
        i += 1;
      }
      if (i === chars) {
        this.length = start + chars;
        return chars;
      }
    }
    const written = utf8.encodeInto(text, bytes.subarray(start)).written;
    this.length = start + written;
    return written;
  }

  /** Append a Parquet PLAIN BYTE_ARRAY: 4-byte little-endian length, then the UTF-8 bytes of `text`. */
  lengthPrefixedUtf8(text: string): void {
    const chars = text.length;
    this.ensure(4 + chars * 3);
    const bytes = this.bytes;
    const prefixAt = this.length;
    let written = chars;
    let ascii = chars < ENCODE_INTO_MIN_CHARS;
    if (ascii) {
      const start = prefixAt + 4;
      for (let i = 0; i < chars; i += 1) {
        const code = text.charCodeAt(i);
        if (code >= 0x80) {
          ascii = false;
          break;
        }
        bytes[start + i] = code;
      }
    }
    if (!ascii) {
      written = utf8.encodeInto(text, bytes.subarray(prefixAt + 4)).written;
    }
    bytes[prefixAt] = written & 0xff;
    bytes[prefixAt + 1] = (written >>> 8) & 0xff;
    bytes[prefixAt + 2] = (written >>> 16) & 0xff;
    bytes[prefixAt + 3] = (written >>> 24) & 0xff;
    this.length = prefixAt + 4 + written;
  }

  /** A copy of the written bytes, exactly `length` long. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}
