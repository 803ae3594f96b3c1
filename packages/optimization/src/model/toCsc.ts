import type { CscMatrix } from '../solver/LinearModel';
import type { GrowableFloat64, GrowableInt32 } from './GrowableArray';

/**
 * Converts (row, col, value) triplets to CSC by a counting sort on the column: O(nonzeros),
 * no per-entry objects. Within a column, entries keep their insertion order.
 * Throws on an index out of range or on a repeated (row, col) pair (a builder bug).
 */
export function toCsc(
  numRows: number,
  numCols: number,
  rows: GrowableInt32,
  cols: GrowableInt32,
  values: GrowableFloat64,
): CscMatrix {
  const nonzeros = rows.length;
  const starts = new Int32Array(numCols + 1);
  for (let e = 0; e < nonzeros; e++) {
    const col = cols.get(e);
    const row = rows.get(e);
    if (col < 0 || col >= numCols || row < 0 || row >= numRows) {
      throw new Error(`matrix entry (${row}, ${col}) is outside the ${numRows} x ${numCols} model`);
    }
    starts[col + 1] += 1;
  }
  for (let j = 0; j < numCols; j++) {
    starts[j + 1] += starts[j];
  }
  const next = scratchInt32(0, numCols);
  next.set(starts.subarray(0, numCols));
  const indices = new Int32Array(nonzeros);
  const out = new Float64Array(nonzeros);
  for (let e = 0; e < nonzeros; e++) {
    const position = next[cols.get(e)]++;
    indices[position] = rows.get(e);
    out[position] = values.get(e);
  }
  const lastColOfRow = scratchInt32(1, numRows).fill(-1);
  for (let j = 0; j < numCols; j++) {
    for (let k = starts[j]; k < starts[j + 1]; k++) {
      const row = indices[k];
      if (lastColOfRow[row] === j) {
        throw new Error(`matrix entry (${row}, ${j}) was added twice`);
      }
      lastColOfRow[row] = j;
    }
  }
  return { starts, indices, values: out };
}

/** Two grow-only scratch arrays for the conversion's working storage (not returned). */
const scratch = [new Int32Array(1024), new Int32Array(1024)];

function scratchInt32(which: 0 | 1, length: number): Int32Array {
  if (scratch[which].length < length) {
    scratch[which] = new Int32Array(Math.max(length, 2 * scratch[which].length));
  }
  return scratch[which].subarray(0, length);
}
