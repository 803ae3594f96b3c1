import type { LinearModel } from './LinearModel';

/** Matrix entries of a warm LP whose value changed: entry i is `values[i]` at (`rows[i]`, `cols[i]`). */
export interface CoefficientChanges {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly values: Float64Array;
}

/**
 * Above this share of changed matrix entries a fresh model load beats patching the held one
 * coefficient by coefficient (each change is one call into HiGHS).
 */
const MAX_CHANGED_SHARE = 0.25;

/**
 * Remembers the matrix of the LP held by the solver's persistent HiGHS model, so that a
 * later LP with the same structure only changes costs, bounds and (few) coefficients, and
 * HiGHS restarts from the previous optimal basis. The arrays are copied: callers may reuse
 * their buffers.
 */
export class WarmSlot {
  private sense: LinearModel['sense'] | undefined;
  private starts = new Int32Array(0);
  private indices = new Int32Array(0);
  private values = new Float64Array(0);
  private colLower = new Float64Array(0);
  private colUpper = new Float64Array(0);
  private rowLower = new Float64Array(0);
  private rowUpper = new Float64Array(0);

  /** True when `model` has exactly the stored sense, shape and matrix. */
  matches(model: LinearModel): boolean {
    return this.changesFor(model)?.rows.length === 0;
  }

  /**
   * The coefficients to change when `model` has the stored sense and sparsity pattern (the
   * aFRR activation ratios of another day, say); null when it does not, or when so many
   * values differ that a fresh load is cheaper.
   */
  changesFor(model: LinearModel): CoefficientChanges | null {
    const { starts, indices, values } = model.matrix;
    if (model.sense !== this.sense || starts.length !== this.starts.length || !sameArray(starts, this.starts) || !sameArray(indices, this.indices)) {
      return null;
    }
    if (sameArray(values, this.values)) {
      return { rows: new Int32Array(0), cols: new Int32Array(0), values: new Float64Array(0) };
    }
    const rows: number[] = [];
    const cols: number[] = [];
    const changed: number[] = [];
    const limit = MAX_CHANGED_SHARE * values.length;
    for (let j = 0; j + 1 < starts.length; j++) {
      for (let k = starts[j]; k < starts[j + 1]; k++) {
        if (values[k] !== this.values[k]) {
          if (changed.length >= limit) {
            return null;
          }
          rows.push(indices[k]);
          cols.push(j);
          changed.push(values[k]);
        }
      }
    }
    return { rows: Int32Array.from(rows), cols: Int32Array.from(cols), values: Float64Array.from(changed) };
  }

  store(model: LinearModel): void {
    this.sense = model.sense;
    this.starts = model.matrix.starts.slice();
    this.indices = model.matrix.indices.slice();
    this.values = model.matrix.values.slice();
    this.storeBounds(model);
  }

  /**
   * Which bounds of `model` differ from those the held model has (day after day often only
   * the prices change, and each bounds call copies whole arrays into HiGHS).
   */
  boundsChanged(model: LinearModel): { readonly cols: boolean; readonly rows: boolean } {
    return {
      cols: !sameArray(model.colLower, this.colLower) || !sameArray(model.colUpper, this.colUpper),
      rows: !sameArray(model.rowLower, this.rowLower) || !sameArray(model.rowUpper, this.rowUpper),
    };
  }

  /** Remembers the bounds now held by the persistent model. */
  storeBounds(model: LinearModel): void {
    this.colLower = model.colLower.slice();
    this.colUpper = model.colUpper.slice();
    this.rowLower = model.rowLower.slice();
    this.rowUpper = model.rowUpper.slice();
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
