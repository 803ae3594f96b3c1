import { assignReasonCodes, type ReasonCodes } from '../reasons/assignReasonCodes';
import type { AssetReasonInput } from '../reasons/reasonInput';
import type { BacktestRun } from './backtestRun';
import { gather } from './gatherRun';
import type { ExecutedAsset } from './types';

type AssetArray = 'chargeMw' | 'dischargeMw' | 'nominationMw' | 'plannedChargeMw' | 'plannedDischargeMw' | 'powerLimitMw' | 'fcrMw' | 'afrrUpMw' | 'afrrDownMw';

/** One asset's per-day array concatenated over the run (undefined where the workflow has none). */
function gathered(run: BacktestRun, a: number, pick: (asset: ExecutedAsset) => Float64Array | undefined): Float64Array | undefined {
  if (run.days.length === 0 || pick(run.days[0].assets[a]) === undefined) {
    return undefined;
  }
  return gather(run, (day, i) => pick(day.assets[i]) as Float64Array, a);
}

function required(run: BacktestRun, a: number, key: AssetArray): Float64Array {
  return gathered(run, a, (asset) => asset[key]) ?? new Float64Array(run.settlement.instantsMs.length);
}

const memo = new WeakMap<BacktestRun, ReasonCodes>();

/**
 * The reason code of every site and asset interval of a run (docs/reason-codes.md): the
 * decision tree on the executed schedule, the day-ahead price the plan used (the price
 * signal), the realized SoC and the POI duals of the deciding plans. Computed once per run.
 */
export function runReasonCodes(run: BacktestRun): ReasonCodes {
  const cached = memo.get(run);
  if (cached) {
    return cached;
  }
  const assets: AssetReasonInput[] = run.context.assets.map((model, a) => ({
    chargeMw: required(run, a, 'chargeMw'),
    dischargeMw: required(run, a, 'dischargeMw'),
    nominationMw: required(run, a, 'nominationMw'),
    plannedChargeMw: required(run, a, 'plannedChargeMw'),
    plannedDischargeMw: required(run, a, 'plannedDischargeMw'),
    fcrMw: gathered(run, a, (asset) => asset.fcrMw),
    afrrUpMw: gathered(run, a, (asset) => asset.afrrUpMw),
    afrrDownMw: gathered(run, a, (asset) => asset.afrrDownMw),
    socStartMwh: gathered(run, a, (asset) => asset.socMwh) as Float64Array,
    socEndMwh: gathered(run, a, (asset) => asset.socMwh.subarray(1)) as Float64Array,
    socMinMwh: model.socMinMwh,
    socMaxMwh: model.socMaxMwh,
    powerLimitMw: required(run, a, 'powerLimitMw'),
    chargeEfficiency: model.chargeEfficiency,
    dischargeEfficiency: model.dischargeEfficiency,
    degradationEurPerMwh: model.degradationEurPerMwh,
  }));
  const n = run.settlement.instantsMs.length;
  const price = new Float64Array(n);
  const importDual = new Float64Array(n);
  const exportDual = new Float64Array(n);
  const deliveryDate: string[] = [];
  let offset = 0;
  for (const day of run.days) {
    const series = day.series.day_ahead;
    const planned = series?.lockedForecast ?? series?.forecast;
    if (planned) {
      price.set(planned.subarray(0, day.instantsMs.length), offset);
    }
    importDual.set(day.poiImportDualEurPerMw.subarray(0, day.instantsMs.length), offset);
    exportDual.set(day.poiExportDualEurPerMw.subarray(0, day.instantsMs.length), offset);
    for (let t = 0; t < day.instantsMs.length; t += 1) {
      deliveryDate.push(day.date);
    }
    offset += day.instantsMs.length;
  }
  const codes = assignReasonCodes({
    assets,
    priceForecastEurPerMwh: price,
    deliveryDate,
    poiImportLimitMw: run.config.site.poi_import_limit_mw,
    poiExportLimitMw: run.config.site.poi_export_limit_mw,
    poiImportDualEurPerMw: importDual,
    poiExportDualEurPerMw: exportDual,
  });
  memo.set(run, codes);
  return codes;
}
