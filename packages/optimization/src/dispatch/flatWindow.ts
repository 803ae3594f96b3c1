// Flat windows: the exclusivity MILP solved exactly through a small relaxation
// (docs/optimization/model.md, "Flat windows"). The relaxation is built in
// flatRelaxation.ts and its modes are laid out in flatModeOrder.ts.
//
// A window is FLAT when nothing in it depends on the interval except the SoC path: one
// net-export price q in every interval (the day-ahead price, or a single imbalance price with
// a fixed nomination), no reserves, scenarios or locks, and a constant power limit per asset.
// Then the money of a plan is a function of each asset's total charge X_a and discharge Y_a
// (MWh, grid side) only: sum_a [q (Y_a - X_a) - k_a (X_a + Y_a)] plus a constant (the
// nomination's deviation money is q (n - b), and b is fixed).
//
// Relaxation. Give every interval a JOINT MODE m in {charge, discharge}^A (one direction per
// asset; an idle asset takes either). Forget the order of the intervals and the SoC band at
// the inner instants, and keep per mode only its count n_m and the energy e_{m,a} each asset
// moves in its direction over those intervals:
//   sum_m n_m = N                                                    (every interval has a mode)
//   0 <= e_{m,a} <= P_a dt n_m                                       (power)
//   sum_{a charging} e - sum_{a discharging} e <= I dt n_m           (POI import, per mode)
//   sum_{a discharging} e - sum_{a charging} e <= E dt n_m           (POI export, per mode)
//   s_N,a = S0_a + etaC sum_{m charging a} e - sum_{m discharging a} e / etaD, within the band
//     and the terminal rule                                           (SoC at the window end)
//   sum_{m discharging a} e / etaD <= B_a                             (cycle budget)
// with n_m integer. Summing an overlap-free plan's flows by joint mode gives a feasible point
// of equal money, so the relaxation's optimum bounds every plan (and an overlap-free optimum
// exists wherever overlap could pay nothing, exclusivity.ts).
//
// Plan. Lay the modes out in time (flatModeOrder.ts: a depth-first search over orders in
// which each mode's uniform SoC step keeps every asset inside its band, nearest the straight
// line from S0 to s_N first), fix them, and solve the dispatch LP with those modes. If the
// plan's money reaches the relaxation's optimum, the plan is optimal; otherwise the caller
// solves the MILP as before. So the result is exact or not used.
import type { DispatchAsset } from './DispatchProblem';
import type { PlanParts } from './readPlan';
import type { ResolvedProblem } from './resolveProblem';

/** More assets would give 2^A joint modes; such sites go to the MILP. */
export const FLAT_WINDOW_MAX_ASSETS = 4;

/** A flat window, as the relaxation and the layout need it. */
export interface FlatWindow {
  readonly intervalCount: number;
  readonly intervalHours: number;
  /** q, the one net-export price of every interval, EUR/MWh. */
  readonly priceEurPerMwh: number;
  readonly assets: readonly DispatchAsset[];
  /** P_a, the constant power limit of each asset, MW. */
  readonly powerMw: Float64Array;
  readonly importLimitMw: number;
  readonly exportLimitMw: number;
  readonly terminalSoc: 'equal' | 'at_least';
  /** B_a per asset (Infinity for none). */
  readonly cycleBudgetMwh: Float64Array;
}

/** The window when the problem is flat (see above), else null. */
export function flatWindowOf(resolved: ResolvedProblem): FlatWindow | null {
  const { problem } = resolved;
  const n = problem.intervalCount;
  const count = problem.assets.length;
  if (n < 1 || count < 1 || count > FLAT_WINDOW_MAX_ASSETS) {
    return null;
  }
  if (problem.fcr !== undefined || problem.afrr !== undefined || problem.dayStarts !== undefined || resolved.hasScenarios || resolved.risk !== null) {
    return null;
  }
  const locks = problem.locks;
  if (locks !== undefined && [...locks.chargeMw, ...locks.dischargeMw].some((lock) => lock.some((value) => !Number.isNaN(value)))) {
    return null;
  }
  const imbalance = problem.imbalance;
  let prices: Float64Array;
  if (imbalance === undefined) {
    prices = resolved.scenarios[0].dayAheadPriceEurPerMwh;
  } else {
    if (imbalance.baseline === 'free' || imbalance.surplusPriceEurPerMwh.some((p, t) => p !== imbalance.shortagePriceEurPerMwh[t])) {
      return null;
    }
    prices = imbalance.surplusPriceEurPerMwh;
  }
  const priceEurPerMwh = prices[0];
  if (!Number.isFinite(priceEurPerMwh) || prices.some((p) => p !== priceEurPerMwh)) {
    return null;
  }
  const powerMw = new Float64Array(count);
  for (const [a, asset] of problem.assets.entries()) {
    const power = asset.powerLimitMw[0];
    if (!(power > 0) || asset.powerLimitMw.some((p) => p !== power)) {
      return null;
    }
    if (asset.initialSocMwh < asset.socMinMwh || asset.initialSocMwh > asset.socMaxMwh) {
      return null;
    }
    powerMw[a] = power;
  }
  const budgets = problem.cycles?.dischargeBudgetMwh;
  return {
    intervalCount: n,
    intervalHours: problem.intervalHours,
    priceEurPerMwh,
    assets: problem.assets,
    powerMw,
    importLimitMw: problem.site.importLimitMw,
    exportLimitMw: problem.site.exportLimitMw,
    terminalSoc: problem.terminalSoc,
    cycleBudgetMwh: Float64Array.from(problem.assets, (_, a) => budgets?.[a] ?? Infinity),
  };
}

/** True when asset a charges in joint mode m (bit a of m set). */
export function charges(mode: number, a: number): boolean {
  return ((mode >> a) & 1) === 1;
}
/** The money the relaxation counts for a plan: sum_a,t dt [q (d - c) - k_a (c + d)], EUR. */
export function flatMoneyEur(window: FlatWindow, plans: PlanParts['assets']): number {
  const q = window.priceEurPerMwh;
  let money = 0;
  for (const [a, plan] of plans.entries()) {
    const k = window.assets[a].degradationEurPerMwh;
    for (let t = 0; t < window.intervalCount; t++) {
      const c = plan.chargeMw[t];
      const d = plan.dischargeMw[t];
      money += window.intervalHours * (q * (d - c) - k * (c + d));
    }
  }
  return money;
}
