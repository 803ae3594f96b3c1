// No simultaneous charge and discharge (spec/model.md 7), by the exchange argument.
//
// Take an interval t of asset a with c > 0 and d > 0, let e = etaC etaD <= 1, and for
// 0 < x <= min(c, d / e) replace (c, d) by (c - x, d - e x):
// - SoC: etaC (c - x) - (d - e x) / etaD = etaC c - d / etaD - etaC x + etaC x, unchanged,
//   so every s_t, bound, initial and terminal row holds as before;
// - c and d only shrink and stay >= 0, so c <= P, d <= P, sum c <= I, sum d <= E loosen
//   (as will every headroom row c + r + w <= P, d + r + u <= P of the reserve workflows);
// - the objective changes by dt x [p (1 - e) + k (1 + e)].
// Where p (1 - e) + k (1 + e) >= 0, i.e. p >= p* = -k (1 + e) / (1 - e) (every p when
// e = 1 and k >= 0), the exchange with x = min(c, d / e) removes the overlap and loses
// nothing: some optimum has no overlap there, and any LP optimum can be repaired in place.
// Only where p < p* does burning energy earn money; only there can the LP's optimum
// overlap for a reason, and only there does the MILP need a binary. So: solve the LP; if it
// overlaps where p <= p* (+ tolerance), re-solve with binaries exactly there.
// (This holds for the da_only objective; an imbalance workflow, whose revenue depends on the
// net position d - c, must revisit the gain term.)
import { IntervalMode } from '../components/battery/intervalMode';
import type { DispatchAsset, DispatchProblem } from './DispatchProblem';

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

/**
 * Per asset, BINARY in the intervals where burning can pay (p <= p* + tolerance, power > 0),
 * FREE elsewhere; with `everywhere`, BINARY in every interval with power > 0 (the
 * reference's formulation, for comparisons).
 */
export function exclusivityModes(problem: DispatchProblem, everywhere: boolean): Uint8Array[] {
  const price = problem.dayAheadPriceEurPerMwh;
  return problem.assets.map((asset) => {
    const threshold = burnThresholdEurPerMwh(asset) + BURN_PRICE_TOLERANCE_EUR_PER_MWH;
    const modes = new Uint8Array(problem.intervalCount);
    for (let t = 0; t < problem.intervalCount; t++) {
      if (asset.powerLimitMw[t] > 0 && (everywhere || price[t] <= threshold)) {
        modes[t] = IntervalMode.BINARY;
      }
    }
    return modes;
  });
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
