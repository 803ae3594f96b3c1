import type { LabIssue } from '@euroflex/config';
import type { RunTable } from '@euroflex/backtesting';
import { gateDecision } from './bidFiles';
import type { ExportContext } from './exportContext';
import type { Lineage } from './lineage';
import { reserveBlocks, reserveProducts } from './reserveBlocks';

/** Outcome of one check of the submission gate. */
export interface SubmissionCheck {
  readonly check: string;
  readonly description: string;
  /** `acknowledged`: it failed, and the caller acknowledged it (day-ahead proxy deviations only). */
  readonly status: 'passed' | 'failed' | 'acknowledged';
  readonly violationCount: number;
  /** The first violation, as text ('' when none). */
  readonly firstViolation: string;
  /** The first violations (at most 5), naming file, row and instant. */
  readonly issues: readonly LabIssue[];
}

/** Power tolerance (MW) and SoC tolerance (MWh) of the physical checks. */
export const SUBMISSION_TOLERANCE = 1e-6;
const SHOWN = 5;

class Violations {
  count = 0;
  readonly issues: LabIssue[] = [];

  constructor(private readonly table: RunTable, private readonly check: string) {}

  add(row: number, message: string): void {
    this.count += 1;
    if (this.issues.length < SHOWN) {
      this.issues.push({ path: this.check, code: this.check, message, file: this.table.file, row: row + 2, instant: this.table.text('timestamp_utc')[row] });
    }
  }
}

function result(check: string, description: string, v: Violations, acknowledged = false): SubmissionCheck {
  const status = v.count === 0 ? 'passed' : acknowledged ? 'acknowledged' : 'failed';
  const first = v.issues[0];
  return { check, description, status, violationCount: v.count, firstViolation: first ? `line ${first.row} (${first.instant}): ${first.message}` : '', issues: v.issues };
}

const zeros = (table: RunTable, name: string) => (table.has(name) ? table.numbers(name) : new Float64Array(table.rowCount));

function assetChecks(ctx: ExportContext): SubmissionCheck[] {
  const a = ctx.assets;
  const n = ctx.intervalCount;
  const tol = SUBMISSION_TOLERANCE;
  const [c, d, s0, s1, limit] = ['charge_mw', 'discharge_mw', 'soc_start_mwh', 'soc_mwh', 'power_limit_mw'].map((name) => a.numbers(name));
  const [fcr, up, down] = ['fcr_reserved_mw', 'afrr_up_reserved_mw', 'afrr_down_reserved_mw'].map((name) => zeros(a, name));
  const planned = a.has('planned_soc_mwh') ? a.numbers('planned_soc_mwh') : undefined;
  const pc = a.has('planned_charge_mw') ? a.numbers('planned_charge_mw') : c;
  const pd = a.has('planned_discharge_mw') ? a.numbers('planned_discharge_mw') : d;
  const band = new Violations(a, 'soc_within_band');
  const continuity = new Violations(a, 'soc_continuity');
  const simultaneous = new Violations(a, 'no_simultaneous_charge_discharge');
  const power = new Violations(a, 'asset_power_limit');
  const bands = ctx.run.assets;
  for (let row = 0; row < a.rowCount; row += 1) {
    const { socMinMwh, socMaxMwh, id } = bands[Math.floor(row / n)];
    for (const [label, soc] of [['start SoC', s0[row]], ['end SoC', s1[row]], ['planned SoC', planned?.[row] ?? s1[row]]] as const) {
      if (!(soc >= socMinMwh - tol && soc <= socMaxMwh + tol)) {
        band.add(row, `${id}: ${label} ${soc} MWh is outside the band ${socMinMwh}..${socMaxMwh} MWh`);
      }
    }
    if (row % n !== n - 1 && Math.abs(s0[row + 1] - s1[row]) > tol) {
      continuity.add(row, `${id}: the SoC ends at ${s1[row]} MWh but the next interval starts at ${s0[row + 1]} MWh`);
    }
    if ((c[row] > tol && d[row] > tol) || (pc[row] > tol && pd[row] > tol)) {
      simultaneous.add(row, `${id}: charges and discharges at once (${c[row]} / ${d[row]} MW executed, ${pc[row]} / ${pd[row]} MW planned)`);
    }
    const importUse = c[row] + fcr[row] + down[row];
    const exportUse = d[row] + fcr[row] + up[row];
    if (importUse > limit[row] + tol || exportUse > limit[row] + tol) {
      power.add(row, `${id}: uses ${Math.max(importUse, exportUse)} MW (flow plus reserves) of a ${limit[row]} MW power limit`);
    }
  }
  return [
    result('soc_within_band', 'realized start and end SoC and the planned SoC lie in soc_min + headroom .. soc_max - headroom', band),
    result('soc_continuity', "each interval starts at the previous interval's end SoC", continuity),
    result('no_simultaneous_charge_discharge', 'no asset charges and discharges in the same interval (executed and planned)', simultaneous),
    result('asset_power_limit', 'charge + FCR + aFRR down and discharge + FCR + aFRR up stay within each power limit', power),
  ];
}

