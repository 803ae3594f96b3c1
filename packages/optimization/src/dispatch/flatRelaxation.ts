// The relaxation of a flat window over the counts of joint modes (flatWindow.ts has the maths).
import type { LinearModel } from '../solver/LinearModel';
import type { DispatchAsset } from './DispatchProblem';
import { charges, type FlatWindow } from './flatWindow';

/** Column layout of the relaxation: n_m at `m`, e_{m,a} at `modeCount + m * A + a`. */
export interface FlatRelaxation {
  readonly model: LinearModel;
  readonly modeCount: number;
}

/** The relaxation above as a maximising MILP with 2^A integer columns. */
export function flatRelaxation(window: FlatWindow): FlatRelaxation {
  const { assets, intervalCount: n, intervalHours: dt, priceEurPerMwh: q } = window;
  const count = assets.length;
  const modeCount = 1 << count;
  const numCols = modeCount + modeCount * count;
  const energyCol = (m: number, a: number) => modeCount + m * count + a;
  const entries: [number, number][][] = Array.from({ length: numCols }, () => []);
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (lower: number, upper: number, terms: readonly [number, number][]) => {
    const row = rowLower.length;
    rowLower.push(lower);
    rowUpper.push(upper);
    for (const [col, value] of terms) {
      if (value !== 0) {
        entries[col].push([row, value]);
      }
    }
  };
  const modes = Array.from({ length: modeCount }, (_, m) => m);
  const assetIndices = assets.map((_, a) => a);
  addRow(n, n, modes.map((m) => [m, 1]));
  for (const m of modes) {
    for (const a of assetIndices) {
      addRow(-Infinity, 0, [
        [energyCol(m, a), 1],
        [m, -window.powerMw[a] * dt],
      ]);
    }
    const net = assetIndices.map((a): [number, number] => [energyCol(m, a), charges(m, a) ? 1 : -1]);
    if (Number.isFinite(window.importLimitMw)) {
      addRow(-Infinity, 0, [...net, [m, -window.importLimitMw * dt]]);
    }
    if (Number.isFinite(window.exportLimitMw)) {
      addRow(-Infinity, 0, [...net.map(([col, sign]): [number, number] => [col, -sign]), [m, -window.exportLimitMw * dt]]);
    }
  }
  for (const [a, asset] of assets.entries()) {
    const { lower, upper } = endSocRange(asset, window.terminalSoc);
    const stored = modes.map((m): [number, number] => [energyCol(m, a), charges(m, a) ? asset.chargeEfficiency : -1 / asset.dischargeEfficiency]);
    addRow(lower - asset.initialSocMwh, upper - asset.initialSocMwh, stored);
    if (Number.isFinite(window.cycleBudgetMwh[a])) {
      addRow(
        -Infinity,
        window.cycleBudgetMwh[a],
        modes.map((m): [number, number] => [energyCol(m, a), charges(m, a) ? 0 : 1 / asset.dischargeEfficiency]),
      );
    }
  }
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  const integrality = new Int32Array(numCols);
  for (const m of modes) {
    colUpper[m] = n;
    integrality[m] = 1;
    for (const [a, asset] of assets.entries()) {
      colCost[energyCol(m, a)] = (charges(m, a) ? -q : q) - asset.degradationEurPerMwh;
    }
  }
  const starts = new Int32Array(numCols + 1);
  entries.forEach((column, j) => {
    starts[j + 1] = starts[j] + column.length;
  });
  const flat = entries.flat();
  return {
    modeCount,
    model: {
      sense: 'maximize',
      numCols,
      numRows: rowLower.length,
      colCost,
      colLower,
      colUpper,
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      matrix: { starts, indices: Int32Array.from(flat, ([row]) => row), values: Float64Array.from(flat, ([, value]) => value) },
      integrality,
    },
  };
}

/** The SoC range at the window end: the band, narrowed by the terminal target when there is one. */
function endSocRange(asset: DispatchAsset, terminalSoc: 'equal' | 'at_least'): { lower: number; upper: number } {
  const target = asset.terminalSocMwh;
  if (target === null) {
    return { lower: asset.socMinMwh, upper: asset.socMaxMwh };
  }
  return terminalSoc === 'equal' ? { lower: target, upper: target } : { lower: Math.max(target, asset.socMinMwh), upper: asset.socMaxMwh };
}
