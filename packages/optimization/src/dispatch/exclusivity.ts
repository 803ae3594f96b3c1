// No simultaneous charge and discharge (spec/model.md 7), by the exchange argument.
//
// Take an interval t of asset a with c > 0 and d > 0, let e = etaC etaD <= 1, and for
// 0 < x <= min(c, d / e) replace (c, d) by (c - x, d - e x):
// - SoC: etaC (c - x) - (d - e x) / etaD = etaC c - d / etaD, unchanged in EVERY scenario
//   (activation terms do not involve c, d), so balance, bounds, initial, terminal and the
//   reserve energy rows (which read only s, r, u, w) hold as before;
// - c and d only shrink, so c <= P, the headroom rows c + r + w <= P, d + r + u <= P, the
//   POI rows and the cycle budget sum d dt / etaD <= B all loosen;
// - the net export n = d - c rises by x (1 - e) and degradation falls by k x (1 + e).
// The money of one scenario changes by dt x [q (1 - e) + k (1 + e)] or more, where q is the
// lowest price the scenario pays on a marginal MW of net export in t:
// - da workflows: q = pDA (the scenario's day-ahead price);
// - imbalance (fixed or free nomination): n enters only through the deviation n - b, whose
//   money f(n - b) = pSUR (n - b)+ - pSHO (b - n)+ (with the direction binary where
//   pSHO < pSUR) is piecewise linear with slopes pSUR and pSHO, so f rises by at least
//   min(pSUR, pSHO) per MW: q = min(pSUR, pSHO). Reserve money does not move.
// A scenario objective that is nondecreasing in every scenario profit Pi_k then does not
// lose by the exchange where q_k (1 - e) + k (1 + e) >= 0 for every k, i.e. where
// min_k q_k >= p* = -k (1 + e) / (1 - e). That holds for expected_value (sum w_k Pi_k), for
// cvar (E[Pi] - lambda CVaR(-Pi): CVaR of the loss only falls when profits rise) and for
// downside_penalty with lambda <= 1: its derivative along Pi_j is
// w_j (1 - lambda W + lambda [Pi_j < E]) >= w_j (1 - lambda) >= 0, with W the weight of the
// scenarios below the mean. With lambda > 1 it is not monotone: lowering a scenario above
// the mean can cut the downside more than the mean, so burning can pay at ANY price; such
// problems get a binary in every interval that is not locked (still LP first).
//
// The free nomination copy (bc, bd) has no degradation; its exchange raises b by
// x (1 - e): day-ahead money + pDA x (1 - e), deviation money - max(pSUR, pSHO) x (1 - e) at
// worst. So it burns profitably only where min_k pDA_k < max(pSUR, pSHO) (with e < 1).
//
// Locked intervals need no binary: a locked positive flow fixes the other direction to 0.
// So: solve without battery binaries; if the plan overlaps where the exchange can lose,
// re-solve with binaries exactly there; elsewhere the exchange repairs overlaps in place.
import { IntervalMode } from '../components/battery/intervalMode';
import { DeviationMode } from '../components/imbalance/deviationMode';
import { deviationBoundsMw } from '../components/imbalance/deviationBounds';
import type { DispatchAsset, ExtendedDispatchProblem } from './DispatchProblem';
import { resolveProblem } from './resolveProblem';
import type { ResolvedProblem } from './resolveProblem';

/** Added to the burn threshold so that intervals at (numerically) zero gain also get a binary. */
export const BURN_PRICE_TOLERANCE_EUR_PER_MWH = 1e-6;

/** Charge and discharge both above this (MW) count as simultaneous. */
export const SIMULTANEOUS_EPS_MW = 1e-9;

/** p* in EUR/MWh: below it, charging and discharging at once earns money. -Infinity when it never does. */
export function burnThresholdEurPerMwh(asset: DispatchAsset): number {
  const roundTrip = asset.chargeEfficiency * asset.dischargeEfficiency;
  if (roundTrip >= 1) {
    return -Infinity;
  }
  return (-asset.degradationEurPerMwh * (1 + roundTrip)) / (1 - roundTrip);
}

