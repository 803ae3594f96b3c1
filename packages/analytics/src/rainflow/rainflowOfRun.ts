import { DataError } from '@euroflex/config';
import type { RunTable } from '@euroflex/backtesting';
import type { RunDirectory } from '../io/readRunDirectory';
import { rainflowSummary, type RainflowAssetInput, type RainflowSummary } from './rainflowSummary';
import { DEFAULT_DEPTH_BINS } from './rainflowStats';

/** Rows [from, to) of one asset in an asset table. */
export interface AssetRows {
  readonly assetId: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The row block of each asset of an asset table (`asset_dispatch`: assets in config order,
 * then time), in the order of `assetIds`. A table whose assets are not in contiguous
 * blocks, or that lacks an asset, is a DataError naming the table.
 */
export function assetRowBlocks(table: RunTable, assetIds: readonly string[]): AssetRows[] {
  const ids = table.text('asset_id');
  const blocks = new Map<string, AssetRows>();
  let from = 0;
  for (let r = 1; r <= ids.length; r += 1) {
    if (r === ids.length || ids[r] !== ids[from]) {
      if (blocks.has(ids[from])) {
        throw new DataError(
          [{ path: 'asset_id', code: 'asset_rows_interleaved', message: `the rows of asset ${ids[from]} are not one block (expected assets in config order, then time)`, file: table.file, row: from + 2 }],
          table.file,
        );
      }
      blocks.set(ids[from], { assetId: ids[from], from, to: r });
      from = r;
    }
  }
  return assetIds.map((id) => {
    const block = blocks.get(id);
    if (block === undefined) {
      throw new DataError([{ path: 'asset_id', code: 'missing_asset', message: `no rows for asset ${id} of the config snapshot`, file: table.file }], table.file);
    }
    return block;
  });
}

/**
 * Rainflow analytics of a run directory: each asset's realized SoC from `asset_dispatch`
 * (opening SoC of each day, then interval ends), normalised by the usable energy of the
 * config snapshot.
 */
export function rainflowOfRun(run: RunDirectory, bins: number = DEFAULT_DEPTH_BINS): RainflowSummary {
  const table = run.table('asset_dispatch');
  const socStart = table.numbers('soc_start_mwh');
  const soc = table.numbers('soc_mwh');
  const blocks = assetRowBlocks(
    table,
    run.assets.map((asset) => asset.id),
  );
  // Every asset block has the site's rows in the site's order: its dates are the site's
  // (35,000 strings instead of 35,000 per asset on a year).
  const site = run.optionalTable('site_dispatch');
  const siteDates = site !== undefined && blocks.every((b) => b.to - b.from === site.rowCount) ? site.text('delivery_date_local') : undefined;
  const assetDates = siteDates === undefined ? table.text('delivery_date_local') : undefined;
  const inputs: RainflowAssetInput[] = blocks.map((block, a) => {
    for (let r = block.from; r < block.to; r += 1) {
      if (Number.isNaN(soc[r]) || Number.isNaN(socStart[r])) {
        throw new DataError([{ path: 'soc_mwh', code: 'missing_value', message: 'the realized SoC is missing', file: table.file, row: r + 2 }], table.file);
      }
    }
    return {
      assetId: block.assetId,
      usableEnergyMwh: run.assets[a].usableEnergyMwh,
      dates: siteDates ?? (assetDates ?? []).slice(block.from, block.to),
      socStartMwh: socStart.subarray(block.from, block.to),
      socMwh: soc.subarray(block.from, block.to),
    };
  });
  return rainflowSummary(inputs, bins);
}
