import { addRainflowStats, DEFAULT_DEPTH_BINS, rainflowStats, type RainflowStats } from './rainflowStats';

/** The realized SoC of one asset over a run, interval by interval (the asset_dispatch rows). */
export interface RainflowAssetInput {
  readonly assetId: string;
  /** Effective SoC band soc_max - soc_min after headroom, MWh. */
  readonly usableEnergyMwh: number;
  /** Local delivery day of each interval (`delivery_date_local`), in time order. */
  readonly dates: readonly string[];
  /** SoC at the start of each interval, MWh. */
  readonly socStartMwh: ArrayLike<number>;
  /** SoC at the end of each interval, MWh. */
  readonly socMwh: ArrayLike<number>;
}

/** Rainflow of one local delivery day. */
export interface RainflowDay extends RainflowStats {
  readonly date: string;
}

export interface AssetRainflow {
  readonly assetId: string;
  readonly usableEnergyMwh: number;
  /**
   * Sum of |SoC steps| over the run, MWh. Every rainflow cycle of range r travels 2r (full)
   * or r (half), so the run's equivalent full cycles equal travel / (2 x usable energy).
   */
  readonly socTravelMwh: number;
  /** One entry per local day: the day's path is its opening SoC, then each interval's end SoC. */
  readonly days: readonly RainflowDay[];
  /** The days added up (cycles never span midnight): the per-day figure of the run. */
  readonly daily: RainflowStats;
  /** The whole run's path counted at once: a cycle that spans days counts once. */
  readonly run: RainflowStats;
}

export interface RainflowSummary {
  /** Depth bin edges as fractions of the usable energy: 0, 0.1, ..., 1. */
  readonly binEdges: readonly number[];
  /** Assets in input (config) order. */
  readonly assets: readonly AssetRainflow[];
  /** Equivalent full cycles of the days, summed over assets. */
  readonly dailyEquivalentFullCycles: number;
  /** Equivalent full cycles of the whole-run paths, summed over assets. */
  readonly runEquivalentFullCycles: number;
}

function dayPath(input: RainflowAssetInput, from: number, to: number): Float64Array {
  const path = new Float64Array(to - from + 1);
  path[0] = input.socStartMwh[from];
  for (let t = from; t < to; t += 1) {
    path[t - from + 1] = input.socMwh[t];
  }
  return path;
}

function assetRainflow(input: RainflowAssetInput, bins: number): AssetRainflow {
  const n = input.socMwh.length;
  if (input.socStartMwh.length !== n || input.dates.length !== n) {
    throw new RangeError(`asset ${input.assetId}: ${n} SoC values, ${input.socStartMwh.length} opening SoC values and ${input.dates.length} dates`);
  }
  const days: RainflowDay[] = [];
  let from = 0;
  for (let t = 1; t <= n; t += 1) {
    if (t === n || input.dates[t] !== input.dates[from]) {
      days.push({ date: input.dates[from], ...rainflowStats(dayPath(input, from, t), input.usableEnergyMwh, bins) });
      from = t;
    }
  }
  const whole = n === 0 ? new Float64Array(0) : dayPath(input, 0, n);
  let travel = 0;
  for (let i = 1; i < whole.length; i += 1) {
    travel += Math.abs(whole[i] - whole[i - 1]);
  }
  return {
    assetId: input.assetId,
    usableEnergyMwh: input.usableEnergyMwh,
    socTravelMwh: travel,
    days,
    daily: addRainflowStats(days, bins),
    run: rainflowStats(whole, input.usableEnergyMwh, bins),
  };
}

/**
 * Rainflow analytics per asset (ASTM E1049 on SoC normalised by the usable energy), per
 * local day and for the whole run: full and half cycles, equivalent full cycles and a
 * depth histogram of `bins` equal bins (default 10).
 */
export function rainflowSummary(assets: readonly RainflowAssetInput[], bins: number = DEFAULT_DEPTH_BINS): RainflowSummary {
  const out = assets.map((input) => assetRainflow(input, bins));
  return {
    binEdges: Array.from({ length: bins + 1 }, (_, i) => i / bins),
    assets: out,
    dailyEquivalentFullCycles: out.reduce((sum, asset) => sum + asset.daily.equivalentFullCycles, 0),
    runEquivalentFullCycles: out.reduce((sum, asset) => sum + asset.run.equivalentFullCycles, 0),
  };
}
