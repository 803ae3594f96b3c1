import type { DispatchAsset, ExtendedDispatchProblem, ReserveBlocks, ReserveEnergyRule } from '../dispatch/DispatchProblem';
import type { IntervalReserves } from './checkAssetPath';
import { POWER_TOLERANCE_MW, SOC_TOLERANCE_MWH } from './InvariantViolation';
import type { ViolationSink } from './InvariantViolation';

/** Reserves are >= 0, equal within every product block, and equal to every locked award. */
export function checkReserveAwards(
  problem: ExtendedDispatchProblem,
  a: number,
  label: string,
  values: ArrayLike<number> | undefined,
  product: string,
  blocks: ReserveBlocks,
  fixed: readonly Float64Array[] | undefined,
  add: ViolationSink,
): void {
  if (values === undefined) {
    return;
  }
  const map = blocks.blockOfInterval;
  for (let t = 0; t < problem.intervalCount; t++) {
    if (values[t] < -POWER_TOLERANCE_MW) {
      add('reserve_bounds', label, t, values[t], 0, `${label}: ${product} is ${values[t]} MW in interval ${t}; reserves are >= 0`);
    }
    if (t > 0 && map[t] === map[t - 1] && Math.abs(values[t] - values[t - 1]) > POWER_TOLERANCE_MW) {
      add('reserve_block_constancy', label, t, values[t], values[t - 1], `${label}: ${product} changes from ${values[t - 1]} to ${values[t]} MW inside block ${map[t]} (interval ${t})`);
    }
    const locked = fixed?.[a]?.[map[t]];
    if (locked !== undefined && !Number.isNaN(locked) && Math.abs(values[t] - locked) > POWER_TOLERANCE_MW) {
      add('reserve_lock', label, t, values[t], locked, `${label}: ${product} is ${values[t]} MW in interval ${t}, the award of block ${map[t]} is locked at ${locked} MW`);
    }
  }
}

/**
 * Reserve energy on one SoC path: `additive` checks s_t and s_{t+1} of every interval t
 * against all products of that interval together; `independent` checks s_t per product.
 */
export function checkReserveEnergy(
  problem: ExtendedDispatchProblem,
  asset: DispatchAsset,
  label: string,
  socMwh: ArrayLike<number>,
  reserves: IntervalReserves,
  rule: ReserveEnergyRule,
  add: ViolationSink,
): void {
  const fcrHours = problem.fcr?.sustainHours ?? 0;
  const afrrHours = problem.afrr?.sustainHours ?? 0;
  const etaC = asset.chargeEfficiency;
  const etaD = asset.dischargeEfficiency;
  const check = (t: number, instant: number, needDownMwh: number, needUpMwh: number, what: string): void => {
    if (instant === 0 && problem.reserveEnergyFromSecondInstant === true) {
      return;
    }
    const s = socMwh[instant];
    if (s - needDownMwh < asset.socMinMwh - SOC_TOLERANCE_MWH) {
      add('reserve_energy_floor', label, instant, s - needDownMwh, asset.socMinMwh, `${label}: SoC ${s} MWh at instant ${instant} cannot deliver ${needDownMwh} MWh of ${what} (interval ${t}) above ${asset.socMinMwh} MWh`);
    }
    if (s + needUpMwh > asset.socMaxMwh + SOC_TOLERANCE_MWH) {
      add('reserve_energy_ceiling', label, instant, s + needUpMwh, asset.socMaxMwh, `${label}: SoC ${s} MWh at instant ${instant} cannot absorb ${needUpMwh} MWh of ${what} (interval ${t}) below ${asset.socMaxMwh} MWh`);
    }
  };
  for (let t = 0; t < problem.intervalCount; t++) {
    const r = reserves.fcrMw[t];
    const u = reserves.upMw[t];
    const w = reserves.downMw[t];
    if (rule === 'additive') {
      const floor = (r * fcrHours + u * afrrHours) / etaD;
      const ceiling = (r * fcrHours + w * afrrHours) * etaC;
      check(t, t, floor, ceiling, 'all reserves');
      check(t, t + 1, floor, ceiling, 'all reserves');
    } else {
      check(t, t, (r * fcrHours) / etaD, r * fcrHours * etaC, 'FCR');
      check(t, t, (u * afrrHours) / etaD, w * afrrHours * etaC, 'aFRR');
    }
  }
}
