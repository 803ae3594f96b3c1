import { rainflowCycles } from '@euroflex/backtesting';

/** Default number of depth bins: 0-10 %, 10-20 %, ..., 90-100 % of the usable energy. */
export const DEFAULT_DEPTH_BINS = 10;

/** Rainflow counts of one SoC path (ASTM E1049 three-point method, residue as half cycles). */
export interface RainflowStats {
  /** Cycles closed as full cycles (each counts 1). */
  readonly fullCycles: number;
  /** Half cycles (each counts 0.5): the residue, and the first reversal of a run-up. */
  readonly halfCycles: number;
  /**
   * Sum over cycles of count x depth, depth = range / usable energy: a 0 -> 1 -> 0 swing
   * (two half cycles of depth 1) is one equivalent full cycle.
   */
  readonly equivalentFullCycles: number;
  /**
   * Cycle counts (full 1, half 0.5) per depth bin: bin i holds depths in
   * [i / bins, (i + 1) / bins), the last bin also depth 1 and anything above.
   */
  readonly depthHistogram: readonly number[];
  /** Largest depth counted (fraction of the usable energy), 0 without cycles. */
  readonly maxDepth: number;
}

/** Stats with no cycles (a flat path). */
export function emptyRainflowStats(bins: number = DEFAULT_DEPTH_BINS): RainflowStats {
  return { fullCycles: 0, halfCycles: 0, equivalentFullCycles: 0, depthHistogram: new Array<number>(bins).fill(0), maxDepth: 0 };
}

/**
 * Rainflow statistics of one SoC path (MWh), normalised by the usable energy (MWh, the
 * effective band soc_max - soc_min). Throws a RangeError on a non-finite SoC or a
 * usable energy that is not positive: both are bugs of the caller, not user input.
 */
export function rainflowStats(socMwh: ArrayLike<number>, usableEnergyMwh: number, bins: number = DEFAULT_DEPTH_BINS): RainflowStats {
  if (!(usableEnergyMwh > 0) || !Number.isFinite(usableEnergyMwh)) {
    throw new RangeError(`usable energy must be a positive number of MWh, got ${usableEnergyMwh}`);
  }
  for (let i = 0; i < socMwh.length; i += 1) {
    if (!Number.isFinite(socMwh[i])) {
      throw new RangeError(`SoC value ${i} is ${socMwh[i]}, not a finite number of MWh`);
    }
  }
  const histogram = new Array<number>(bins).fill(0);
  let fullCycles = 0;
  let halfCycles = 0;
  let efc = 0;
  let maxDepth = 0;
  for (const cycle of rainflowCycles(socMwh)) {
    const depth = cycle.range / usableEnergyMwh;
    if (cycle.count === 1) {
      fullCycles += 1;
    } else {
      halfCycles += 1;
    }
    efc += cycle.count * depth;
    maxDepth = Math.max(maxDepth, depth);
    // A depth of exactly 0.3 must land in the 30-40 % bin, not below it through rounding.
    histogram[Math.min(bins - 1, Math.floor(depth * bins + 1e-9))] += cycle.count;
  }
  return { fullCycles, halfCycles, equivalentFullCycles: efc, depthHistogram: histogram, maxDepth };
}

/** Sum of several stats (the days of a run): counts, EFC and histograms add, max depth is the max. */
export function addRainflowStats(parts: readonly RainflowStats[], bins: number = DEFAULT_DEPTH_BINS): RainflowStats {
  const histogram = new Array<number>(bins).fill(0);
  let fullCycles = 0;
  let halfCycles = 0;
  let efc = 0;
  let maxDepth = 0;
  for (const part of parts) {
    fullCycles += part.fullCycles;
    halfCycles += part.halfCycles;
    efc += part.equivalentFullCycles;
    maxDepth = Math.max(maxDepth, part.maxDepth);
    part.depthHistogram.forEach((count, i) => {
      histogram[i] += count;
    });
  }
  return { fullCycles, halfCycles, equivalentFullCycles: efc, depthHistogram: histogram, maxDepth };
}
