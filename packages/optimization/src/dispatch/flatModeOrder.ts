// The modes of a flat window's relaxation laid out in time (flatWindow.ts has the maths).
import { IntervalMode } from '../components/battery/intervalMode';
import type { FlatRelaxation } from './flatRelaxation';
import { charges, type FlatWindow } from './flatWindow';

/** SoC slack (MWh) allowed when laying out modes: the fixed-mode LP then settles the exact values. */
const ORDER_SOC_TOLERANCE_MWH = 1e-9;

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
