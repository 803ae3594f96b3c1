import type { BacktestRun } from './backtestRun';
import { gather } from './gatherRun';

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

/** The reserve flows, in table order. */
export const RESERVE_FLOWS: readonly ReserveFlow[] = ['fcrMw', 'afrrUpMw', 'afrrDownMw', 'afrrUpDeliveredMwh', 'afrrDownDeliveredMwh'];

export type AssetFlows = Record<Flow, Float64Array> & Partial<Record<ReserveFlow, Float64Array>>;

const kept = new WeakMap<BacktestRun, AssetFlows[]>();

/**
 * The run's asset flows (`gatherAssetFlows`), gathered once and shared by the reason codes and
 * the dispatch tables until `releaseAssetFlows`.
 */
export function runAssetFlows(run: BacktestRun): AssetFlows[] {
  let flows = kept.get(run);
  if (flows === undefined) {
    flows = gatherAssetFlows(run);
    kept.set(run, flows);
  }
  return flows;
}

/** Per interval, one flow summed over the assets in config order: the site's value. */
export function siteTotal(flows: readonly AssetFlows[], key: Flow | ReserveFlow, length: number): Float64Array {
  const out = new Float64Array(length);
  for (const asset of flows) {
    const values = asset[key] as Float64Array;
    for (let i = 0; i < length; i += 1) {
      out[i] += values[i];
    }
  }
  return out;
}

/** Lets the run's asset flows go (after the asset table); a later `runAssetFlows` gathers them again. */
export function releaseAssetFlows(run: BacktestRun): void {
  kept.delete(run);
}

/**
 * Every asset's executed flows, SoC and reserves over the run, in config order (reserve
 * arrays only where the workflow has them). Each flow's arrays are consecutive views of one
 * buffer, asset after asset, which `asset_dispatch` takes as its column (`joined`).
 */
function gatherAssetFlows(run: BacktestRun): AssetFlows[] {
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
  for (const key of RESERVE_FLOWS) {
    if (first?.[key] !== undefined) {
      gathered(key, (day, i) => day.assets[i][key] as Float64Array);
    }
  }
  return perAsset;
}
