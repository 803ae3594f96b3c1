import type { LinearModel } from './LinearModel';

/**
 * Remembers the matrix of the LP held by the solver's persistent HiGHS model, so that a
 * later LP with the same structure only changes costs and bounds (and HiGHS restarts from
 * the previous optimal basis). The arrays are copied: callers may reuse their buffers.
 */
export class WarmSlot {
  private sense: LinearModel['sense'] | undefined;
  private starts = new Int32Array(0);
  private indices = new Int32Array(0);
  private values = new Float64Array(0);

  /** True when `model` has exactly the stored sense, shape and matrix. */
  matches(model: LinearModel): boolean {
    if (model.sense !== this.sense || model.matrix.starts.length !== this.starts.length) {
      return false;
    }
    return (
      sameArray(model.matrix.starts, this.starts) &&
      sameArray(model.matrix.indices, this.indices) &&
      sameArray(model.matrix.values, this.values)
    );
  }

  store(model: LinearModel): void {
    this.sense = model.sense;
    this.starts = model.matrix.starts.slice();
    this.indices = model.matrix.indices.slice();
    this.values = model.matrix.values.slice();
  }

  clear(): void {
    this.sense = undefined;
    this.starts = new Int32Array(0);
  }
}

/** Byte-wise equality (a native memcmp through Buffer views; no copies). */
function sameArray(a: Int32Array | Float64Array, b: Int32Array | Float64Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
