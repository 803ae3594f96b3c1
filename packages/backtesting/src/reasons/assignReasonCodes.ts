import { dayPriceRange, priceSignal } from './priceSignal';
import { ASSET_REASON_CODES, DEFAULT_REASON_TOLERANCES, type ReasonCode, type ReasonTolerances } from './reasonCodes';
import { orZero, valueAt, type AssetReasonInput, type ReasonCodeInput } from './reasonInput';

/** Codes per interval: the site's and each asset's (assets in input order). */
export interface ReasonCodes {
  readonly site: ReasonCode[];
  readonly assets: ReasonCode[][];
}

/**
 * What the tree knows about every asset in one interval, one slot per asset. Refilled for each
 * interval (a year of quarter-hours is 35k intervals: no objects per interval).
 */
class AssetIntervals {
  readonly chargeMw: Float64Array;
  readonly dischargeMw: Float64Array;
  readonly nominationMw: Float64Array;
  readonly reserveMw: Float64Array;
  /** Power used towards the export side (d + fcr + aFRR up) and the import side (c + fcr + aFRR down). */
  readonly exportUseMw: Float64Array;
  readonly importUseMw: Float64Array;
  readonly moves: Uint8Array;
  /** The replay changed the planned flow: the realized SoC reached a bound. */
  readonly cut: Uint8Array;

  constructor(count: number) {
    this.chargeMw = new Float64Array(count);
    this.dischargeMw = new Float64Array(count);
    this.nominationMw = new Float64Array(count);
    this.reserveMw = new Float64Array(count);
    this.exportUseMw = new Float64Array(count);
    this.importUseMw = new Float64Array(count);
    this.moves = new Uint8Array(count);
    this.cut = new Uint8Array(count);
  }

  fill(a: number, asset: AssetReasonInput, t: number, eps: number): void {
    const chargeMw = asset.chargeMw[t];
    const dischargeMw = asset.dischargeMw[t];
    const fcr = orZero(asset.fcrMw, t);
    const up = orZero(asset.afrrUpMw, t);
    const down = orZero(asset.afrrDownMw, t);
    const plannedNet = (asset.plannedDischargeMw ?? asset.dischargeMw)[t] - (asset.plannedChargeMw ?? asset.chargeMw)[t];
    this.chargeMw[a] = chargeMw;
    this.dischargeMw[a] = dischargeMw;
    this.nominationMw[a] = asset.nominationMw[t];
    this.reserveMw[a] = fcr + up + down;
    this.exportUseMw[a] = dischargeMw + fcr + up;
    this.importUseMw[a] = chargeMw + fcr + down;
    this.moves[a] = chargeMw > eps || dischargeMw > eps ? 1 : 0;
    this.cut[a] = Math.abs(dischargeMw - chargeMw - plannedNet) > eps ? 1 : 0;
  }
}

/**
 * Rules 1-3 of the tree, shared by assets and the site: a reserve held with no energy and no
 * position; a trade executed exactly as nominated (da spread); a deviation from the nomination
 * (imbalance, named after the sign of the deviation). Undefined when none applies (and for a
 * cut flow).
 */
