import type { SeriesName } from '@euroflex/config';
import { float64Array, float64Copy, type ExtendedDispatchProblem, type ExtendedDispatchResult } from '@euroflex/optimization';
import type { SeriesForecast } from './forecastFor';
import type { LockedReserves } from './problem';

/** The plan being built for one day: per asset flows, SoC and reserves, spliced by rebalances. */
export interface WorkingPlan {
  readonly chargeMw: Float64Array[];
  readonly dischargeMw: Float64Array[];
  readonly socMwh: Float64Array[];
  readonly fcrMw?: Float64Array[];
  readonly afrrUpMw?: Float64Array[];
  readonly afrrDownMw?: Float64Array[];
}

/** Bit-for-bit equality of two arrays (both undefined counts as equal). */
export function sameValues(a: Float64Array | undefined, b: Float64Array | undefined): boolean {
  if (a === undefined || b === undefined) {
    return a === b;
  }
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** A plan of the day that rebalances and revisions splice into, copied from a decision's result. */
export function copyPlan(result: ExtendedDispatchResult): WorkingPlan {
  return {
    chargeMw: result.assets.map((asset) => float64Copy(asset.chargeMw)),
    dischargeMw: result.assets.map((asset) => float64Copy(asset.dischargeMw)),
    socMwh: result.assets.map((asset) => float64Copy(asset.socMwh)),
    ...(result.reserves?.some((r) => r.fcrMw) ? { fcrMw: result.reserves.map((r) => r.fcrMw as Float64Array) } : {}),
    ...(result.reserves?.some((r) => r.afrrUpMw)
      ? {
          afrrUpMw: result.reserves.map((r) => r.afrrUpMw as Float64Array),
          afrrDownMw: result.reserves.map((r) => r.afrrDownMw as Float64Array),
        }
      : {}),
  };
}

/** Each asset's planned net export (discharge - charge), MW. */
export function netExportMw(plan: { readonly chargeMw: readonly Float64Array[]; readonly dischargeMw: readonly Float64Array[] }): Float64Array[] {
  return plan.chargeMw.map((charge, a) => {
    const discharge = plan.dischargeMw[a];
    const out = float64Array(charge.length);
    for (let t = 0; t < charge.length; t += 1) {
      out[t] = discharge[t] - charge[t];
    }
    return out;
  });
}

/** Awards per block from per-interval reserve values (block-constant by construction). */
function perBlock(values: Float64Array, blockOfInterval: Int32Array, blockCount: number): Float64Array {
  const out = new Float64Array(blockCount).fill(Number.NaN);
  for (let t = 0; t < values.length; t += 1) {
    if (Number.isNaN(out[blockOfInterval[t]])) {
      out[blockOfInterval[t]] = values[t];
    }
  }
  return out;
}

/** The reserve awards a gate decision locks, per product block. */
export function lockedFrom(problem: ExtendedDispatchProblem, result: ExtendedDispatchResult): LockedReserves {
  const reserves = result.reserves ?? [];
  const locked: { fcrMw?: Float64Array[]; afrrUpMw?: Float64Array[]; afrrDownMw?: Float64Array[] } = {};
  if (problem.fcr) {
    const { blockOfInterval, blockCount } = problem.fcr;
    locked.fcrMw = reserves.map((r) => perBlock(r.fcrMw as Float64Array, blockOfInterval, blockCount));
  }
  if (problem.afrr) {
    const { blockOfInterval, blockCount } = problem.afrr;
    locked.afrrUpMw = reserves.map((r) => perBlock(r.afrrUpMw as Float64Array, blockOfInterval, blockCount));
    locked.afrrDownMw = reserves.map((r) => perBlock(r.afrrDownMw as Float64Array, blockOfInterval, blockCount));
  }
  return locked;
}


/**
 * What the day's plan stands on: the plan, the POI duals of the decisions that set each
 * interval, and the forecasts each interval was planned with.
 */
export interface DayState {
  readonly plan: WorkingPlan;
  readonly poiImportDual: Float64Array;
  readonly poiExportDual: Float64Array;
  readonly used: Map<SeriesName, { values: Float64Array; extra: Record<string, Float64Array> }>;
}

/** The state after the nomination: its plan and duals, and copies of the forecasts it used. */
export function dayStateFrom(nomination: ExtendedDispatchResult, latest: ReadonlyMap<SeriesName, SeriesForecast>, n: number): DayState {
  const used = new Map<SeriesName, { values: Float64Array; extra: Record<string, Float64Array> }>();
  for (const [name, value] of latest) {
    const extra: Record<string, Float64Array> = {};
    for (const [column, values] of Object.entries(value.extra)) {
      extra[column] = float64Copy(values);
    }
    used.set(name, { values: float64Copy(value.values), extra });
  }
  return {
    plan: copyPlan(nomination),
    poiImportDual: float64Copy(nomination.duals?.poiImportEurPerMw ?? float64Array(n)),
    poiExportDual: float64Copy(nomination.duals?.poiExportEurPerMw ?? float64Array(n)),
    used,
  };
}

/** A window's plan (and duals) from interval `start` on replaces the day's. */
export function applyWindow(state: DayState, result: ExtendedDispatchResult, start: number): void {
  result.assets.forEach((asset, a) => {
    state.plan.chargeMw[a].set(asset.chargeMw, start);
    state.plan.dischargeMw[a].set(asset.dischargeMw, start);
    state.plan.socMwh[a].set(asset.socMwh, start);
  });
  if (result.duals) {
    state.poiImportDual.set(result.duals.poiImportEurPerMw, start);
    state.poiExportDual.set(result.duals.poiExportEurPerMw, start);
  }
}

/** A window's forecast from interval `start` on replaces the one the day's plan used. */
export function spliceForecast(state: DayState, name: SeriesName, forecast: SeriesForecast, start: number): void {
  const target = state.used.get(name);
  if (target) {
    target.values.set(forecast.values, start);
    for (const [column, values] of Object.entries(forecast.extra)) {
      target.extra[column]?.set(values, start);
    }
  }
}
