import type { AfrrInput, DispatchAsset, FcrInput, ReserveBlocks } from '../../dispatch/DispatchProblem';
import type { VariableBlock } from '../../model/blocks';
import type { ModelBuilder } from '../../model/ModelBuilder';

/** One product's capacity columns of one asset: one per block, with the block of each interval. */
export interface ReserveBlockColumns {
  readonly block: VariableBlock;
  readonly blockOfInterval: Int32Array;
}

/** The reserve columns of one asset; a product the workflow does not have has none. */
export interface ReserveColumns {
  readonly assetIndex: number;
  /** `reserve.fcr_mw` r_{a,b}. */
  readonly fcr: ReserveBlockColumns | null;
  /** `reserve.afrr_up_mw` u_{a,b}. */
  readonly up: ReserveBlockColumns | null;
  /** `reserve.afrr_down_mw` w_{a,b}. */
  readonly down: ReserveBlockColumns | null;
}

/**
 * Defines r (FCR) and u, w (aFRR) of one asset as ONE column per product block, so block
 * constancy (spec/model.md 6) holds by construction. Bounds 0 .. min_{t in b} P_{a,t}
 * (implied by the headroom rows, stated so presolve sees them). A locked award (not NaN)
 * fixes the column (lower = upper); the column stays, so every day has the same structure.
 * LP names carry the first interval of the block (`reserve.fcr_mw.a0.t0016`).
 */
export function defineReserveVariables(
  builder: ModelBuilder,
  asset: DispatchAsset,
  assetIndex: number,
  fcr: FcrInput | undefined,
  afrr: AfrrInput | undefined,
): ReserveColumns {
  const define = (
    family: 'reserve.fcr_mw' | 'reserve.afrr_up_mw' | 'reserve.afrr_down_mw',
    blocks: ReserveBlocks,
    fixed: readonly Float64Array[] | undefined,
  ): ReserveBlockColumns => {
    const { lower, upper, firstIntervals } = blockBounds(asset, blocks, fixed?.[assetIndex]);
    const block = builder.addVariables(family, assetIndex, blocks.blockCount, { lower, upper, nameIndices: firstIntervals });
    return { block, blockOfInterval: blocks.blockOfInterval };
  };
  return {
    assetIndex,
    fcr: fcr === undefined ? null : define('reserve.fcr_mw', fcr, fcr.fixedMw),
    up: afrr === undefined ? null : define('reserve.afrr_up_mw', afrr, afrr.fixedUpMw),
    down: afrr === undefined ? null : define('reserve.afrr_down_mw', afrr, afrr.fixedDownMw),
  };
}

function blockBounds(
  asset: DispatchAsset,
  blocks: ReserveBlocks,
  fixed: Float64Array | undefined,
): { lower: Float64Array; upper: Float64Array; firstIntervals: Int32Array } {
  const count = blocks.blockCount;
  const lower = new Float64Array(count);
  const upper = new Float64Array(count).fill(Infinity);
  const firstIntervals = new Int32Array(count).fill(-1);
  blocks.blockOfInterval.forEach((b, t) => {
    upper[b] = Math.min(upper[b], asset.powerLimitMw[t]);
    if (firstIntervals[b] < 0) {
      firstIntervals[b] = t;
    }
  });
  for (let b = 0; b < count; b++) {
    const value = fixed === undefined ? Number.NaN : fixed[b];
    if (!Number.isNaN(value)) {
      lower[b] = value;
      upper[b] = value;
    }
  }
  return { lower, upper, firstIntervals };
}

/**
 * Adds to `row`, with coefficient 1, the column of every reserve that uses headroom in
 * direction `up` (r and u: more discharge) or `down` (r and w: more charge) in interval t.
 */
export function addReserveTerms(builder: ModelBuilder, row: number, reserve: ReserveColumns, t: number, direction: 'up' | 'down'): void {
  if (reserve.fcr !== null) {
    builder.addCoefficient(row, reserve.fcr.block.offset + reserve.fcr.blockOfInterval[t], 1);
  }
  const afrr = direction === 'up' ? reserve.up : reserve.down;
  if (afrr !== null) {
    builder.addCoefficient(row, afrr.block.offset + afrr.blockOfInterval[t], 1);
  }
}
