import type { DispatchProblem, LinearModel, Solver } from '../../src';

/**
 * An independent optimum for a SINGLE-asset problem without simultaneous charge and
 * discharge: enumerate a direction (charge or discharge; idle is inside both) for every
 * interval and solve each fixed-direction LP. The LPs use a different formulation from the
 * kernel: one column u_t >= 0 per interval, SoC eliminated (cumulative rows
 * Smin <= S0 + dt sum_{tau < t} g_tau u_tau <= Smax with g = etaC for charge, -1/etaD for
 * discharge), the POI folded into the column bound. Feasible for 2^N LPs, so N <= 8.
 */
export function enumerateModes(solver: Solver, problem: DispatchProblem): number {
  const n = problem.intervalCount;
  if (problem.assets.length !== 1 || n > 8) {
    throw new Error('enumerateModes handles one asset and at most 8 intervals');
  }
  let best = -Infinity;
  for (let mask = 0; mask < 1 << n; mask++) {
    const model = fixedDirectionModel(problem, (t) => ((mask >> t) & 1) === 1);
    const result = solver.solve(model, { warmStart: false });
    if (result.status === 'optimal') {
      best = Math.max(best, result.objective);
    }
  }
  return best;
}

function fixedDirectionModel(problem: DispatchProblem, charges: (t: number) => boolean): LinearModel {
  const [asset] = problem.assets;
  const n = problem.intervalCount;
  const dt = problem.intervalHours;
  const price = problem.dayAheadPriceEurPerMwh;
  const colCost = new Float64Array(n);
  const colUpper = new Float64Array(n);
  const gain = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const charge = charges(t);
    const poi = charge ? problem.site.importLimitMw : problem.site.exportLimitMw;
    colUpper[t] = Math.min(asset.powerLimitMw[t], poi);
    colCost[t] = dt * ((charge ? -price[t] : price[t]) - asset.degradationEurPerMwh);
    gain[t] = dt * (charge ? asset.chargeEfficiency : -1 / asset.dischargeEfficiency);
  }
  // Row r (r = 0..n-1) is the SoC change up to instant r + 1; column t enters rows t..n-1.
  const rowLower = new Float64Array(n).fill(asset.socMinMwh - asset.initialSocMwh);
  const rowUpper = new Float64Array(n).fill(asset.socMaxMwh - asset.initialSocMwh);
  const target = asset.terminalSocMwh;
  if (target !== null) {
    rowLower[n - 1] = Math.max(rowLower[n - 1], target - asset.initialSocMwh);
    if (problem.terminalSoc === 'equal') {
      rowUpper[n - 1] = target - asset.initialSocMwh;
    }
  }
  const starts = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let t = 0; t < n; t++) {
    for (let r = t; r < n; r++) {
      indices.push(r);
      values.push(gain[t]);
    }
    starts[t + 1] = indices.length;
  }
  return {
    sense: 'maximize',
    numCols: n,
    numRows: n,
    colCost,
    colLower: new Float64Array(n),
    colUpper,
    rowLower,
    rowUpper,
    matrix: { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
  };
}
