import type { AfrrInput, FcrInput, ImbalanceInput, ReserveBlocks } from '../../src';

/** Blocks of `size` intervals (the last one may be shorter) over N intervals. */
export function blocksOf(intervals: number, size: number): ReserveBlocks {
  const blockOfInterval = Int32Array.from({ length: intervals }, (_, t) => Math.floor(t / size));
  return { blockOfInterval, blockCount: blockOfInterval[intervals - 1] + 1 };
}

/** FCR over the given per-interval prices; one block of all intervals unless `blockSize`. */
export function fcrOf(prices: readonly number[], overrides: Partial<FcrInput> & { blockSize?: number } = {}): FcrInput {
  const { blockSize = prices.length, ...rest } = overrides;
  return {
    ...blocksOf(prices.length, blockSize),
    capacityPriceEurPerMwH: Float64Array.from(prices),
    penaltyEurPerMwH: 0,
    sustainHours: 0.25,
    ...rest,
  };
}

/** aFRR with flat prices and ratios (override per field); one block unless `blockSize`. */
export function afrrOf(
  intervals: number,
  flat: { capUp?: number; capDown?: number; actUp?: number; actDown?: number; ratioUp?: number; ratioDown?: number },
  overrides: Partial<AfrrInput> & { blockSize?: number } = {},
): AfrrInput {
  const { blockSize = intervals, ...rest } = overrides;
  const fill = (value = 0) => new Float64Array(intervals).fill(value);
  return {
    ...blocksOf(intervals, blockSize),
    capacityUpPriceEurPerMwH: fill(flat.capUp),
    capacityDownPriceEurPerMwH: fill(flat.capDown),
    activationUpPriceEurPerMwh: fill(flat.actUp),
    activationDownPriceEurPerMwh: fill(flat.actDown),
    activationUpRatio: fill(flat.ratioUp),
    activationDownRatio: fill(flat.ratioDown),
    downActivationSign: -1,
    penaltyEurPerMwH: 0,
    sustainHours: 0.25,
    ...rest,
  };
}

/** Imbalance with the given surplus and shortage prices (shortage defaults to surplus: single price). */
export function imbalanceOf(baseline: readonly number[] | 'free', surplus: readonly number[], shortage: readonly number[] = surplus): ImbalanceInput {
  return {
    baseline: baseline === 'free' ? 'free' : Float64Array.from(baseline),
    surplusPriceEurPerMwh: Float64Array.from(surplus),
    shortagePriceEurPerMwh: Float64Array.from(shortage),
  };
}

/** NaN-filled lock arrays for one asset with the given values set. */
export function locksOf(intervals: number, charge: Record<number, number>, discharge: Record<number, number>): { chargeMw: Float64Array[]; dischargeMw: Float64Array[] } {
  const chargeMw = new Float64Array(intervals).fill(Number.NaN);
  const dischargeMw = new Float64Array(intervals).fill(Number.NaN);
  for (const [t, v] of Object.entries(charge)) {
    chargeMw[Number(t)] = v;
  }
  for (const [t, v] of Object.entries(discharge)) {
    dischargeMw[Number(t)] = v;
  }
  return { chargeMw: [chargeMw], dischargeMw: [dischargeMw] };
}
