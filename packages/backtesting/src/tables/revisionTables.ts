import { executionWorkflow, runScope } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import type { BacktestRun } from '../engine/backtestRun';
import { RECONCILIATION_COLUMNS } from '../engine/reconciliation';
import type { PlanVersionAsset } from '../engine/types';
import { blockCodes, runAxes, tiled, timeAxis, type RunAxes, type TimeAxis } from './runAxes';
import { coded, constant, makeTable, num, type Column, type Table } from './table';

/** A plan version's labels: its decision, when it was taken, and its version name. */
interface PlanLabels {
  readonly decisionId: string;
  readonly decisionTimeMs: number;
  readonly version: string;
}

/**
 * Rows of plan versions: one per asset and interval, `rowCount` of them, filled in order. Text
 * cells are codes: into the run's axes (interval, day), the assets, and the versions added.
 */
class PlanRows {
  readonly interval: Int32Array;
  readonly day: Int32Array;
  readonly asset: Int32Array;
  readonly plan: Int32Array;
  readonly charge: Float64Array;
  readonly discharge: Float64Array;
  readonly net: Float64Array;
  readonly nomination: Float64Array;
  readonly soc: Float64Array;
  readonly fcr: Float64Array;
  readonly up: Float64Array;
  readonly down: Float64Array;
  readonly plans: PlanLabels[] = [];
  count = 0;

  constructor(
    private readonly ax: RunAxes,
    rowCount: number,
  ) {
    this.interval = new Int32Array(rowCount);
    this.day = new Int32Array(rowCount);
    this.asset = new Int32Array(rowCount);
    this.plan = new Int32Array(rowCount);
    this.charge = new Float64Array(rowCount);
    this.discharge = new Float64Array(rowCount);
    this.net = new Float64Array(rowCount);
    this.nomination = new Float64Array(rowCount);
    this.soc = new Float64Array(rowCount);
    this.fcr = new Float64Array(rowCount);
    this.up = new Float64Array(rowCount);
    this.down = new Float64Array(rowCount);
  }

  /** Starts a plan version; the rows added next belong to it. */
  addPlan(labels: PlanLabels): void {
    this.plans.push(labels);
  }

  /**
   * Row of asset `a` in interval `t` of day `d`, from element `k` of `plan`, labelled with plan
   * version `version` (by default the one added last).
   */
  add(d: number, t: number, a: number, plan: PlanVersionAsset, k: number, nomination: number, version = this.plans.length - 1): void {
    const row = this.count;
    this.interval[row] = this.ax.dayStart[d] + t;
    this.day[row] = d;
    this.asset[row] = a;
    this.plan[row] = version;
    this.charge[row] = plan.chargeMw[k];
    this.discharge[row] = plan.dischargeMw[k];
    this.net[row] = plan.dischargeMw[k] - plan.chargeMw[k];
    this.nomination[row] = nomination;
    this.soc[row] = plan.socMwh[k + 1];
    this.fcr[row] = plan.fcrMw?.[k] ?? Number.NaN;
    this.up[row] = plan.afrrUpMw?.[k] ?? Number.NaN;
    this.down[row] = plan.afrrDownMw?.[k] ?? Number.NaN;
    this.count += 1;
  }

  /** A column of one label per plan version. */
  perPlan(name: string, label: (plan: PlanLabels, p: number) => string): Column {
    return coded(name, this.plans.map(label), this.plan);
  }

  columns(run: BacktestRun, lockState: string): Column[] {
    const n = this.count;
    const reserves: Column[] = [];
    const first = run.days[0]?.assets[0];
    if (first?.fcrMw) {
      reserves.push(num('fcr_reserved_mw', this.fcr));
    }
    if (first?.afrrUpMw) {
      reserves.push(num('afrr_up_reserved_mw', this.up), num('afrr_down_reserved_mw', this.down));
    }
    return [
      coded('timestamp_utc', this.ax.utc, this.interval),
      coded('timestamp_local', this.ax.local, this.interval),
      coded('delivery_date_local', this.ax.dates, this.day),
      coded('asset_id', run.context.assets.map((asset) => asset.id), this.asset),
      constant('site_id', run.config.site.id, n),
      constant('market_id', run.config.market.id, n),
      constant('workflow', executionWorkflow(run.config), n),
      constant('run_scope', runScope(run.config), n),
      this.perPlan('decision_id', (plan) => plan.decisionId),
      this.perPlan('decision_time_utc', (plan) => isoUtc(plan.decisionTimeMs)),
      this.perPlan('schedule_version', (plan) => plan.version),
      constant('lock_state', lockState, n),
      num('charge_mw', this.charge),
      num('discharge_mw', this.discharge),
      num('net_export_mw', this.net),
      num('nomination_mw', this.nomination),
      num('soc_mwh', this.soc),
      ...reserves,
    ];
  }
}

/**
 * `baseline_schedule`: the day-ahead decision's plan, per asset and interval, with its expected
 * PnL. Rows as in `asset_dispatch`: assets in config order, then time.
 */