/** Where binaries may be needed (battery copies) or always are (deviation direction). */
export interface ExclusivityPlan {
  /** Per asset: BINARY where the exchange can lose, FREE elsewhere. */
  readonly battery: readonly Uint8Array[];
  /** Per asset, the free nomination copy; null without one. */
  readonly baseline: readonly Uint8Array[] | null;
  /** DeviationMode.BINARY where pSHO < pSUR (needed in every solve); null without imbalance. */
  readonly deviation: Uint8Array | null;
}

/**
 * The marginal price of net export that the exchange is sure to earn, per interval: the
 * lowest over scenarios of pDA (da workflows) or min(pSUR, pSHO) (imbalance workflows).
 */
export function netExportPriceFloor(resolved: ResolvedProblem): Float64Array {
  const { problem } = resolved;
  const imbalance = problem.imbalance;
  if (imbalance !== undefined) {
    return Float64Array.from(imbalance.surplusPriceEurPerMwh, (p, t) => Math.min(p, imbalance.shortagePriceEurPerMwh[t]));
  }
  return lowestDayAhead(resolved);
}

function lowestDayAhead(resolved: ResolvedProblem): Float64Array {
  const floor = new Float64Array(resolved.problem.intervalCount).fill(Infinity);
  for (const scenario of resolved.scenarios) {
    scenario.dayAheadPriceEurPerMwh.forEach((p, t) => {
      floor[t] = Math.min(floor[t], p);
    });
  }
  return floor;
}

/** True for downside_penalty with lambda > 1: not monotone in the scenario profits. */
export function needsBinariesEverywhere(resolved: ResolvedProblem): boolean {
  const risk = resolved.risk;
  return risk !== null && risk.mode === 'downside_penalty' && risk.lambda > 1;
}

/**
 * Per asset, BINARY in the intervals where burning can pay (price floor <= p* + tolerance,
 * power > 0, no lock), FREE elsewhere; with `everywhere` (or a non-monotone risk objective),
 * BINARY in every interval with power and no lock.
 */
export function exclusivityModes(problem: ExtendedDispatchProblem, everywhere: boolean): Uint8Array[] {
  return exclusivityPlan(resolveProblem(problem), everywhere).battery.map((modes) => modes.slice());
}

/** The binaries of every copy (see the proof above). */
export function exclusivityPlan(resolved: ResolvedProblem, everywhere: boolean): ExclusivityPlan {
  const { problem } = resolved;
  const all = everywhere || needsBinariesEverywhere(resolved);
  const floor = netExportPriceFloor(resolved);
  const battery = problem.assets.map((asset, a) => {
    const threshold = burnThresholdEurPerMwh(asset) + BURN_PRICE_TOLERANCE_EUR_PER_MWH;
    const lockC = problem.locks?.chargeMw[a];
    const lockD = problem.locks?.dischargeMw[a];
    return modesWhere(problem.intervalCount, (t) => {
      const locked = (lockC !== undefined && !Number.isNaN(lockC[t])) || (lockD !== undefined && !Number.isNaN(lockD[t]));
      return asset.powerLimitMw[t] > 0 && !locked && (all || floor[t] <= threshold);
    });
  });
  const imbalance = problem.imbalance;
  let baseline: Uint8Array[] | null = null;
  if (imbalance?.baseline === 'free' && imbalance.baselineExclusivity !== 'relaxed') {
    const dayAhead = lowestDayAhead(resolved);
    baseline = problem.assets.map((asset) => {
      const threshold = burnThresholdEurPerMwh({ ...asset, degradationEurPerMwh: 0 }) + BURN_PRICE_TOLERANCE_EUR_PER_MWH;
      return modesWhere(problem.intervalCount, (t) => {
        const gain = dayAhead[t] - Math.max(imbalance.surplusPriceEurPerMwh[t], imbalance.shortagePriceEurPerMwh[t]);
        return asset.powerLimitMw[t] > 0 && (all || gain <= threshold);
      });
    });
  }
  return { battery, baseline, deviation: imbalance === undefined ? null : deviationModes(problem) };
}

