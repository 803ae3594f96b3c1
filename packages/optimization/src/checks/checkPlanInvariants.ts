import type { ExtendedDispatchProblem } from '../dispatch/DispatchProblem';
import type { DispatchAssetPlan } from '../dispatch/DispatchResult';
import { resolveProblem } from '../dispatch/resolveProblem';
import type { ResolvedProblem } from '../dispatch/resolveProblem';
import { checkPower, checkSocPath } from './checkAssetPath';
import type { IntervalReserves, PathActivation } from './checkAssetPath';
import { checkReserveAwards, checkReserveEnergy } from './checkReserves';
import { checkSite } from './checkSite';
import { POWER_TOLERANCE_MW, SOC_TOLERANCE_MWH } from './InvariantViolation';
import type { InvariantViolation, ViolationSink } from './InvariantViolation';
import type { PlanUnderCheck } from './PlanUnderCheck';

export { OVERLAP_EPS_MW, POWER_TOLERANCE_MW, SOC_TOLERANCE_MWH } from './InvariantViolation';
export type { InvariantCode, InvariantViolation } from './InvariantViolation';
export type { PlanUnderCheck } from './PlanUnderCheck';

/**
 * Checks a plan against spec/model.md ("Checks that must hold on every executed plan"):
 * SoC balance (with expected aFRR activation) within 1e-6 MWh, SoC bounds at every instant,
 * initial and terminal SoC, power limits, reserve headroom, POI with reserves, no
 * simultaneous charge and discharge, reserve energy under the problem's rule (both ends of
 * every interval for `additive`), reserves constant per block and equal to locked awards,
 * locked energy, cycle budgets, l - h = n - b with l, h >= 0 and never both, the free
 * nomination's own physics, and every scenario's SoC path. Without `scenarioSocMwh`, a
 * scenario problem's mean SoC is checked with the weighted mean ratios (the balance is
 * linear). Pure; returns every violation (empty when the plan is valid).
 */
export function checkPlanInvariants(problem: ExtendedDispatchProblem, plan: PlanUnderCheck): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const add: ViolationSink = (code, assetId, interval, actual, limit, message) => {
    out.push({ code, assetId, interval, actual, limit, message });
  };
  const n = problem.intervalCount;
  if (plan.assets.length !== problem.assets.length) {
    add('plan_shape', null, null, plan.assets.length, problem.assets.length, `plan has ${plan.assets.length} assets, problem has ${problem.assets.length}`);
    return out;
  }
  const badShape = plan.assets.find(({ chargeMw: c, dischargeMw: d, socMwh: s }) => c.length !== n || d.length !== n || s.length !== n + 1);
  if (badShape !== undefined) {
    const { id, chargeMw: c, dischargeMw: d, socMwh: s } = badShape;
    add('plan_shape', id, null, c.length, n, `${id}: plan arrays have lengths ${c.length}/${d.length}/${s.length}, expected ${n}/${n}/${n + 1}`);
    return out;
  }
  const hasReserves = problem.fcr !== undefined || problem.afrr !== undefined;
  if (hasReserves && plan.reserves?.length !== problem.assets.length) {
    add('plan_shape', null, null, plan.reserves?.length ?? 0, problem.assets.length, 'the problem has reserves; the plan must give them per asset');
    return out;
  }
  const resolved = resolveProblem(problem);
  const zeros = new Float64Array(n);
  problem.assets.forEach((asset, a) => {
    const { id, chargeMw, dischargeMw, socMwh } = plan.assets[a];
    const reserve = plan.reserves?.[a];
    const intervalReserves: IntervalReserves | null = !hasReserves
      ? null
      : { fcrMw: reserve?.fcrMw ?? zeros, upMw: reserve?.afrrUpMw ?? zeros, downMw: reserve?.afrrDownMw ?? zeros };
    checkPower(asset, id, chargeMw, dischargeMw, intervalReserves, add);
    if (problem.fcr !== undefined) {
      checkReserveAwards(problem, a, id, reserve?.fcrMw, 'FCR', problem.fcr, problem.fcr.fixedMw, add);
    }
    if (problem.afrr !== undefined) {
      checkReserveAwards(problem, a, id, reserve?.afrrUpMw, 'aFRR up', problem.afrr, problem.afrr.fixedUpMw, add);
      checkReserveAwards(problem, a, id, reserve?.afrrDownMw, 'aFRR down', problem.afrr, problem.afrr.fixedDownMw, add);
    }
    checkLocksAndBudget(problem, a, plan.assets[a], add);
    const paths: { label: string; socMwh: ArrayLike<number>; activation: PathActivation | null }[] = [
      { label: id, socMwh, activation: activationOf(resolved, meanRatios(resolved), intervalReserves) },
    ];
    plan.scenarioSocMwh?.forEach((perAsset, k) => {
      const copy = resolved.socCopies[resolved.copyOfScenario[k]];
      const ratios = copy.upRatio === null || copy.downRatio === null ? null : { up: copy.upRatio, down: copy.downRatio };
      paths.push({ label: `${id} (scenario ${problem.scenarios?.[k]?.id ?? k})`, socMwh: perAsset[a], activation: activationOf(resolved, ratios, intervalReserves) });
    });
    for (const path of paths) {
      checkSocPath(asset, path.label, problem.intervalHours, problem.terminalSoc, chargeMw, dischargeMw, path.socMwh, path.activation, add, problem.dayStarts);
      if (intervalReserves !== null) {
        checkReserveEnergy(problem, asset, path.label, path.socMwh, intervalReserves, resolved.reserveEnergy, add);
      }
    }
    if (plan.scenarioSocMwh !== undefined) {
      checkMean(resolved, id, socMwh, plan.scenarioSocMwh.map((perAsset) => perAsset[a]), add);
    }
  });
  checkSite(problem, plan, add);
  return out;
}

