import { dayPriceRange, priceSignal } from './priceSignal';
import { ASSET_REASON_CODES, DEFAULT_REASON_TOLERANCES, type ReasonCode, type ReasonTolerances } from './reasonCodes';
import { orZero, valueAt, type AssetReasonInput, type ReasonCodeInput } from './reasonInput';

/** Codes per interval: the site's and each asset's (assets in input order). */
export interface ReasonCodes {
  readonly site: ReasonCode[];
  readonly assets: ReasonCode[][];
}

/** What the tree knows about one asset in one interval. */
interface AssetInterval {
  readonly chargeMw: number;
  readonly dischargeMw: number;
  readonly nominationMw: number;
  readonly reserveMw: number;
  /** Power used towards the export side (d + fcr + aFRR up) and the import side (c + fcr + aFRR down). */
  readonly exportUseMw: number;
  readonly importUseMw: number;
  readonly moves: boolean;
  /** The replay changed the planned flow: the realized SoC reached a bound. */
  readonly cut: boolean;
}

function intervalOf(asset: AssetReasonInput, t: number, tol: ReasonTolerances): AssetInterval {
  const chargeMw = asset.chargeMw[t];
  const dischargeMw = asset.dischargeMw[t];
  const fcr = orZero(asset.fcrMw, t);
  const up = orZero(asset.afrrUpMw, t);
  const down = orZero(asset.afrrDownMw, t);
  const plannedNet = (asset.plannedDischargeMw ?? asset.dischargeMw)[t] - (asset.plannedChargeMw ?? asset.chargeMw)[t];
  return {
    chargeMw,
    dischargeMw,
    nominationMw: asset.nominationMw[t],
    reserveMw: fcr + up + down,
    exportUseMw: dischargeMw + fcr + up,
    importUseMw: chargeMw + fcr + down,
    moves: chargeMw > tol.powerMw || dischargeMw > tol.powerMw,
    cut: Math.abs(dischargeMw - chargeMw - plannedNet) > tol.powerMw,
  };
}

/**
 * Rules 1-3 of the tree, shared by assets and the site: a reserve held with no energy and no
 * position; a trade executed exactly as nominated (da spread); a deviation from the nomination
 * (imbalance, named after the sign of the deviation). Undefined when none applies.
 */
function tradeCode(x: {
  reserveMw: number;
  moves: boolean;
  cut: boolean;
  netMw: number;
  nominationMw: number;
  chargeLeads: boolean;
  tol: ReasonTolerances;
}): ReasonCode | undefined {
  const eps = x.tol.powerMw;
  if (x.cut) {
    return undefined;
  }
  const deviationMw = x.netMw - x.nominationMw;
  if (x.reserveMw > eps && !x.moves && Math.abs(x.nominationMw) <= eps) {
    return 'reserve_capacity_commitment';
  }
  if (x.moves && Math.abs(deviationMw) <= eps) {
    return x.chargeLeads ? 'charge_for_da_spread' : 'discharge_for_da_spread';
  }
  if (deviationMw < -eps) {
    return 'charge_for_imbalance';
  }
  if (deviationMw > eps) {
    return 'discharge_for_imbalance';
  }
  return undefined;
}

/**
 * Assign the reason code of every interval, for each asset and for the site, with the one
 * decision tree of docs/reason-codes.md (first match wins). Pure: arrays in, codes out.
 *
 * Asset level: `reserve_capacity_commitment`, `charge_for_da_spread` / `discharge_for_da_spread`,
 * `charge_for_imbalance` / `discharge_for_imbalance`, `blocked_by_soc_limit`,
 * `blocked_by_connection_limit`, `idle_due_to_efficiency_or_degradation`. Site level first
 * checks `blocked_by_site_poi_limit` (only where the POI really binds), then the same rules on
 * the site's totals, then the first code, in tree order, that one of its assets has.
 */
export function assignReasonCodes(input: ReasonCodeInput): ReasonCodes {
  const tol: ReasonTolerances = { ...DEFAULT_REASON_TOLERANCES, ...input.tolerances };
  const n = input.priceForecastEurPerMwh.length;
  for (const asset of input.assets) {
    for (const values of [asset.chargeMw, asset.dischargeMw, asset.nominationMw, asset.socStartMwh, asset.socEndMwh, asset.powerLimitMw]) {
      if (values.length !== n) {
        throw new RangeError(`assignReasonCodes: an asset array has ${values.length} values, the price has ${n}`);
      }
    }
  }
  const { lowEurPerMwh, highEurPerMwh } = dayPriceRange(input.priceForecastEurPerMwh, input.deliveryDate);
  const site: ReasonCode[] = new Array<ReasonCode>(n);
  const assets: ReasonCode[][] = input.assets.map(() => new Array<ReasonCode>(n));
  for (let t = 0; t < n; t += 1) {
    const intervals = input.assets.map((asset) => intervalOf(asset, t, tol));
    let exportUseMw = 0;
    let importUseMw = 0;
    for (const interval of intervals) {
      exportUseMw += interval.exportUseMw;
      importUseMw += interval.importUseMw;
    }
    const exportSlackMw = valueAt(input.poiExportLimitMw, t) - exportUseMw;
    const importSlackMw = valueAt(input.poiImportLimitMw, t) - importUseMw;
    input.assets.forEach((asset, a) => {
      const interval = intervals[a];
      assets[a][t] =
        tradeCode({
          ...interval,
          netMw: interval.dischargeMw - interval.chargeMw,
          chargeLeads: interval.chargeMw >= interval.dischargeMw,
          tol,
        }) ?? blockedOrIdle(asset, interval, t, exportSlackMw, importSlackMw, priceSignal(input.priceForecastEurPerMwh[t], lowEurPerMwh[t], highEurPerMwh[t], asset), tol);
    });
    site[t] = siteCode(input, intervals, t, exportSlackMw, importSlackMw, assets, tol);
  }
  return { site, assets };
}

