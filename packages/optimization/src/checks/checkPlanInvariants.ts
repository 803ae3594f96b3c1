import type { DispatchProblem } from '../dispatch/DispatchProblem';
import type { DispatchAssetPlan } from '../dispatch/DispatchResult';

/** Tolerance of every energy check, in MWh. */
export const SOC_TOLERANCE_MWH = 1e-6;
/** Tolerance of every power check, in MW. */
export const POWER_TOLERANCE_MW = 1e-6;
/** Charge and discharge both above this (MW) in one interval is an overlap. */
export const OVERLAP_EPS_MW = 1e-9;

/** What a plan broke. */
export type InvariantCode =
  | 'plan_shape'
  | 'soc_balance'
  | 'soc_bounds'
  | 'soc_initial'
  | 'soc_terminal'
  | 'power_limit'
  | 'poi_import_limit'
  | 'poi_export_limit'
  | 'simultaneous_charge_discharge';

/** One broken invariant, with where and by how much. */
export interface InvariantViolation {
  readonly code: InvariantCode;
  /** Asset id; null for site-level checks. */
  readonly assetId: string | null;
  /** Interval t (power checks) or instant t (SoC checks); null when not tied to one. */
  readonly interval: number | null;
  /** The value found (MW or MWh; for an overlap, the charge in MW). */
  readonly actual: number;
  /** The bound or expected value it broke (for an overlap, the discharge in MW). */
  readonly limit: number;
  readonly message: string;
}

/**
 * Checks a plan against spec/model.md ("Checks that must hold on every executed plan"):
 * SoC balance within 1e-6 MWh, SoC bounds at every instant 0..N, initial and terminal SoC,
 * per-asset power limits, POI import and export limits, and no simultaneous charge and
 * discharge. Pure; returns every violation (empty when the plan is valid).
 */
export function checkPlanInvariants(
  problem: DispatchProblem,
  result: { readonly assets: readonly DispatchAssetPlan[] },
): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const n = problem.intervalCount;
  const dt = problem.intervalHours;
  const add = (code: InvariantCode, assetId: string | null, interval: number | null, actual: number, limit: number, message: string): void => {
    out.push({ code, assetId, interval, actual, limit, message });
  };
  if (result.assets.length !== problem.assets.length) {
    add('plan_shape', null, null, result.assets.length, problem.assets.length, `plan has ${result.assets.length} assets, problem has ${problem.assets.length}`);
    return out;
  }
  const importMw = new Float64Array(n);
  const exportMw = new Float64Array(n);
  problem.assets.forEach((asset, a) => {
    const { id, chargeMw: c, dischargeMw: d, socMwh: s } = result.assets[a];
    if (c.length !== n || d.length !== n || s.length !== n + 1) {
      add('plan_shape', id, null, c.length, n, `${id}: plan arrays have lengths ${c.length}/${d.length}/${s.length}, expected ${n}/${n}/${n + 1}`);
      return;
    }
    if (Math.abs(s[0] - asset.initialSocMwh) > SOC_TOLERANCE_MWH) {
      add('soc_initial', id, 0, s[0], asset.initialSocMwh, `${id}: SoC at instant 0 is ${s[0]} MWh, initial SoC is ${asset.initialSocMwh} MWh`);
    }
    const target = asset.terminalSocMwh;
    if (target !== null) {
      const short = target - s[n];
      if (short > SOC_TOLERANCE_MWH || (problem.terminalSoc === 'equal' && -short > SOC_TOLERANCE_MWH)) {
        add('soc_terminal', id, n, s[n], target, `${id}: SoC at instant ${n} is ${s[n]} MWh, terminal target (${problem.terminalSoc}) is ${target} MWh`);
      }
    }
    for (let t = 0; t <= n; t++) {
      if (s[t] < asset.socMinMwh - SOC_TOLERANCE_MWH || s[t] > asset.socMaxMwh + SOC_TOLERANCE_MWH) {
        const bound = s[t] < asset.socMinMwh ? asset.socMinMwh : asset.socMaxMwh;
        add('soc_bounds', id, t, s[t], bound, `${id}: SoC at instant ${t} is ${s[t]} MWh, outside [${asset.socMinMwh}, ${asset.socMaxMwh}] MWh`);
      }
    }
    for (let t = 0; t < n; t++) {
      const expected = s[t] + dt * (asset.chargeEfficiency * c[t] - d[t] / asset.dischargeEfficiency);
      if (Math.abs(s[t + 1] - expected) > SOC_TOLERANCE_MWH) {
        add('soc_balance', id, t, s[t + 1], expected, `${id}: SoC at instant ${t + 1} is ${s[t + 1]} MWh, the balance of interval ${t} gives ${expected} MWh`);
      }
      const power = asset.powerLimitMw[t];
      for (const [label, value] of [['charge', c[t]], ['discharge', d[t]]] as const) {
        if (value < -POWER_TOLERANCE_MW || value > power + POWER_TOLERANCE_MW) {
          add('power_limit', id, t, value, power, `${id}: ${label} ${value} MW in interval ${t} is outside [0, ${power}] MW`);
        }
      }
      if (c[t] > OVERLAP_EPS_MW && d[t] > OVERLAP_EPS_MW) {
        add('simultaneous_charge_discharge', id, t, c[t], d[t], `${id}: charges ${c[t]} MW and discharges ${d[t]} MW in interval ${t}`);
      }
      importMw[t] += c[t];
      exportMw[t] += d[t];
    }
  });
  for (let t = 0; t < n; t++) {
    if (importMw[t] > problem.site.importLimitMw + POWER_TOLERANCE_MW) {
      add('poi_import_limit', null, t, importMw[t], problem.site.importLimitMw, `site charges ${importMw[t]} MW in interval ${t}, POI import limit is ${problem.site.importLimitMw} MW`);
    }
    if (exportMw[t] > problem.site.exportLimitMw + POWER_TOLERANCE_MW) {
      add('poi_export_limit', null, t, exportMw[t], problem.site.exportLimitMw, `site discharges ${exportMw[t]} MW in interval ${t}, POI export limit is ${problem.site.exportLimitMw} MW`);
    }
  }
  return out;
}
