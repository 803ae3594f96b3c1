import type { DispatchAsset } from '../dispatch/DispatchProblem';
import { OVERLAP_EPS_MW, POWER_TOLERANCE_MW, SOC_TOLERANCE_MWH } from './InvariantViolation';
import type { ViolationSink } from './InvariantViolation';

/** Reserves of one asset per interval (zeros where a product is absent). */
export interface IntervalReserves {
  readonly fcrMw: ArrayLike<number>;
  readonly upMw: ArrayLike<number>;
  readonly downMw: ArrayLike<number>;
}

/** Power limits with headroom for reserves, and no simultaneous charge and discharge. */
export function checkPower(
  asset: DispatchAsset,
  label: string,
  chargeMw: Float64Array,
  dischargeMw: Float64Array,
  reserves: IntervalReserves | null,
  add: ViolationSink,
  exclusive = true,
): void {
  for (let t = 0; t < chargeMw.length; t++) {
    const power = asset.powerLimitMw[t];
    const c = chargeMw[t];
    const d = dischargeMw[t];
    for (const [side, value] of [['charge', c], ['discharge', d]] as const) {
      if (value < -POWER_TOLERANCE_MW || value > power + POWER_TOLERANCE_MW) {
        add('power_limit', label, t, value, power, `${label}: ${side} ${value} MW in interval ${t} is outside [0, ${power}] MW`);
      }
    }
    if (exclusive && c > OVERLAP_EPS_MW && d > OVERLAP_EPS_MW) {
      add('simultaneous_charge_discharge', label, t, c, d, `${label}: charges ${c} MW and discharges ${d} MW in interval ${t}`);
    }
    if (reserves !== null) {
      const up = d + reserves.fcrMw[t] + reserves.upMw[t];
      const down = c + reserves.fcrMw[t] + reserves.downMw[t];
      if (up > power + POWER_TOLERANCE_MW) {
        add('reserve_headroom_up', label, t, up, power, `${label}: discharge + FCR + aFRR up is ${up} MW in interval ${t}, power limit ${power} MW`);
      }
      if (down > power + POWER_TOLERANCE_MW) {
        add('reserve_headroom_down', label, t, down, power, `${label}: charge + FCR + aFRR down is ${down} MW in interval ${t}, power limit ${power} MW`);
      }
    }
  }
}

/** Expected aFRR activation of one SoC path: ratios per interval (null without aFRR). */
export interface PathActivation {
  readonly upRatio: ArrayLike<number>;
  readonly downRatio: ArrayLike<number>;
  readonly upMw: ArrayLike<number>;
  readonly downMw: ArrayLike<number>;
}

/** Initial, terminal, bounds and the balance s_{t+1} = s_t + dt (etaC c - d/etaD - rhoU u/etaD + etaC rhoD w). */
export function checkSocPath(
  asset: DispatchAsset,
  label: string,
  intervalHours: number,
  terminalSoc: 'equal' | 'at_least',
  chargeMw: Float64Array,
  dischargeMw: Float64Array,
  socMwh: ArrayLike<number>,
  activation: PathActivation | null,
  add: ViolationSink,
  dayStarts: ArrayLike<number> = [],
): void {
  const n = chargeMw.length;
  const s = socMwh;
  if (Math.abs(s[0] - asset.initialSocMwh) > SOC_TOLERANCE_MWH) {
    add('soc_initial', label, 0, s[0], asset.initialSocMwh, `${label}: SoC at instant 0 is ${s[0]} MWh, initial SoC is ${asset.initialSocMwh} MWh`);
  }
  const target = asset.terminalSocMwh;
  // The terminal rule binds at N, and at each day start of a horizon of several days.
  for (const i of target === null ? [] : [...Array.from(dayStarts), n]) {
    const short = (target as number) - s[i];
    if (short > SOC_TOLERANCE_MWH || (terminalSoc === 'equal' && -short > SOC_TOLERANCE_MWH)) {
      add('soc_terminal', label, i, s[i], target as number, `${label}: SoC at instant ${i} is ${s[i]} MWh, terminal target (${terminalSoc}) is ${target} MWh`);
    }
  }
  for (let t = 0; t <= n; t++) {
    if (s[t] < asset.socMinMwh - SOC_TOLERANCE_MWH || s[t] > asset.socMaxMwh + SOC_TOLERANCE_MWH) {
      const bound = s[t] < asset.socMinMwh ? asset.socMinMwh : asset.socMaxMwh;
      add('soc_bounds', label, t, s[t], bound, `${label}: SoC at instant ${t} is ${s[t]} MWh, outside [${asset.socMinMwh}, ${asset.socMaxMwh}] MWh`);
    }
  }
  const etaC = asset.chargeEfficiency;
  const etaD = asset.dischargeEfficiency;
  for (let t = 0; t < n; t++) {
    let flow = etaC * chargeMw[t] - dischargeMw[t] / etaD;
    if (activation !== null) {
      flow += etaC * activation.downRatio[t] * activation.downMw[t] - (activation.upRatio[t] * activation.upMw[t]) / etaD;
    }
    const expected = s[t] + intervalHours * flow;
    if (Math.abs(s[t + 1] - expected) > SOC_TOLERANCE_MWH) {
      add('soc_balance', label, t, s[t + 1], expected, `${label}: SoC at instant ${t + 1} is ${s[t + 1]} MWh, the balance of interval ${t} gives ${expected} MWh`);
    }
  }
}