/**
 * The site: the POI code where the POI really binds; a SoC block where a realized SoC cut an
 * asset's planned flow; the trade rules on the site's totals; else the first code, in tree
 * order, that one of its assets has.
 */
function siteCode(
  input: ReasonCodeInput,
  intervals: readonly AssetInterval[],
  t: number,
  exportSlackMw: number,
  importSlackMw: number,
  assets: readonly ReasonCode[][],
  tol: ReasonTolerances,
): ReasonCode {
  if (poiBinds(input, intervals, t, exportSlackMw, importSlackMw, tol)) {
    return 'blocked_by_site_poi_limit';
  }
  if (intervals.some((interval) => interval.cut)) {
    return 'blocked_by_soc_limit';
  }
  return siteTradeCode(intervals, tol) ?? firstInTreeOrder(assets.map((codes) => codes[t]));
}

/** Rules 4-6 for an asset that neither holds reserve, trades, nor deviates (or whose flow was cut). */
function blockedOrIdle(
  asset: AssetReasonInput,
  interval: AssetInterval,
  t: number,
  exportSlackMw: number,
  importSlackMw: number,
  signal: 'charge' | 'discharge' | 'none',
  tol: ReasonTolerances,
): ReasonCode {
  if (interval.cut) {
    return 'blocked_by_soc_limit';
  }
  if (signal === 'none') {
    return 'idle_due_to_efficiency_or_degradation';
  }
  const socMwh = asset.socStartMwh[t];
  const atBound = signal === 'charge' ? socMwh >= asset.socMaxMwh - tol.socMwh : socMwh <= asset.socMinMwh + tol.socMwh;
  if (atBound) {
    return 'blocked_by_soc_limit';
  }
  const ownHeadroomMw = asset.powerLimitMw[t] - (signal === 'charge' ? interval.importUseMw : interval.exportUseMw);
  const poiSlackMw = signal === 'charge' ? importSlackMw : exportSlackMw;
  if (ownHeadroomMw <= tol.powerMw || poiSlackMw <= tol.powerMw) {
    return 'blocked_by_connection_limit';
  }
  return 'idle_due_to_efficiency_or_degradation';
}

/**
 * The POI really binds on a side when its shadow price is nonzero or its slack is below the
 * tolerance, AND an asset could still have used that side (power headroom left and its SoC not
 * at the bound that side drains or fills). Without such an asset a larger POI would change
 * nothing, so a nonzero dual there is an artefact of a degenerate plan.
 */
function poiBinds(input: ReasonCodeInput, intervals: readonly AssetInterval[], t: number, exportSlackMw: number, importSlackMw: number, tol: ReasonTolerances): boolean {
  const exportDual = orZero(input.poiExportDualEurPerMw, t);
  const importDual = orZero(input.poiImportDualEurPerMw, t);
  const exportTight = Math.abs(exportDual) > tol.dualEurPerMw || exportSlackMw < tol.powerMw;
  const importTight = Math.abs(importDual) > tol.dualEurPerMw || importSlackMw < tol.powerMw;
  if (!exportTight && !importTight) {
    return false;
  }
  return input.assets.some((asset, a) => {
    const limitMw = asset.powerLimitMw[t];
    const socMwh = asset.socStartMwh[t];
    const canExport = limitMw - intervals[a].exportUseMw > tol.powerMw && socMwh > asset.socMinMwh + tol.socMwh;
    const canImport = limitMw - intervals[a].importUseMw > tol.powerMw && socMwh < asset.socMaxMwh - tol.socMwh;
    return (exportTight && canExport) || (importTight && canImport);
  });
}

/** Rules 1-3 on the site's totals (no cut flows); a site trade needs a net position, not a shuffle between assets. */
function siteTradeCode(intervals: readonly AssetInterval[], tol: ReasonTolerances): ReasonCode | undefined {
  let chargeMw = 0;
  let dischargeMw = 0;
  let nominationMw = 0;
  let reserveMw = 0;
  for (const interval of intervals) {
    chargeMw += interval.chargeMw;
    dischargeMw += interval.dischargeMw;
    nominationMw += interval.nominationMw;
    reserveMw += interval.reserveMw;
  }
  const netMw = dischargeMw - chargeMw;
  return tradeCode({
    reserveMw,
    moves: intervals.some((i) => i.moves) && Math.abs(netMw) > tol.powerMw,
    cut: false,
    netMw,
    nominationMw,
    chargeLeads: netMw < 0,
    tol,
  });
}

function firstInTreeOrder(codes: readonly ReasonCode[]): ReasonCode {
  return ASSET_REASON_CODES.find((code) => codes.includes(code)) ?? 'idle_due_to_efficiency_or_degradation';
}