/** BINARY where pSHO < pSUR and both sides can be nonzero: the split is not concave there. */
function deviationModes(problem: ExtendedDispatchProblem): Uint8Array {
  const imbalance = problem.imbalance;
  const modes = new Uint8Array(problem.intervalCount);
  if (imbalance === undefined) {
    return modes;
  }
  const bounds = deviationBoundsMw(problem);
  for (let t = 0; t < problem.intervalCount; t++) {
    if (imbalance.shortagePriceEurPerMwh[t] < imbalance.surplusPriceEurPerMwh[t] && bounds.longMw[t] > 0 && bounds.shortMw[t] > 0) {
      modes[t] = DeviationMode.BINARY;
    }
  }
  return modes;
}

function modesWhere(n: number, binary: (t: number) => boolean): Uint8Array {
  const modes = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    if (binary(t)) {
      modes[t] = IntervalMode.BINARY;
    }
  }
  return modes;
}

/** True when some BINARY interval of the plan charges and discharges at once. */
export function overlapsWhereBinary(
  modes: readonly Uint8Array[],
  plans: readonly { chargeMw: Float64Array; dischargeMw: Float64Array }[],
): boolean {
  return plans.some((plan, a) =>
    plan.chargeMw.some(
      (c, t) => modes[a][t] === IntervalMode.BINARY && c > SIMULTANEOUS_EPS_MW && plan.dischargeMw[t] > SIMULTANEOUS_EPS_MW,
    ),
  );
}

/**
 * Applies the exchange in place wherever the plan overlaps in an interval that is not
 * BINARY (there the exchange loses nothing, see above): one side becomes exactly 0.
 * Returns the number of intervals repaired.
 */
export function removeOverlap(
  asset: DispatchAsset,
  modes: Uint8Array,
  chargeMw: Float64Array,
  dischargeMw: Float64Array,
): number {
  const roundTrip = asset.chargeEfficiency * asset.dischargeEfficiency;
  let repaired = 0;
  for (let t = 0; t < chargeMw.length; t++) {
    const c = chargeMw[t];
    const d = dischargeMw[t];
    if (modes[t] === IntervalMode.BINARY || c <= SIMULTANEOUS_EPS_MW || d <= SIMULTANEOUS_EPS_MW) {
      continue;
    }
    if (c * roundTrip <= d) {
      chargeMw[t] = 0;
      dischargeMw[t] = d - roundTrip * c;
    } else {
      dischargeMw[t] = 0;
      chargeMw[t] = c - d / roundTrip;
    }
    repaired += 1;
  }
  return repaired;
}

/** The modes a MILP chose: CHARGE_ONLY where m rounds to 1, DISCHARGE_ONLY where it rounds to 0. */
export function fixModes(modes: Uint8Array, modeValues: Float64Array): Uint8Array {
  const fixed = new Uint8Array(modes.length);
  let i = 0;
  for (let t = 0; t < modes.length; t++) {
    if (modes[t] === IntervalMode.BINARY) {
      fixed[t] = modeValues[i++] > 0.5 ? IntervalMode.CHARGE_ONLY : IntervalMode.DISCHARGE_ONLY;
    }
  }
  return fixed;
}

/** The directions a MILP chose: LONG_ONLY where z rounds to 1, SHORT_ONLY where it rounds to 0. */
export function fixDeviationModes(modes: Uint8Array, directionValues: Float64Array): Uint8Array {
  const fixed = new Uint8Array(modes.length);
  let i = 0;
  for (let t = 0; t < modes.length; t++) {
    if (modes[t] === DeviationMode.BINARY) {
      fixed[t] = directionValues[i++] > 0.5 ? DeviationMode.LONG_ONLY : DeviationMode.SHORT_ONLY;
    }
  }
  return fixed;
}
