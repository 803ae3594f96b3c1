import { DataError } from '@euroflex/config';
import { assignReasonCodes, type AssetReasonInput } from '@euroflex/backtesting';
import type { ExportContext } from './exportContext';

/** A number of the config snapshot's battery block, or a DataError naming it. */
function batteryNumber(ctx: ExportContext, a: number, field: string): number {
  const assets = ctx.run.configSnapshot?.assets;
  const battery = Array.isArray(assets) ? (assets[a] as { battery?: Record<string, unknown> } | undefined)?.battery : undefined;
  const value = battery?.[field];
  if (typeof value !== 'number') {
    const file = `${ctx.run.dir}/config_snapshot.yaml`;
    throw new DataError([{ path: `assets.${a}.battery.${field}`, code: 'missing_field', message: 'expected a number (needed to assign reason codes)', file }], file);
  }
  return value;
}

/**
 * The reason code of every site and asset interval: the `reason_code` columns of the
 * dispatch tables when the run wrote them, else the same decision tree (`assignReasonCodes`)
 * recomputed from the tables and the config snapshot.
 */
export function reasonColumns(ctx: ExportContext): { readonly site: readonly string[]; readonly assets: readonly string[] } {
  if (ctx.site.has('reason_code') && ctx.assets.has('reason_code')) {
    return { site: ctx.site.text('reason_code'), assets: ctx.assets.text('reason_code') };
  }
  const n = ctx.intervalCount;
  const table = ctx.assets;
  const slice = (name: string, a: number) => table.numbers(name).subarray(a * n, (a + 1) * n);
  const optional = (name: string, a: number) => (table.has(name) ? slice(name, a) : undefined);
  const bands = ctx.run.assets;
  const assets: AssetReasonInput[] = ctx.assetIds.map((_, a) => ({
    chargeMw: slice('charge_mw', a),
    dischargeMw: slice('discharge_mw', a),
    nominationMw: slice('nomination_mw', a),
    plannedChargeMw: optional('planned_charge_mw', a),
    plannedDischargeMw: optional('planned_discharge_mw', a),
    fcrMw: optional('fcr_reserved_mw', a),
    afrrUpMw: optional('afrr_up_reserved_mw', a),
    afrrDownMw: optional('afrr_down_reserved_mw', a),
    socStartMwh: slice('soc_start_mwh', a),
    socEndMwh: slice('soc_mwh', a),
    socMinMwh: bands[a].socMinMwh,
    socMaxMwh: bands[a].socMaxMwh,
    powerLimitMw: slice('power_limit_mw', a),
    chargeEfficiency: batteryNumber(ctx, a, 'charge_efficiency'),
    dischargeEfficiency: batteryNumber(ctx, a, 'discharge_efficiency'),
    degradationEurPerMwh: n === 0 ? 0 : slice('degradation_cost_eur_per_mwh', a)[0],
  }));
  const site = ctx.site;
  const codes = assignReasonCodes({
    assets,
    priceForecastEurPerMwh: site.numbers('day_ahead_forecast_price_eur_per_mwh'),
    deliveryDate: site.text('delivery_date_local'),
    poiImportLimitMw: site.numbers('poi_import_limit_mw'),
    poiExportLimitMw: site.numbers('poi_export_limit_mw'),
    poiImportDualEurPerMw: site.has('poi_import_dual_eur_per_mw') ? site.numbers('poi_import_dual_eur_per_mw') : undefined,
    poiExportDualEurPerMw: site.has('poi_export_dual_eur_per_mw') ? site.numbers('poi_export_dual_eur_per_mw') : undefined,
  });
  return { site: codes.site, assets: codes.assets.flat() };
}
