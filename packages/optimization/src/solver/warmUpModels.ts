import type { LinearModel } from './LinearModel';

/**
 * Two storage-like models that run HiGHS' simplex and MILP code once, so that the lazy
 * WebAssembly compilation of their entry paths happens here and not in the first real
 * decision: a 96-interval LP, and a small MILP with binaries at negative prices. (The first
 * large MILP of a process still runs slower while V8 tiers up the cut separators; measured
 * ~0.3-0.5 s once per process.)
 */
export function warmUpModels(): LinearModel[] {
  return [chainModel(96, false), chainModel(48, true)];
}

/**
 * Columns per interval t: c_t, d_t, s_{t+1}, plus m_t in the negative-price intervals when
 * `binary`; s_0 is fixed to 1.2 (full) by its bounds, s_t in [0, 1.2], and s_N >= 1.2. Rows:
 * s_{t+1} - s_t - 0.225 c_t + 0.25 / 0.9 d_t = 0, and per binary c_t - m_t <= 0,
 * d_t + m_t <= 1.
 */
function chainModel(intervals: number, binary: boolean): LinearModel {
  const prices = Array.from({ length: intervals }, (_, t) => 50 + 40 * Math.sin((2 * Math.PI * t) / intervals) - (binary && t % 12 >= 8 ? 300 : 0));
  const binaries = prices.map((price) => binary && price < 0);
  const colCost: number[] = [0];
  const colLower: number[] = [1.2];
  const colUpper: number[] = [1.2];
  const integrality: number[] = [0];
  const entries: [number, number, number][] = [];
  let rows = intervals;
  const addCol = (cost: number, upper: number, integer: boolean): number => {
    colCost.push(cost);
    colLower.push(0);
    colUpper.push(upper);
    integrality.push(integer ? 1 : 0);
    return colCost.length - 1;
  };
  let prevSoc = 0;
  for (let t = 0; t < intervals; t++) {
    const c = addCol(-0.25 * prices[t], 1, false);
    const d = addCol(0.25 * prices[t], 1, false);
    const s = addCol(0, 1.2, false);
    entries.push([t, s, 1], [t, prevSoc, -1], [t, c, -0.225], [t, d, 0.25 / 0.9]);
    if (binaries[t]) {
      const m = addCol(0, 1, true);
      entries.push([rows, c, 1], [rows, m, -1], [rows + 1, d, 1], [rows + 1, m, 1]);
      rows += 2;
    }
    prevSoc = s;
  }
  colLower[prevSoc] = 1.2;
  const numCols = colCost.length;
  const rowLower = new Float64Array(rows).fill(-Infinity);
  const rowUpper = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    rowLower[r] = r < intervals ? 0 : -Infinity;
    rowUpper[r] = r < intervals || (r - intervals) % 2 === 0 ? 0 : 1;
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
    numRows: rows,
    colCost: Float64Array.from(colCost),
    colLower: Float64Array.from(colLower),
    colUpper: Float64Array.from(colUpper),
    rowLower,
    rowUpper,
    matrix: {
      starts,
      indices: Int32Array.from(entries, (entry) => entry[0]),
      values: Float64Array.from(entries, (entry) => entry[2]),
    },
    ...(binary ? { integrality: Int32Array.from(integrality) } : {}),
  };
}