export function baselineScheduleTable(run: BacktestRun, ax: RunAxes = runAxes(run)): Table {
  const assetCount = run.context.assets.length;
  const rowCount = run.days.reduce((sum, day) => sum + (day.baseline ? assetCount * day.instantsMs.length : 0), 0);
  const rows = new PlanRows(ax, rowCount);
  const expected = new Float64Array(rowCount);
  // One plan version per day with a baseline, then the rows asset by asset.
  const versionOfDay = run.days.map((day) => {
    if (!day.baseline) {
      return -1;
    }
    rows.addPlan({ ...day.baseline, version: 'baseline' });
    return rows.plans.length - 1;
  });
  for (let a = 0; a < assetCount; a += 1) {
    run.days.forEach((day, d) => {
      const baseline = day.baseline;
      if (baseline) {
        const offset = ax.dayStart[d];
        for (let t = 0; t < day.instantsMs.length; t += 1) {
          expected[rows.count] = run.baselineSettlement?.assets[a].expected_pnl_eur[offset + t] ?? Number.NaN;
          rows.add(d, t, a, baseline.assets[a], t, day.assets[a].nominationMw[t], versionOfDay[d]);
        }
      }
    });
  }
  return makeTable('baseline_schedule', [...rows.columns(run, 'baseline_committed'), num('expected_pnl_eur', expected)]);
}

/** `revision_schedule`: every revision window, per asset and interval, with its status. */
export function revisionScheduleTable(run: BacktestRun, ax: RunAxes = runAxes(run)): Table {
  const assetCount = run.context.assets.length;
  const revisions = run.days.flatMap((day) => day.revisions ?? []);
  const rowCount = revisions.reduce((sum, revision) => sum + assetCount * Math.max(0, revision.endIndex - revision.startIndex), 0);
  const rows = new PlanRows(ax, rowCount);
  run.days.forEach((day, d) => {
    for (const revision of day.revisions ?? []) {
      rows.addPlan(revision);
      for (let a = 0; a < assetCount; a += 1) {
        for (let t = revision.startIndex; t < revision.endIndex; t += 1) {
          rows.add(d, t, a, revision.assets[a], t - revision.startIndex, day.assets[a].nominationMw[t]);
        }
      }
    }
  });
  const perRevision = (name: string, label: (revision: (typeof revisions)[number]) => string) => rows.perPlan(name, (_, p) => label(revisions[p]));
  return makeTable('revision_schedule', [
    ...rows.columns(run, 'revised_plan'),
    perRevision('revision_status', (revision) => revision.status),
    perRevision('revision_reason', (revision) => revision.reason),
    perRevision('checkpoint_local', (revision) => revision.checkpointLocal),
  ]);
}

/**
 * `schedule_lineage`: for every interval and asset, the version whose plan was executed there.
 * Rows as in `asset_dispatch`: assets in config order, then time.
 */
export function scheduleLineageTable(run: BacktestRun, ax: RunAxes = runAxes(run)): Table {
  const assetCount = run.context.assets.length;
  const rowCount = assetCount * ax.count;
  const interval = new Int32Array(rowCount);
  const asset = new Int32Array(rowCount);
  const setBy = new Int32Array(rowCount);
  // Per day: the baseline's labels, then each revision's.
  const versions: string[] = [];
  const decisionIds: string[] = [];
  const charge = new Float64Array(rowCount);
  const discharge = new Float64Array(rowCount);
  const nomination = new Float64Array(rowCount);
  const baselineCodes = run.days.map((day) => {
    const baselineCode = versions.length;
    versions.push('baseline');
    decisionIds.push(day.baseline?.decisionId ?? '');
    for (const revision of day.revisions ?? []) {
      versions.push(revision.version);
      decisionIds.push(revision.decisionId);
    }
    return baselineCode;
  });
  let row = 0;
  for (let a = 0; a < assetCount; a += 1) {
    run.days.forEach((day, d) => {
      const executed = day.assets[a];
      for (let t = 0; t < day.instantsMs.length; t += 1, row += 1) {
        const k = day.setBy?.[t] ?? 0;
        interval[row] = ax.dayStart[d] + t;
        asset[row] = a;
        setBy[row] = k > 0 && day.revisions?.[k - 1] ? baselineCodes[d] + k : baselineCodes[d];
        charge[row] = executed.chargeMw[t];
        discharge[row] = executed.dischargeMw[t];
        nomination[row] = executed.nominationMw[t];
      }
    });
  }
  return makeTable('schedule_lineage', [
    coded('timestamp_utc', ax.utc, interval),
    coded('timestamp_local', ax.local, interval),
    coded('asset_id', run.context.assets.map((model) => model.id), asset),
    constant('schedule_version', 'final_realized', rowCount),
    constant('lock_state', 'locked_realized', rowCount),
    coded('set_by_version', versions, setBy),
    coded('set_by_decision_id', decisionIds, setBy),
    num('charge_mw', charge),
    num('discharge_mw', discharge),
    num('nomination_mw', nomination),
  ]);
}

/**
 * `reconciliation_breakdown`: views and buckets per asset and interval, then the site's rows.
 * Reads only the run's reconciliation, instants, time zone and asset ids (`euroflex reconcile`
 * calls it with no more).
 */
export function reconciliationTable(run: BacktestRun, ax: TimeAxis = timeAxis(run.settlement.instantsMs, run.context.timezone)): Table {
  const rec = run.reconciliation;
  if (rec === undefined) {
    throw new Error('the run has no reconciliation');
  }
  const n = ax.count;
  const blocks = [...rec.assets.map((columns, a) => ({ id: run.context.assets[a].id, columns })), { id: 'site', columns: rec.site }];
  const intervals = tiled(ax.interval, blocks.length);
  return makeTable('reconciliation_breakdown', [
    coded('timestamp_utc', ax.utc, intervals),
    coded('timestamp_local', ax.local, intervals),
    coded('asset_id', blocks.map((block) => block.id), blockCodes(n, blocks.length)),
    ...RECONCILIATION_COLUMNS.map((name) => {
      const out = new Float64Array(n * blocks.length);
      blocks.forEach((block, b) => out.set(block.columns[name], b * n));
      return num(name, out);
    }),
  ]);
}