function tradeCode(reserveMw: number, moves: boolean, netMw: number, nominationMw: number, chargeLeads: boolean, eps: number): ReasonCode | undefined {
  const deviationMw = netMw - nominationMw;
  if (reserveMw > eps && !moves && Math.abs(nominationMw) <= eps) {
    return 'reserve_capacity_commitment';
  }
  if (moves && Math.abs(deviationMw) <= eps) {
    return chargeLeads ? 'charge_for_da_spread' : 'discharge_for_da_spread';
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
  const price = input.priceForecastEurPerMwh;
  const eps = tol.powerMw;
  const assetCount = input.assets.length;
  const site: ReasonCode[] = new Array<ReasonCode>(n);
  const assets: ReasonCode[][] = input.assets.map(() => new Array<ReasonCode>(n));
  const x = new AssetIntervals(assetCount);
  for (let t = 0; t < n; t += 1) {
    let exportUseMw = 0;
    let importUseMw = 0;
    for (let a = 0; a < assetCount; a += 1) {
      x.fill(a, input.assets[a], t, eps);
      exportUseMw += x.exportUseMw[a];
      importUseMw += x.importUseMw[a];
    }
    const exportSlackMw = valueAt(input.poiExportLimitMw, t) - exportUseMw;
    const importSlackMw = valueAt(input.poiImportLimitMw, t) - importUseMw;
    for (let a = 0; a < assetCount; a += 1) {
      const dischargeMw = x.dischargeMw[a];
      const chargeMw = x.chargeMw[a];
      const traded = x.cut[a] === 1 ? undefined : tradeCode(x.reserveMw[a], x.moves[a] === 1, dischargeMw - chargeMw, x.nominationMw[a], chargeMw >= dischargeMw, eps);
      assets[a][t] = traded ?? blockedOrIdle(input.assets[a], x, a, t, exportSlackMw, importSlackMw, priceSignal(price[t], lowEurPerMwh[t], highEurPerMwh[t], input.assets[a]), tol);
    }
    site[t] = siteCode(input, x, t, exportSlackMw, importSlackMw, assets, tol);
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
  x: AssetIntervals,
  t: number,
  exportSlackMw: number,
  importSlackMw: number,
  assets: readonly ReasonCode[][],
  tol: ReasonTolerances,
): ReasonCode {
  if (poiBinds(input, x, t, exportSlackMw, importSlackMw, tol)) {
    return 'blocked_by_site_poi_limit';
  }
  if (x.cut.includes(1)) {
    return 'blocked_by_soc_limit';
  }
  return siteTradeCode(x, tol) ?? firstInTreeOrder(assets, t);
}

/** Rules 4-6 for an asset that neither holds reserve, trades, nor deviates (or whose flow was cut). */
function blockedOrIdle(
  asset: AssetReasonInput,
  x: AssetIntervals,
  a: number,
  t: number,
  exportSlackMw: number,
  importSlackMw: number,
  signal: 'charge' | 'discharge' | 'none',
  tol: ReasonTolerances,
): ReasonCode {
  if (x.cut[a] === 1) {
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
  const ownHeadroomMw = asset.powerLimitMw[t] - (signal === 'charge' ? x.importUseMw[a] : x.exportUseMw[a]);
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
function poiBinds(input: ReasonCodeInput, x: AssetIntervals, t: number, exportSlackMw: number, importSlackMw: number, tol: ReasonTolerances): boolean {
  const exportDual = orZero(input.poiExportDualEurPerMw, t);
  const importDual = orZero(input.poiImportDualEurPerMw, t);
  const exportTight = Math.abs(exportDual) > tol.dualEurPerMw || exportSlackMw < tol.powerMw;
  const importTight = Math.abs(importDual) > tol.dualEurPerMw || importSlackMw < tol.powerMw;
  if (!exportTight && !importTight) {
    return false;
  }
  for (let a = 0; a < input.assets.length; a += 1) {
    const asset = input.assets[a];
    const limitMw = asset.powerLimitMw[t];
    const socMwh = asset.socStartMwh[t];
    const canExport = limitMw - x.exportUseMw[a] > tol.powerMw && socMwh > asset.socMinMwh + tol.socMwh;
    const canImport = limitMw - x.importUseMw[a] > tol.powerMw && socMwh < asset.socMaxMwh - tol.socMwh;
    if ((exportTight && canExport) || (importTight && canImport)) {
      return true;
    }
  }
  return false;
}

/** Rules 1-3 on the site's totals (no cut flows); a site trade needs a net position, not a shuffle between assets. */
function siteTradeCode(x: AssetIntervals, tol: ReasonTolerances): ReasonCode | undefined {
  let chargeMw = 0;
  let dischargeMw = 0;
  let nominationMw = 0;
  let reserveMw = 0;
  for (let a = 0; a < x.chargeMw.length; a += 1) {
    chargeMw += x.chargeMw[a];
    dischargeMw += x.dischargeMw[a];
    nominationMw += x.nominationMw[a];
    reserveMw += x.reserveMw[a];
  }
  const netMw = dischargeMw - chargeMw;
  return tradeCode(reserveMw, x.moves.includes(1) && Math.abs(netMw) > tol.powerMw, netMw, nominationMw, netMw < 0, tol.powerMw);
}

/** The first code, in tree order, that one of the assets has in interval `t`. */
function firstInTreeOrder(assets: readonly ReasonCode[][], t: number): ReasonCode {
  return ASSET_REASON_CODES.find((code) => assets.some((codes) => codes[t] === code)) ?? 'idle_due_to_efficiency_or_degradation';
}
