import type { ByteWriter } from './byteWriter';

/** Thrift compact protocol type ids (element types in list headers, field types in field headers). */
export const CompactType = {
  BOOLEAN_TRUE: 1,
  BOOLEAN_FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12,
} as const;

export type CompactTypeId = (typeof CompactType)[keyof typeof CompactType];

/** Zigzag of a safe integer in arithmetic, so that i64 values beyond 2^31 survive. */
function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

/**
 * Just enough of the Thrift compact protocol to write Parquet metadata: structs, i32/i64,
 * bool, binary/string fields and lists of i32, string and struct. Field ids must increase
 * within a struct (deltas 1..15 use the short header, anything else the long one).
 * i64 values are JS numbers, exact up to 2^53 (far beyond any file we write).
 */
export class CompactWriter {
  private lastFieldId = 0;
  private readonly lastFieldIds: number[] = [];

  constructor(readonly out: ByteWriter) {}

  /** Open a struct: the top-level one, or a list element. */
  structBegin(): void {
    this.lastFieldIds.push(this.lastFieldId);
    this.lastFieldId = 0;
  }

  /** Close the innermost struct with a STOP byte. */
  structEnd(): void {
    this.out.u8(0);
    const outer = this.lastFieldIds.pop();
    if (outer === undefined) {
      throw new RangeError('thrift: structEnd without structBegin');
    }
    this.lastFieldId = outer;
  }

  private fieldHeader(fieldId: number, type: CompactTypeId): void {
    const delta = fieldId - this.lastFieldId;
    if (delta > 0 && delta <= 15) {
      this.out.u8((delta << 4) | type);
    } else {
      this.out.u8(type);
      this.out.varint(zigzag(fieldId));
    }
    this.lastFieldId = fieldId;
  }

  i32Field(fieldId: number, value: number): void {
    this.fieldHeader(fieldId, CompactType.I32);
    this.out.varint(zigzag(value));
  }

  i64Field(fieldId: number, value: number): void {
    this.fieldHeader(fieldId, CompactType.I64);
    this.out.varint(zigzag(value));
  }

  boolField(fieldId: number, value: boolean): void {
    this.fieldHeader(fieldId, value ? CompactType.BOOLEAN_TRUE : CompactType.BOOLEAN_FALSE);
  }

  stringField(fieldId: number, value: string): void {
    this.fieldHeader(fieldId, CompactType.BINARY);
    this.string(value);
  }

  /** A struct-valued field; fill it, then call `structEnd`. */
  structFieldBegin(fieldId: number): void {
    this.fieldHeader(fieldId, CompactType.STRUCT);
    this.structBegin();
  }

  /** A list-valued field header; then write `size` elements of `elementType`. */
  listFieldBegin(fieldId: number, elementType: CompactTypeId, size: number): void {
    this.fieldHeader(fieldId, CompactType.LIST);
    if (size < 15) {
      this.out.u8((size << 4) | elementType);
    } else {
      this.out.u8(0xf0 | elementType);
      this.out.varint(size);
    }
  }

  /** An i32 list element (or a bare i32). */
  i32(value: number): void {
    this.out.varint(zigzag(value));
  }

  /** A string list element (or a bare binary): varint byte length, then UTF-8. */
  string(value: string): void {
    const out = this.out;
    // Reserve the longest varint a 32-bit length needs, encode, then move the bytes if the prefix is shorter.
    out.ensure(5 + value.length * 3);
    const prefixAt = out.length;
    out.length += 5;
    const written = out.utf8(value);
    const prefixBytes = written < 0x80 ? 1 : written < 0x4000 ? 2 : written < 0x200000 ? 3 : written < 0x10000000 ? 4 : 5;
    const bytes = out.bytes;
    bytes.copyWithin(prefixAt + prefixBytes, prefixAt + 5, prefixAt + 5 + written);
    let v = written;
    let at = prefixAt;
    while (v >= 0x80) {
      bytes[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    bytes[at++] = v;
    out.length = at + written;
  }
}