function siteChecks(ctx: ExportContext, acknowledgeDayAheadProxy: boolean): SubmissionCheck[] {
  const s = ctx.site;
  const n = ctx.intervalCount;
  const tol = SUBMISSION_TOLERANCE;
  const [c, d, net, nomination, importLimit, exportLimit] = ['charge_mw', 'discharge_mw', 'net_export_mw', 'nomination_mw', 'poi_import_limit_mw', 'poi_export_limit_mw'].map((name) => s.numbers(name));
  const [fcr, up, down] = ['fcr_reserved_mw', 'afrr_up_reserved_mw', 'afrr_down_reserved_mw'].map((name) => zeros(s, name));
  const poi = new Violations(s, 'poi_limits');
  const sums = new Violations(s, 'site_equals_assets');
  const proxy = new Violations(s, 'day_ahead_proxy_deviation');
  const assetCharge = ctx.assets.numbers('charge_mw');
  const assetDischarge = ctx.assets.numbers('discharge_mw');
  const proxySettled = ctx.run.summary.deviation_settlement === 'day_ahead_proxy';
  for (let t = 0; t < n; t += 1) {
    const importUse = c[t] + fcr[t] + down[t];
    const exportUse = d[t] + fcr[t] + up[t];
    if (importUse > importLimit[t] + tol || exportUse > exportLimit[t] + tol) {
      poi.add(t, `the site uses ${importUse} MW import / ${exportUse} MW export (flows plus reserves) of a ${importLimit[t]} / ${exportLimit[t]} MW POI`);
    }
    let sumC = 0;
    let sumD = 0;
    for (let a = 0; a < ctx.assetIds.length; a += 1) {
      sumC += assetCharge[a * n + t];
      sumD += assetDischarge[a * n + t];
    }
    if (Math.abs(sumC - c[t]) > tol || Math.abs(sumD - d[t]) > tol) {
      sums.add(t, `site charge/discharge ${c[t]} / ${d[t]} MW differ from the sum of the assets ${sumC} / ${sumD} MW`);
    }
    if (proxySettled && Math.abs(net[t] - nomination[t]) > tol) {
      proxy.add(t, `net export ${net[t]} MW deviates from the nomination ${nomination[t]} MW and was settled at the day-ahead price (no imbalance series)`);
    }
  }
  return [
    result('poi_limits', 'site flows plus reserves stay within the POI import and export limits', poi),
    result('site_equals_assets', 'site charge and discharge equal the sums over the assets', sums),
    result('day_ahead_proxy_deviation', 'no deviation from the nomination is settled by the day-ahead proxy (--acknowledge-day-ahead-proxy accepts them)', proxy, acknowledgeDayAheadProxy),
  ];
}

function lineageChecks(ctx: ExportContext, lineage: Lineage): SubmissionCheck[] {
  const s = ctx.site;
  const blocks = new Violations(s, 'reserve_block_constancy');
  const decisions = new Violations(s, 'complete_lineage');
  for (const block of reserveBlocks(ctx)) {
    const mw = s.numbers(block.product.capacityColumn);
    for (let t = block.start + 1; t < block.end; t += 1) {
      if (Math.abs(mw[t] - mw[block.start]) > SUBMISSION_TOLERANCE) {
        blocks.add(t, `${block.product.product} changes from ${mw[block.start]} to ${mw[t]} MW inside its product block`);
        break;
      }
    }
  }
  const dates = s.text('delivery_date_local');
  const products = reserveProducts(ctx);
  for (let t = 0; t < ctx.intervalCount; t += 1) {
    if (t > 0 && dates[t] === dates[t - 1]) {
      continue;
    }
    for (const type of ['day_ahead_nomination', ...products.map((p) => p.gateType)]) {
      if (gateDecision(ctx, dates[t], type) === undefined) {
        decisions.add(t, `no ${type} decision for delivery day ${dates[t]} in the decision log`);
      }
    }
  }
  for (const issue of lineage.problems) {
    decisions.count += 1;
    if (decisions.issues.length < SHOWN) {
      decisions.issues.push({ ...issue, path: 'complete_lineage', code: 'complete_lineage' });
    }
  }
  return [
    result('reserve_block_constancy', 'every reserve is constant over its product block', blocks),
    result('complete_lineage', 'every interval traces to a logged, optimal decision (and to its revision version), every day to its gate decisions', decisions),
  ];
}

/**
 * The checks of the `submission_candidate` profile, on the run's own tables: physical validity
 * (SoC band and continuity, no simultaneous charge and discharge, power and POI limits with
 * reserves, site = sum of assets, reserve blocks), complete lineage, and no deviation settled by
 * the day-ahead proxy unless acknowledged.
 */
export function submissionChecks(ctx: ExportContext, lineage: Lineage, acknowledgeDayAheadProxy: boolean): SubmissionCheck[] {
  return [...assetChecks(ctx), ...siteChecks(ctx, acknowledgeDayAheadProxy), ...lineageChecks(ctx, lineage)];
}
