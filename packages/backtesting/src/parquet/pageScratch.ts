/** Whether typed-array bytes are already Parquet's little-endian layout (true on every platform Node ships for). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Per-page scratch arrays shared by all columns of one file: definition levels, dictionary
 * indices and the non-null numbers of a page, each with a byte view for a single `set` copy.
 * They grow to the largest page and are reused, so encoding allocates nothing per value.
 */
export class PageScratch {
  levels = new Uint8Array(0);
  indices = new Int32Array(0);
  f64 = new Float64Array(0);
  f64Bytes = new Uint8Array(0);
  i32 = new Int32Array(0);
  i32Bytes = new Uint8Array(0);

  reserveLevels(rows: number): Uint8Array {
    if (this.levels.length < rows) {
      this.levels = new Uint8Array(rows);
    }
    return this.levels;
  }

  reserveIndices(rows: number): Int32Array {
    if (this.indices.length < rows) {
      this.indices = new Int32Array(rows);
    }
    return this.indices;
  }

  reserveF64(rows: number): Float64Array {
    if (this.f64.length < rows) {
      this.f64 = new Float64Array(rows);
      this.f64Bytes = new Uint8Array(this.f64.buffer);
    }
    return this.f64;
  }

  reserveI32(rows: number): Int32Array {
    if (this.i32.length < rows) {
      this.i32 = new Int32Array(rows);
      this.i32Bytes = new Uint8Array(this.i32.buffer);
    }
    return this.i32;
  }
}
