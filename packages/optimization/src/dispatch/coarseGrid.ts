import type { DispatchDuals, DispatchAssetPlan, ReservePlan } from './DispatchResult';
import type { AfrrInput, ExtendedDispatchProblem, FcrInput } from './DispatchProblem';
import type { PlanParts } from './readPlan';
import { float64Array } from '../memory/typedSlab';

/*
 * The coarse grid (docs/optimization/model.md, "Coarse grid"). Day-ahead prices of 2024 are
 * hourly, expanded to quarter-hours, so most decisions see four equal quarter-hours in a row.
 * When every input of the problem is constant over each aligned group of k intervals, the
 * problem on the grid of k x dt has the same LP optimum: a plan constant over each group is
 * a plan of the fine problem (its SoC is linear inside the group, so every instant row holds
 * between two that do), and the mean of any fine plan over each group is a plan of the
 * coarse problem with the same money (everything is linear in c, d, r, u, w per interval and
 * the group's boundary SoCs are unchanged). Only exclusivity does not carry over: the coarse
 * plan is used when it does not charge and discharge at once where burning can pay; else the
 * exclusivity MILP runs on the mixed grid, where the groups that can burn keep their k
 * intervals and binaries and the others stay merged (the same optimum, by the same argument
 * on the merged groups).
 */

/**
 * The largest k (>= 1) such that every input of `problem` is constant over each group of k
 * intervals starting at interval 0, k, 2k, ...: the greatest common divisor of N and every
 * interval where some input changes. 1 when the problem has a part the coarse grid does not
 * carry exactly (imbalance, scenarios, risk, locks, reserve energy that is not additive from
 * the first instant), and for a problem already on a grid of unequal intervals.
 */
