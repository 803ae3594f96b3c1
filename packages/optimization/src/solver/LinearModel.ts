/**
 * Column-compressed sparse matrix (CSC): column j holds the entries
 * `starts[j] .. starts[j + 1] - 1` of `indices` (row numbers) and `values`.
 * `starts` has `numCols + 1` entries and starts at 0; rows within a column are unique.
 */
export interface CscMatrix {
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** LP names of every column and row, in model order (debugging and `writeLp` only). */
export interface LpNames {
  readonly cols: readonly string[];
  readonly rows: readonly string[];
}

/**
 * A linear (or mixed-integer) model as plain typed arrays, the solver's only input.
 * Infinite sides use `+/-Infinity`. `integrality[j] = 1` marks an integer column
 * (binaries are integers with bounds [0, 1]); omitted means all continuous.
 * `names` is called only when names are needed (`writeLp`), never in the hot path.
 */
export interface LinearModel {
  readonly sense: 'maximize' | 'minimize';
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly matrix: CscMatrix;
  readonly integrality?: Int32Array;
  readonly names?: () => LpNames;
}

/** True when the model has at least one integer column. */
export function isMip(model: LinearModel): boolean {
  const integrality = model.integrality;
  if (integrality === undefined) {
    return false;
  }
  for (let j = 0; j < integrality.length; j++) {
    if (integrality[j] !== 0) {
      return true;
    }
  }
  return false;
}
