/**
 * Append-only typed arrays that double their capacity; the builder's hot-path storage.
 *
 * A backtest builds thousands of models of the same size one after the other, so the
 * storage of a finished builder goes back to a small pool (`release()`) and the next
 * builder starts from it instead of allocating, zero-filling and regrowing fresh arrays.
 * Only the first `length` values are ever read, so stale values past it do not matter.
 */
const POOL_LIMIT = 16;
const spareFloat64: Float64Array[] = [];
const spareInt32: Int32Array[] = [];
/** The storage of a released array (length 0, so nothing can be written to it). */
const RELEASED_FLOAT64 = new Float64Array(0);
const RELEASED_INT32 = new Int32Array(0);

export class GrowableFloat64 {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 64) {
    const spare = spareFloat64.pop();
    this.data = spare !== undefined && spare.length >= capacity ? spare : new Float64Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** A copy of the first `length` values. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }

  /** Hands the storage to the next builder; this array is empty and unusable afterwards. */
  release(): void {
    if (spareFloat64.length < POOL_LIMIT) {
      spareFloat64.push(this.data);
    }
    this.data = RELEASED_FLOAT64;
    this.length = 0;
  }
}

/** Int32 twin of {@link GrowableFloat64}. */
export class GrowableInt32 {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 64) {
    const spare = spareInt32.pop();
    this.data = spare !== undefined && spare.length >= capacity ? spare : new Int32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** See {@link GrowableFloat64.release}. */
  release(): void {
    if (spareInt32.length < POOL_LIMIT) {
      spareInt32.push(this.data);
    }
    this.data = RELEASED_INT32;
    this.length = 0;
  }
}
