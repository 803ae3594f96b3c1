import type { ExtendedDispatchProblem } from '../dispatch/DispatchProblem';
import type { DispatchAssetPlan } from '../dispatch/DispatchResult';
import { checkPower, checkSocPath } from './checkAssetPath';
import type { PlanUnderCheck } from './PlanUnderCheck';
import { POWER_TOLERANCE_MW } from './InvariantViolation';
import type { ViolationSink } from './InvariantViolation';

/**
 * Site-level checks: POI with reserves, and for imbalance problems l, h >= 0, never both,
 * l - h = n - b, plus the free nomination copy's own physics and POI.
 */
export function checkSite(problem: ExtendedDispatchProblem, plan: PlanUnderCheck, add: ViolationSink): void {
  const n = problem.intervalCount;
  checkPoi(problem, plan.assets, plan, '', add);
  const input = problem.imbalance;
  if (input === undefined) {
    return;
  }
  const split = plan.imbalance;
  if (split === undefined || split.longMw.length !== n || split.shortMw.length !== n) {
    add('plan_shape', null, null, split?.longMw.length ?? 0, n, 'the problem has imbalance; the plan must give longMw and shortMw per interval');
    return;
  }
  let baselineMw: ArrayLike<number>;
  if (input.baseline === 'free') {
    const copy = split.baselineAssets;
    if (split.baselineMw === undefined || copy === undefined || copy.length !== problem.assets.length) {
      add('plan_shape', null, null, 0, n, 'the nomination is free; the plan must give baselineMw and baselineAssets');
      return;
    }
    baselineMw = split.baselineMw;
    problem.assets.forEach((asset, a) => {
      const label = `${copy[a].id} (baseline)`;
      checkPower(asset, label, copy[a].chargeMw, copy[a].dischargeMw, null, add, input.baselineExclusivity !== 'relaxed');
      checkSocPath(asset, label, problem.intervalHours, problem.terminalSoc, copy[a].chargeMw, copy[a].dischargeMw, copy[a].socMwh, null, add);
    });
    checkPoi(problem, copy, null, 'baseline ', add);
    const copyNet = netOf(copy, n);
    for (let t = 0; t < n; t++) {
      if (Math.abs(copyNet[t] - baselineMw[t]) > POWER_TOLERANCE_MW) {
        add('imbalance_balance', null, t, baselineMw[t], copyNet[t], `baselineMw is ${baselineMw[t]} MW in interval ${t}, the baseline copy's net export is ${copyNet[t]} MW`);
      }
    }
  } else {
    baselineMw = input.baseline;
  }
  const net = netOf(plan.assets, n);
  for (let t = 0; t < n; t++) {
    const l = split.longMw[t];
    const h = split.shortMw[t];
    if (l < -POWER_TOLERANCE_MW || h < -POWER_TOLERANCE_MW || (l > POWER_TOLERANCE_MW && h > POWER_TOLERANCE_MW)) {
      add('imbalance_sign', null, t, l, h, `long ${l} MW and short ${h} MW in interval ${t}: both must be >= 0 and not both positive`);
    }
    const deviation = net[t] - baselineMw[t];
    if (Math.abs(l - h - deviation) > POWER_TOLERANCE_MW) {
      add('imbalance_balance', null, t, l - h, deviation, `long - short is ${l - h} MW in interval ${t}, net export - nomination is ${deviation} MW`);
    }
  }
}

function checkPoi(problem: ExtendedDispatchProblem, assets: readonly DispatchAssetPlan[], plan: PlanUnderCheck | null, prefix: string, add: ViolationSink): void {
  const { importLimitMw, exportLimitMw } = problem.site;
  for (let t = 0; t < problem.intervalCount; t++) {
    let importMw = 0;
    let exportMw = 0;
    assets.forEach((asset, a) => {
      const reserve = plan?.reserves?.[a];
      const r = reserve?.fcrMw?.[t] ?? 0;
      importMw += asset.chargeMw[t] + r + (reserve?.afrrDownMw?.[t] ?? 0);
      exportMw += asset.dischargeMw[t] + r + (reserve?.afrrUpMw?.[t] ?? 0);
    });
    if (importMw > importLimitMw + POWER_TOLERANCE_MW) {
      add('poi_import_limit', null, t, importMw, importLimitMw, `${prefix}site charges (with downward reserves) ${importMw} MW in interval ${t}, POI import limit is ${importLimitMw} MW`);
    }
    if (exportMw > exportLimitMw + POWER_TOLERANCE_MW) {
      add('poi_export_limit', null, t, exportMw, exportLimitMw, `${prefix}site discharges (with upward reserves) ${exportMw} MW in interval ${t}, POI export limit is ${exportLimitMw} MW`);
    }
  }
}

function netOf(assets: readonly DispatchAssetPlan[], n: number): Float64Array {
  const net = new Float64Array(n);
  for (const { chargeMw, dischargeMw } of assets) {
    for (let t = 0; t < n; t++) {
      net[t] += dischargeMw[t] - chargeMw[t];
    }
  }
  return net;
}
