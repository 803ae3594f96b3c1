import type { LinearModel } from './LinearModel';

/**
 * Two small storage-like models (an LP with 96 intervals and a MILP with 8 binaries) that
 * run the simplex and branch-and-bound code paths once, so WebAssembly tier-up happens
 * here and not in the first real decision.
 */
export function warmUpModels(): LinearModel[] {
  return [chainModel(96, false), chainModel(8, true)];
}

/**
 * Columns per interval t: c_t, d_t, s_{t+1} (and m_t when `binary`); s_0 is fixed to 1 by
 * its bounds. Rows: s_{t+1} - s_t - 0.25 c_t + 0.25 d_t = 0, and with binaries
 * c_t - m_t <= 0, d_t + m_t <= 1.
 */
function chainModel(intervals: number, binary: boolean): LinearModel {
  const perInterval = binary ? 4 : 3;
  const numCols = 1 + perInterval * intervals;
  const numRows = (binary ? 3 : 1) * intervals;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integrality = binary ? new Int32Array(numCols) : undefined;
  colLower[0] = 1;
  colUpper[0] = 1;
  const entries: [number, number, number][] = [];
  for (let t = 0; t < intervals; t++) {
    const base = 1 + perInterval * t;
    const [c, d, s] = [base, base + 1, base + 2];
    const price = 50 + 40 * Math.sin((2 * Math.PI * t) / intervals);
    colCost[c] = -0.25 * price;
    colCost[d] = 0.25 * price;
    colUpper[s] = 2;
    const prevSoc = t === 0 ? 0 : s - perInterval;
    entries.push([t, s, 1], [t, prevSoc, -1], [t, c, -0.25], [t, d, 0.25]);
    if (integrality !== undefined) {
      const m = base + 3;
      integrality[m] = 1;
      entries.push([intervals + t, c, 1], [intervals + t, m, -1], [2 * intervals + t, d, 1], [2 * intervals + t, m, 1]);
    }
  }
  const rowLower = new Float64Array(numRows).fill(-Infinity);
  const rowUpper = new Float64Array(numRows).fill(binary ? 1 : 0);
  for (let t = 0; t < intervals; t++) {
    rowLower[t] = 0;
    rowUpper[t] = 0;
    if (binary) {
      rowUpper[intervals + t] = 0;
    }
  }
  entries.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const starts = new Int32Array(numCols + 1);
  for (const [, col] of entries) {
    starts[col + 1] += 1;
  }
  for (let j = 0; j < numCols; j++) {
    starts[j + 1] += starts[j];
  }
  return {
    sense: 'maximize',
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: {
      starts,
      indices: Int32Array.from(entries, (entry) => entry[0]),
      values: Float64Array.from(entries, (entry) => entry[2]),
    },
    ...(integrality !== undefined ? { integrality } : {}),
  };
}
