import type { BacktestRun } from '../engine/backtestRun';
import { gather } from '../engine/gatherRun';

export type Flow =
  | 'chargeMw'
  | 'dischargeMw'
  | 'plannedChargeMw'
  | 'plannedDischargeMw'
  | 'netExportMw'
  | 'nominationMw'
  | 'socStartMwh'
  | 'socMwh'
  | 'plannedSocMwh'
  | 'powerLimitMw';
export type ReserveFlow = 'fcrMw' | 'afrrUpMw' | 'afrrDownMw' | 'afrrUpDeliveredMwh' | 'afrrDownDeliveredMwh';

/** Reserve columns of the workflow, in table order, with their table names. */
export const RESERVE_COLUMNS: readonly (readonly [ReserveFlow, string])[] = [
  ['fcrMw', 'fcr_reserved_mw'],
  ['afrrUpMw', 'afrr_up_reserved_mw'],
  ['afrrDownMw', 'afrr_down_reserved_mw'],
  ['afrrUpDeliveredMwh', 'afrr_up_activated_mwh'],
  ['afrrDownDeliveredMwh', 'afrr_down_activated_mwh'],
];

export type AssetFlows = Record<Flow, Float64Array> & Partial<Record<ReserveFlow, Float64Array>>;

/**
 * Every asset's executed flows, SoC and reserves over the run, in config order (reserve
 * arrays only where the workflow has them). Each flow's arrays are consecutive views of one
 * buffer, asset after asset, which `asset_dispatch` takes as its column (`joined`).
 */
export function runAssetFlows(run: BacktestRun): AssetFlows[] {
  const n = run.settlement.instantsMs.length;
  const assets = run.context.assets.length;
  const perAsset = run.context.assets.map(() => ({}) as AssetFlows);
  const gathered = (key: Flow | ReserveFlow, pick: (day: BacktestRun['days'][number], asset: number) => ArrayLike<number>): void => {
    const buffer = new Float64Array(n * assets);
    perAsset.forEach((flows, a) => {
      flows[key] = gather(run, pick, a, buffer.subarray(a * n, (a + 1) * n));
    });
  };
  gathered('chargeMw', (day, i) => day.assets[i].chargeMw);
  gathered('dischargeMw', (day, i) => day.assets[i].dischargeMw);
  const net = new Float64Array(n * assets);
  perAsset.forEach((flows, a) => {
    const out = net.subarray(a * n, (a + 1) * n);
    for (let i = 0; i < n; i += 1) {
      out[i] = flows.dischargeMw[i] - flows.chargeMw[i];
    }
    flows.netExportMw = out;
  });
  gathered('plannedChargeMw', (day, i) => day.assets[i].plannedChargeMw);
  gathered('plannedDischargeMw', (day, i) => day.assets[i].plannedDischargeMw);
  gathered('nominationMw', (day, i) => day.assets[i].nominationMw);
  gathered('socStartMwh', (day, i) => day.assets[i].socMwh);
  gathered('socMwh', (day, i) => day.assets[i].socMwh.subarray(1));
  gathered('plannedSocMwh', (day, i) => day.assets[i].plannedSocMwh.subarray(1));
  gathered('powerLimitMw', (day, i) => day.assets[i].powerLimitMw);
  const first = run.days[0]?.assets[0];
  for (const [key] of RESERVE_COLUMNS) {
    if (first?.[key] !== undefined) {
      gathered(key, (day, i) => day.assets[i][key] as Float64Array);
    }
  }
  return perAsset;
}

/**
 * `blocks` back to back: the buffer itself when they are its consecutive views (the layout
 * of settlement columns and gathered flows), else a copy.
 */
export function joined(blocks: readonly Float64Array[]): Float64Array {
  const total = blocks.reduce((sum, block) => sum + block.length, 0);
  const first = blocks[0];
  let offset = first?.byteOffset ?? 0;
  const adjacent =
    first !== undefined &&
    blocks.every((block) => {
      const ok = block.buffer === first.buffer && block.byteOffset === offset;
      offset += block.byteLength;
      return ok;
    });
  if (adjacent) {
    return new Float64Array(first.buffer, first.byteOffset, total);
  }
  const out = new Float64Array(total);
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}
