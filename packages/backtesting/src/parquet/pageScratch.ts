/** Whether typed-array bytes are already Parquet's little-endian layout (true on every platform Node ships for). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Scratch arrays shared by all columns of one file: per page the definition levels, dictionary
 * indices and non-null numbers (with byte views for one `set` copy), per column the dictionary
 * index of each row. They grow to the largest need and are reused, so encoding allocates
 * nothing per value.
 */
export class PageScratch {
  levels = new Uint8Array(0);
  indices = new Int32Array(0);
  f64 = new Float64Array(0);
  f64Bytes = new Uint8Array(0);
  i32 = new Int32Array(0);
  i32Bytes = new Uint8Array(0);
  rowIndex = new Int32Array(0);
  column = new Float64Array(0);

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

  /** Dictionary index per row of a whole column. */
  reserveRowIndex(rows: number): Int32Array {
    if (this.rowIndex.length < rows) {
      this.rowIndex = new Int32Array(rows);
    }
    return this.rowIndex;
  }

  /** A float64 column as a Float64Array: the column itself when it is one, else a copy into scratch. */
  float64Column(values: ArrayLike<number>, rows: number): Float64Array {
    if (values instanceof Float64Array) {
      return values;
    }
    if (this.column.length < rows) {
      this.column = new Float64Array(rows);
    }
    for (let i = 0; i < rows; i += 1) {
      this.column[i] = values[i];
    }
    return this.column;
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
