import { assignReasonCodes, type ReasonCodes } from '../reasons/assignReasonCodes';
import type { AssetReasonInput } from '../reasons/reasonInput';
import type { BacktestRun } from './backtestRun';
import { runAssetFlows } from './assetFlows';

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
  // The flows the dispatch tables read too (engine/assetFlows.ts): gathered once.
  const flows = runAssetFlows(run);
  const assets: AssetReasonInput[] = run.context.assets.map((model, a) => ({
    chargeMw: flows[a].chargeMw,
    dischargeMw: flows[a].dischargeMw,
    nominationMw: flows[a].nominationMw,
    plannedChargeMw: flows[a].plannedChargeMw,
    plannedDischargeMw: flows[a].plannedDischargeMw,
    fcrMw: flows[a].fcrMw,
    afrrUpMw: flows[a].afrrUpMw,
    afrrDownMw: flows[a].afrrDownMw,
    socStartMwh: flows[a].socStartMwh,
    socEndMwh: flows[a].socMwh,
    socMinMwh: model.socMinMwh,
    socMaxMwh: model.socMaxMwh,
    powerLimitMw: flows[a].powerLimitMw,
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
