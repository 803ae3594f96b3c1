// Flat windows: the exclusivity MILP solved exactly through a small relaxation
// (docs/optimization/model.md, "Flat windows").
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
// Plan. Lay the modes out in time (orderModes: a depth-first search over orders in which each
// mode's uniform SoC step keeps every asset inside its band, nearest the straight line from
// S0 to s_N first),
// fix them, and solve the dispatch LP with those modes. If the plan's money reaches the
// relaxation's optimum, the plan is optimal; otherwise (no order found, or the LP falls
// short) the caller solves the MILP as before. So the result is exact or not used.
import type { DispatchAsset } from './DispatchProblem';
import { IntervalMode } from '../components/battery/intervalMode';
import type { LinearModel } from '../solver/LinearModel';
import type { PlanParts } from './readPlan';
import type { ResolvedProblem } from './resolveProblem';

/** More assets would give 2^A joint modes; such sites go to the MILP. */
export const FLAT_WINDOW_MAX_ASSETS = 4;

/** SoC slack (MWh) allowed when laying out modes: the fixed-mode LP then settles the exact values. */
const ORDER_SOC_TOLERANCE_MWH = 1e-9;

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
  if (problem.fcr !== undefined || problem.afrr !== undefined || resolved.hasScenarios || resolved.risk !== null) {
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
function charges(mode: number, a: number): boolean {
  return ((mode >> a) & 1) === 1;
}

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

/** Layout states a search may visit before the window goes to the MILP instead. */
const ORDER_SEARCH_STATES = 20_000;

/**
 * Lays the relaxation's modes out in time: per asset, CHARGE_ONLY or DISCHARGE_ONLY in every
 * interval. First an order that keeps every SoC inside its band with each mode's energy spread
 * evenly over its intervals; when there is none (or the search gives up after
 * ORDER_SEARCH_STATES states), the order nearest the straight line regardless of the band.
 * Depth-first: each step tries the remaining modes closest to the straight line from the
 * start to the end SoC first, and remembers the remaining-count vectors that lead nowhere
 * (the SoC there is the same whatever the order before, so a dead end stays dead).
 */
export function orderModes(window: FlatWindow, relaxation: FlatRelaxation, x: Float64Array): Uint8Array[] | null {
  const { assets, intervalCount: n } = window;
  const { modeCount } = relaxation;
  const count = assets.length;
  const remaining = Array.from({ length: modeCount }, (_, m) => Math.round(x[m]));
  if (remaining.reduce((sum, value) => sum + value, 0) !== n) {
    return null;
  }
  // SoC step of asset a in one interval of mode m.
  const step = Array.from({ length: modeCount }, (_, m) =>
    assets.map((asset, a) => {
      if (remaining[m] === 0) {
        return 0;
      }
      const energy = Math.max(0, x[modeCount + m * count + a]) / remaining[m];
      return charges(m, a) ? asset.chargeEfficiency * energy : -energy / asset.dischargeEfficiency;
    }),
  );
  const start = assets.map((asset) => asset.initialSocMwh);
  const end = assets.map((_, a) => start[a] + step.reduce((sum, s, m) => sum + s[a] * remaining[m], 0));
  const width = assets.map((asset) => Math.max(asset.socMaxMwh - asset.socMinMwh, 1e-9));
  const soc = [...start];
  const sequence = new Int32Array(n);
  const dead = new Set<string>();
  let states = 0;
  const inside = (m: number) =>
    assets.every((asset, a) => {
      const next = soc[a] + step[m][a];
      return next >= asset.socMinMwh - ORDER_SOC_TOLERANCE_MWH && next <= asset.socMaxMwh + ORDER_SOC_TOLERANCE_MWH;
    });
  const distance = (m: number, t: number) =>
    assets.reduce((sum, _, a) => sum + ((soc[a] + step[m][a] - (start[a] + ((t + 1) / n) * (end[a] - start[a]))) / width[a]) ** 2, 0);
  const search = (t: number): boolean => {
    if (t === n) {
      return true;
    }
    const key = remaining.join(',');
    if (dead.has(key) || ++states > ORDER_SEARCH_STATES) {
      return false;
    }
    const candidates: { m: number; score: number }[] = [];
    for (let m = 0; m < modeCount; m++) {
      if (remaining[m] > 0 && inside(m)) {
        candidates.push({ m, score: distance(m, t) });
      }
    }
    candidates.sort((p, q) => p.score - q.score || p.m - q.m);
    for (const { m } of candidates) {
      remaining[m] -= 1;
      for (let a = 0; a < count; a++) {
        soc[a] += step[m][a];
      }
      sequence[t] = m;
      if (search(t + 1)) {
        return true;
      }
      remaining[m] += 1;
      for (let a = 0; a < count; a++) {
        soc[a] -= step[m][a];
      }
      if (states > ORDER_SEARCH_STATES) {
        return false;
      }
    }
    dead.add(key);
    return false;
  };
  if (!search(0)) {
    if (!layOutAcrossBand(remaining, step, soc, sequence, distance)) {
      return null;
    }
  }
  return assets.map((_, a) => Uint8Array.from(sequence, (m) => (charges(m, a) ? IntervalMode.CHARGE_ONLY : IntervalMode.DISCHARGE_ONLY)));
}

/**
 * The order nearest the straight line, band or not: the fixed-mode LP then chooses other
 * powers than the even ones (say a partial first interval) and may still reach the bound.
 */
function layOutAcrossBand(
  remaining: number[],
  step: readonly (readonly number[])[],
  soc: number[],
  sequence: Int32Array,
  distance: (m: number, t: number) => number,
): boolean {
  for (let t = 0; t < sequence.length; t++) {
    let best = -1;
    for (let m = 0; m < remaining.length; m++) {
      if (remaining[m] > 0 && (best < 0 || distance(m, t) < distance(best, t))) {
        best = m;
      }
    }
    if (best < 0) {
      return false;
    }
    remaining[best] -= 1;
    step[best].forEach((delta, a) => {
      soc[a] += delta;
    });
    sequence[t] = best;
  }
  return true;
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