export function coarseFactorOf(problem: ExtendedDispatchProblem): number {
  if (problem.intervalHoursEach !== undefined || problem.imbalance !== undefined || problem.scenarios !== undefined || problem.risk !== undefined || problem.locks !== undefined) {
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
  // The days of a joint horizon start on a group boundary (their terminal and budget rows).
  for (const start of problem.dayStarts ?? []) {
    k = gcd(k, start);
  }
  for (const values of series) {
    for (let t = 1; t < values.length && k > 1; t++) {
      if (t % k !== 0 && !Object.is(values[t], values[t - 1])) {
        k = gcd(k, t);
      }
    }
  }
  return Math.max(1, k);
}

/**
 * The intervals of a coarse grid as their first fine interval: span j covers fine intervals
 * [starts[j], starts[j + 1]), starts ends with N. Groups of k intervals, except where
 * `keepFine(g)` keeps group g as k intervals of its own (the mixed grid).
 */
export function coarseSpans(n: number, k: number, keepFine: (group: number) => boolean = () => false): Int32Array {
  const starts: number[] = [];
  for (let g = 0; g * k < n; g++) {
    for (let j = 0; j < (keepFine(g) ? k : 1); j++) {
      starts.push(g * k + j);
    }
  }
  starts.push(n);
  return Int32Array.from(starts);
}

/**
 * The problem on a coarse grid (`coarseSpans` of `coarseFactorOf`): one interval per span,
 * with the span's first value of every input and its length times dt.
 */
export function coarsenProblem(problem: ExtendedDispatchProblem, spans: Int32Array): ExtendedDispatchProblem {
  const m = spans.length - 1;
  // Each span's first value, in an array of the input's own type (prices, or block numbers).
  const pick = <T extends Float64Array | Int32Array>(values: T): T => {
    const out = values.slice(0, m) as T;
    for (let j = 0; j < m; j++) {
      out[j] = values[spans[j]];
    }
    return out;
  };
  const hours = Float64Array.from({ length: m }, (_, j) => (spans[j + 1] - spans[j]) * problem.intervalHours);
  const uniform = hours.every((h) => h === hours[0]);
  const coarse: ExtendedDispatchProblem = {
    ...problem,
    intervalCount: m,
    intervalHours: uniform ? hours[0] : problem.intervalHours,
    ...(uniform ? {} : { intervalHoursEach: hours }),
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
  const dayStarts = problem.dayStarts === undefined ? undefined : coarseInstants(problem.dayStarts, spans);
  return { ...coarse, ...(fcr !== undefined ? { fcr } : {}), ...(afrr !== undefined ? { afrr } : {}), ...(dayStarts !== undefined ? { dayStarts } : {}) };
}

/** Fine instants that start a span (day starts: `coarseFactorOf` divides them) as coarse ones. */
function coarseInstants(instants: Int32Array, spans: Int32Array): Int32Array {
  return instants.map((instant) => {
    const j = spans.indexOf(instant);
    if (j < 0) {
      throw new Error(`instant ${instant} is not a boundary of the coarse grid`);
    }
    return j;
  });
}

/**
 * The coarse plan on the fine grid: power and reserves repeated over each span, the SoC
 * interpolated linearly between the span's ends (exactly what the fine balance gives for a
 * constant power).
 */
export function refineParts(parts: PlanParts, spans: Int32Array): PlanParts {
  const refineAsset = (plan: DispatchAssetPlan): DispatchAssetPlan => ({
    id: plan.id,
    chargeMw: repeat(plan.chargeMw, spans),
    dischargeMw: repeat(plan.dischargeMw, spans),
    socMwh: interpolate(plan.socMwh, spans),
  });
  const refineReserve = (plan: ReservePlan): ReservePlan => ({
    ...(plan.fcrMw !== undefined ? { fcrMw: repeat(plan.fcrMw, spans) } : {}),
    ...(plan.afrrUpMw !== undefined ? { afrrUpMw: repeat(plan.afrrUpMw, spans) } : {}),
    ...(plan.afrrDownMw !== undefined ? { afrrDownMw: repeat(plan.afrrDownMw, spans) } : {}),
  });
  return {
    assets: parts.assets.map(refineAsset),
    scenarioSocMwh: null,
    reserves: parts.reserves?.map(refineReserve) ?? null,
    baselineAssets: null,
  };
}

/** Interval modes (IntervalMode) on the fine grid: each span's mode in each of its intervals. */
export function refineModes(modes: Uint8Array, spans: Int32Array): Uint8Array {
  const out = new Uint8Array(spans[spans.length - 1]);
  for (let j = 0; j + 1 < spans.length; j++) {
    const mode = modes[j];
    for (let i = spans[j]; i < spans[j + 1]; i++) {
      out[i] = mode;
    }
  }
  return out;
}

/**
 * POI shadow prices on the fine grid. A coarse row limits a span's intervals at once, so its
 * price is shared equally among them: with the plan constant over the span, the equal split
 * is a dual solution of the fine LP.
 */
export function refineDuals(duals: DispatchDuals | undefined, spans: Int32Array): DispatchDuals | undefined {
  if (duals === undefined) {
    return undefined;
  }
  return { poiImportEurPerMw: repeat(duals.poiImportEurPerMw, spans, true), poiExportEurPerMw: repeat(duals.poiExportEurPerMw, spans, true) };
}

// Plain loops rather than `fill(value, from, to)`: spans are a few intervals long, and a
// builtin call per span cost more than its stores (about 5 us per day's array).
function repeat(values: Float64Array, spans: Int32Array, shared = false): Float64Array {
  const out = float64Array(spans[spans.length - 1]);
  for (let j = 0; j < values.length; j++) {
    // `shared`: each span's value divided equally among its intervals.
    const value = shared ? values[j] / (spans[j + 1] - spans[j]) : values[j];
    for (let i = spans[j]; i < spans[j + 1]; i++) {
      out[i] = value;
    }
  }
  return out;
}

/** Instants 0..M of the coarse grid to instants 0..N of the fine one. */
function interpolate(instants: Float64Array, spans: Int32Array): Float64Array {
  const m = instants.length - 1;
  const out = float64Array(spans[m] + 1);
  for (let j = 0; j < m; j++) {
    const from = instants[j];
    const step = instants[j + 1] - from;
    const length = spans[j + 1] - spans[j];
    for (let i = 0; i < length; i++) {
      out[spans[j] + i] = from + (step * i) / length;
    }
  }
  out[spans[m]] = instants[m];
  return out;
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    [a, b] = [b, a % b];
  }
  return a;
}
