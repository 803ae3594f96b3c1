import type { DispatchDuals, DispatchAssetPlan, ReservePlan } from './DispatchResult';
import type { AfrrInput, ExtendedDispatchProblem, FcrInput } from './DispatchProblem';
import type { PlanParts } from './readPlan';

/*
 * The coarse grid (docs/optimization/model.md, "Coarse grid"). Day-ahead prices of 2024 are
 * hourly, expanded to quarter-hours, so most decisions see four equal quarter-hours in a row.
 * When every input of the problem is constant over each aligned group of k intervals, the
 * problem on the grid of k x dt has the same LP optimum: a plan constant over each group is
 * a plan of the fine problem (its SoC is linear inside the group, so every instant row holds
 * between two that do), and the mean of any fine plan over each group is a plan of the
 * coarse problem with the same money (everything is linear in c, d, r, u, w per interval and
 * the group's boundary SoCs are unchanged). Only exclusivity does not carry over: the coarse
 * plan is used when it does not charge and discharge at once where burning can pay.
 */

/**
 * The largest k (>= 1) such that every input of `problem` is constant over each group of k
 * intervals starting at interval 0, k, 2k, ...: the greatest common divisor of N and every
 * interval where some input changes. 1 when the problem has a part the coarse grid does not
 * carry exactly (imbalance, scenarios, risk, locks, reserve energy that is not additive from
 * the first instant).
 */
export function coarseFactorOf(problem: ExtendedDispatchProblem): number {
  if (problem.imbalance !== undefined || problem.scenarios !== undefined || problem.risk !== undefined || problem.locks !== undefined) {
    return 1;
  }
  const hasReserves = problem.fcr !== undefined || problem.afrr !== undefined;
  // Rows at instants 1..N only (a revision window), or at interval starts only (`independent`):
  // the first or the last group's inner instants would lie outside the coarse rows' hull.
  if (hasReserves && ((problem.reserveEnergy ?? 'additive') !== 'additive' || problem.reserveEnergyFromSecondInstant === true)) {
    return 1;
  }
  const series: ArrayLike<number>[] = [problem.dayAheadPriceEurPerMwh, ...problem.assets.map((asset) => asset.powerLimitMw)];
  if (problem.fcr !== undefined) {
    series.push(problem.fcr.blockOfInterval, problem.fcr.capacityPriceEurPerMwH);
  }
  if (problem.afrr !== undefined) {
    const afrr = problem.afrr;
    series.push(
      afrr.blockOfInterval,
      afrr.capacityUpPriceEurPerMwH,
      afrr.capacityDownPriceEurPerMwH,
      afrr.activationUpPriceEurPerMwh,
      afrr.activationDownPriceEurPerMwh,
      afrr.activationUpRatio,
      afrr.activationDownRatio,
    );
  }
  let k = problem.intervalCount;
  for (const values of series) {
    for (let t = 1; t < values.length && k > 1; t++) {
      if (t % k !== 0 && !Object.is(values[t], values[t - 1])) {
        k = gcd(k, t);
      }
    }
  }
  return Math.max(1, k);
}

/** The problem on the grid of k x dt (k from `coarseFactorOf`): one interval per group, its first value. */
export function coarsenProblem(problem: ExtendedDispatchProblem, k: number): ExtendedDispatchProblem {
  const pick = <T extends Float64Array | Int32Array>(values: T): T => {
    const out = new (values.constructor as new (length: number) => T)(values.length / k);
    for (let g = 0; g < out.length; g++) {
      out[g] = values[g * k];
    }
    return out;
  };
  const coarse: ExtendedDispatchProblem = {
    ...problem,
    intervalCount: problem.intervalCount / k,
    intervalHours: problem.intervalHours * k,
    assets: problem.assets.map((asset) => ({ ...asset, powerLimitMw: pick(asset.powerLimitMw) })),
    dayAheadPriceEurPerMwh: pick(problem.dayAheadPriceEurPerMwh),
  };
  const fcr: FcrInput | undefined =
    problem.fcr === undefined ? undefined : { ...problem.fcr, blockOfInterval: pick(problem.fcr.blockOfInterval), capacityPriceEurPerMwH: pick(problem.fcr.capacityPriceEurPerMwH) };
  const a = problem.afrr;
  const afrr: AfrrInput | undefined =
    a === undefined
      ? undefined
      : {
          ...a,
          blockOfInterval: pick(a.blockOfInterval),
          capacityUpPriceEurPerMwH: pick(a.capacityUpPriceEurPerMwH),
          capacityDownPriceEurPerMwH: pick(a.capacityDownPriceEurPerMwH),
          activationUpPriceEurPerMwh: pick(a.activationUpPriceEurPerMwh),
          activationDownPriceEurPerMwh: pick(a.activationDownPriceEurPerMwh),
          activationUpRatio: pick(a.activationUpRatio),
          activationDownRatio: pick(a.activationDownRatio),
        };
  return { ...coarse, ...(fcr !== undefined ? { fcr } : {}), ...(afrr !== undefined ? { afrr } : {}) };
}

/**
 * The coarse plan on the fine grid: power and reserves repeated over each group, the SoC
 * interpolated linearly between the group's ends (exactly what the fine balance gives for a
 * constant power).
 */
export function refineParts(parts: PlanParts, k: number): PlanParts {
  const refineAsset = (plan: DispatchAssetPlan): DispatchAssetPlan => ({
    id: plan.id,
    chargeMw: repeat(plan.chargeMw, k),
    dischargeMw: repeat(plan.dischargeMw, k),
    socMwh: interpolate(plan.socMwh, k),
  });
  const refineReserve = (plan: ReservePlan): ReservePlan => ({
    ...(plan.fcrMw !== undefined ? { fcrMw: repeat(plan.fcrMw, k) } : {}),
    ...(plan.afrrUpMw !== undefined ? { afrrUpMw: repeat(plan.afrrUpMw, k) } : {}),
    ...(plan.afrrDownMw !== undefined ? { afrrDownMw: repeat(plan.afrrDownMw, k) } : {}),
  });
  return {
    assets: parts.assets.map(refineAsset),
    scenarioSocMwh: null,
    reserves: parts.reserves?.map(refineReserve) ?? null,
    baselineAssets: null,
  };
}

/**
 * POI shadow prices on the fine grid. A coarse row limits k fine intervals at once, so its
 * price is shared equally among them: with the plan constant over the group, the equal split
 * is a dual solution of the fine LP.
 */
export function refineDuals(duals: DispatchDuals | undefined, k: number): DispatchDuals | undefined {
  if (duals === undefined) {
    return undefined;
  }
  const share = (values: Float64Array) => repeat(values.map((v) => v / k), k);
  return { poiImportEurPerMw: share(duals.poiImportEurPerMw), poiExportEurPerMw: share(duals.poiExportEurPerMw) };
}

function repeat(values: Float64Array, k: number): Float64Array {
  const out = new Float64Array(values.length * k);
  for (let g = 0; g < values.length; g++) {
    out.fill(values[g], g * k, (g + 1) * k);
  }
  return out;
}

/** Instants 0..G of the coarse grid to instants 0..G k of the fine one. */
function interpolate(instants: Float64Array, k: number): Float64Array {
  const groups = instants.length - 1;
  const out = new Float64Array(groups * k + 1);
  for (let g = 0; g < groups; g++) {
    const from = instants[g];
    const step = instants[g + 1] - from;
    for (let j = 0; j < k; j++) {
      out[g * k + j] = from + (step * j) / k;
    }
  }
  out[groups * k] = instants[groups];
  return out;
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    [a, b] = [b, a % b];
  }
  return a;
}
