/** Enum values from Apache Parquet's parquet.thrift, only those this writer emits. */

/** `Type`: physical types. */
export const PhysicalType = { BOOLEAN: 0, INT32: 1, DOUBLE: 5, BYTE_ARRAY: 6 } as const;
export type PhysicalTypeId = (typeof PhysicalType)[keyof typeof PhysicalType];

/** `FieldRepetitionType`. */
export const Repetition = { REQUIRED: 0, OPTIONAL: 1 } as const;

/** `ConvertedType` (legacy annotation, still read by older readers). */
export const ConvertedType = { UTF8: 0 } as const;

/** `Encoding`. */
export const Encoding = { PLAIN: 0, RLE: 3, RLE_DICTIONARY: 8 } as const;
export type EncodingId = (typeof Encoding)[keyof typeof Encoding];

/** `PageType`. */
export const PageType = { DATA_PAGE: 0, DICTIONARY_PAGE: 2 } as const;

/** `CompressionCodec`. */
export const Codec = { UNCOMPRESSED: 0, SNAPPY: 1 } as const;
export type CodecId = (typeof Codec)[keyof typeof Codec];

/** Every Parquet file starts and ends with these 4 bytes. */
export const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]);