function meanRatios(resolved: ResolvedProblem): { up: Float64Array; down: Float64Array } | null {
  if (resolved.problem.afrr === undefined) {
    return null;
  }
  const n = resolved.problem.intervalCount;
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  for (const scenario of resolved.scenarios) {
    const afrr = scenario.afrr;
    for (let t = 0; afrr !== null && t < n; t++) {
      up[t] += scenario.weight * afrr.upRatio[t];
      down[t] += scenario.weight * afrr.downRatio[t];
    }
  }
  return { up, down };
}

function activationOf(
  resolved: ResolvedProblem,
  ratios: { up: ArrayLike<number>; down: ArrayLike<number> } | null,
  reserves: IntervalReserves | null,
): PathActivation | null {
  if (ratios === null || reserves === null || resolved.problem.afrr === undefined) {
    return null;
  }
  return { upRatio: ratios.up, downRatio: ratios.down, upMw: reserves.upMw, downMw: reserves.downMw };
}

function checkMean(resolved: ResolvedProblem, id: string, socMwh: ArrayLike<number>, paths: readonly ArrayLike<number>[], add: ViolationSink): void {
  for (let i = 0; i < socMwh.length; i++) {
    const mean = resolved.scenarios.reduce((sum, scenario, k) => sum + scenario.weight * paths[k][i], 0);
    if (Math.abs(socMwh[i] - mean) > SOC_TOLERANCE_MWH) {
      add('scenario_soc_mean', id, i, socMwh[i], mean, `${id}: SoC at instant ${i} is ${socMwh[i]} MWh, the weighted mean of the scenario paths is ${mean} MWh`);
    }
  }
}

function checkLocksAndBudget(problem: ExtendedDispatchProblem, a: number, plan: DispatchAssetPlan, add: ViolationSink): void {
  const { id, chargeMw, dischargeMw } = plan;
  const locks = problem.locks;
  if (locks !== undefined) {
    for (let t = 0; t < problem.intervalCount; t++) {
      for (const [side, values, locked] of [['charge', chargeMw, locks.chargeMw[a]], ['discharge', dischargeMw, locks.dischargeMw[a]]] as const) {
        if (!Number.isNaN(locked[t]) && Math.abs(values[t] - locked[t]) > POWER_TOLERANCE_MW) {
          add('energy_lock', id, t, values[t], locked[t], `${id}: ${side} is ${values[t]} MW in interval ${t}, locked at ${locked[t]} MW`);
        }
      }
    }
  }
  const budget = problem.cycles?.dischargeBudgetMwh[a] ?? Infinity;
  if (budget !== Infinity) {
    // Over the horizon, or over each of its days.
    const asset = problem.assets[a];
    const starts = [0, ...(problem.dayStarts ?? [])];
    starts.forEach((start, day) => {
      const end = day + 1 < starts.length ? starts[day + 1] : problem.intervalCount;
      let used = 0;
      for (let t = start; t < end; t++) {
        used += (dischargeMw[t] * problem.intervalHours) / asset.dischargeEfficiency;
      }
      if (used > budget + SOC_TOLERANCE_MWH) {
        add('cycle_budget', id, problem.dayStarts === undefined ? null : start, used, budget, `${id}: discharges ${used} MWh from storage${problem.dayStarts === undefined ? '' : ` in the day from interval ${start}`}, the cycle budget is ${budget} MWh`);
      }
    });
  }
}
