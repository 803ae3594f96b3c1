import type { DispatchLayout } from '../buildModel';
import type { DispatchProblem } from './DispatchProblem';
import type { DispatchAssetPlan } from './DispatchResult';

/**
 * Power below this (MW) is solver noise and is set to exactly 0. Safe for every invariant:
 * it moves the SoC balance by < 1e-9 x dt / etaD MWh, far inside the 1e-6 MWh tolerance.
 */
export const DUST_MW = 1e-9;

/** Copies each asset's c, d, s out of the column values and cleans power dust to 0. */
export function readPlan(problem: DispatchProblem, layout: DispatchLayout, x: Float64Array): DispatchAssetPlan[] {
  return problem.assets.map((asset, a) => {
    const cols = layout.batteries[a];
    const chargeMw = cleanDust(x.slice(cols.charge.offset, cols.charge.offset + cols.charge.count));
    const dischargeMw = cleanDust(x.slice(cols.discharge.offset, cols.discharge.offset + cols.discharge.count));
    const socMwh = x.slice(cols.soc.offset, cols.soc.offset + cols.soc.count);
    return { id: asset.id, chargeMw, dischargeMw, socMwh };
  });
}

/** The mode binaries of asset a, in the order of its `modeIntervals`. */
export function readModeValues(layout: DispatchLayout, a: number, x: Float64Array): Float64Array {
  const mode = layout.batteries[a].mode;
  return mode === null ? new Float64Array(0) : x.slice(mode.offset, mode.offset + mode.count);
}

/** sum_a,t dt [p (d - c) - k (c + d)] in EUR: the objective of a plan, recomputed from the plan itself. */
export function planObjectiveEur(problem: DispatchProblem, plans: readonly DispatchAssetPlan[]): number {
  const dt = problem.intervalHours;
  const price = problem.dayAheadPriceEurPerMwh;
  let total = 0;
  problem.assets.forEach((asset, a) => {
    const { chargeMw, dischargeMw } = plans[a];
    const k = asset.degradationEurPerMwh;
    for (let t = 0; t < chargeMw.length; t++) {
      total += dt * (price[t] * (dischargeMw[t] - chargeMw[t]) - k * (chargeMw[t] + dischargeMw[t]));
    }
  });
  return total;
}

function cleanDust(values: Float64Array): Float64Array {
  for (let t = 0; t < values.length; t++) {
    if (Math.abs(values[t]) < DUST_MW) {
      values[t] = 0;
    }
  }
  return values;
}
