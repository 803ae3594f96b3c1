import { DataError, UserError, type LabIssue } from '@euroflex/config';
import type { RunTable, Table } from '@euroflex/backtesting';
import type { ExportContext } from './exportContext';
import type { ExportFileSpec } from './exportProfiles';
import type { Lineage } from './lineage';
import { identity, RESERVE_COLUMNS } from './scheduleFiles';

/** The revision tables of a run, and for every asset_dispatch row the baseline and latest plan rows. */
export interface RevisionPlans {
  readonly baseline: RunTable;
  readonly revisions: RunTable;
  readonly lineage: RunTable;
  /** Row of baseline_schedule per asset_dispatch row. */
  readonly baselineRow: Int32Array;
  /** Row of the last revision_schedule row covering it, or -1 where no revision did. */
  readonly latestRow: Int32Array;
  /** How many revision windows covered it. */
  readonly revisionCount: Int32Array;
}

const REQUIRED = ['baseline_schedule', 'revision_schedule', 'schedule_lineage'] as const;

function keyIndex(table: RunTable): Map<string, number[]> {
  const ids = table.text('asset_id');
  const utc = table.text('timestamp_utc');
  const index = new Map<string, number[]>();
  for (let r = 0; r < table.rowCount; r += 1) {
    const key = `${ids[r]}|${utc[r]}`;
    const rows = index.get(key);
    if (rows === undefined) {
      index.set(key, [r]);
    } else {
      rows.push(r);
    }
  }
  return index;
}

/**
 * Match the baseline and revision plans to the run's asset intervals. A run that is not a
 * schedule revision run is a UserError naming what is missing; a baseline that does not cover
 * every interval is a DataError.
 */
export function revisionPlans(ctx: ExportContext): RevisionPlans {
  const missing = REQUIRED.filter((name) => !ctx.run.hasTable(name));
  if (missing.length > 0) {
    throw new UserError(
      `${ctx.run.dir} is a ${String(ctx.run.summary.workflow)} run without ${missing.map((m) => `${m}.csv`).join(', ')}: export-revision needs a schedule_revision run (workflow: schedule_revision)`,
    );
  }
  const baseline = ctx.run.table('baseline_schedule');
  const revisions = ctx.run.table('revision_schedule');
  const baselineIndex = keyIndex(baseline);
  const revisionIndex = keyIndex(revisions);
  const ids = ctx.assets.text('asset_id');
  const utc = ctx.assets.text('timestamp_utc');
  const rows = ctx.assets.rowCount;
  const baselineRow = new Int32Array(rows);
  const latestRow = new Int32Array(rows).fill(-1);
  const revisionCount = new Int32Array(rows);
  const issues: LabIssue[] = [];
  for (let i = 0; i < rows; i += 1) {
    const key = `${ids[i]}|${utc[i]}`;
    const base = baselineIndex.get(key);
    if (base === undefined) {
      if (issues.length < 20) {
        issues.push({ path: 'asset_id', code: 'missing_baseline', message: `no baseline row for asset ${ids[i]}`, file: baseline.file, instant: utc[i] });
      }
      continue;
    }
    baselineRow[i] = base[base.length - 1];
    // Revision rows are written in decision order: the last one covering an interval is the latest.
    const revised = revisionIndex.get(key);
    if (revised !== undefined) {
      latestRow[i] = revised[revised.length - 1];
      revisionCount[i] = revised.length;
    }
  }
  if (issues.length > 0) {
    throw new DataError(issues, baseline.file);
  }
  return { baseline, revisions, lineage: ctx.run.table('schedule_lineage'), baselineRow, latestRow, revisionCount };
}

const PLAN_NUMBERS = ['charge_mw', 'discharge_mw', 'net_export_mw', 'nomination_mw', 'soc_mwh'];
const PLAN_TEXT = ['decision_id', 'decision_time_utc', 'schedule_version', 'lock_state'];
const REVISION_TEXT = ['revision_status', 'revision_reason', 'checkpoint_local'];

/** A column gathered row by row from the latest plan (revision row, else baseline row). */
function gather<T>(plans: RevisionPlans, fromRevision: (row: number) => T, fromBaseline: (row: number) => T): T[] {
  return Array.from(plans.latestRow, (latest, i) => (latest >= 0 ? fromRevision(latest) : fromBaseline(plans.baselineRow[i])));
}

function numbersOf(table: RunTable, name: string, absent: number): (row: number) => number {
  if (!table.has(name)) {
    return () => absent;
  }
  const values = table.numbers(name);
  return (row) => values[row];
}

/** `baseline_schedule` and `latest_revised_schedule` payloads, rows in asset_dispatch order. */
export function planRows(ctx: ExportContext, plans: RevisionPlans, spec: ExportFileSpec, latest: boolean): Table {
  const columns = identity(ctx, ctx.assets.rowCount).copyText(ctx.assets, ['timestamp_utc', 'timestamp_local', 'delivery_date_local', 'asset_id']);
  const pick = (name: string, absent: number) =>
    latest ? gather(plans, numbersOf(plans.revisions, name, absent), numbersOf(plans.baseline, name, absent)) : Array.from(plans.baselineRow, numbersOf(plans.baseline, name, absent));
  for (const name of [...PLAN_NUMBERS, 'expected_pnl_eur']) {
    if (spec.columns.includes(name)) {
      columns.numbers(name, pick(name, Number.NaN));
    }
  }
  for (const name of RESERVE_COLUMNS) {
    columns.numbers(name, pick(name, 0));
  }
  for (const name of [...PLAN_TEXT, ...REVISION_TEXT]) {
    if (!spec.columns.includes(name)) {
      continue;
    }
    const revised = plans.revisions.text(name);
    const base = plans.baseline.has(name) ? plans.baseline.text(name) : undefined;
    const value = (cell: string | undefined) => (cell === undefined || cell === '' ? null : cell);
    columns.text(name, latest ? gather(plans, (r) => value(revised[r]), (r) => value(base?.[r])) : Array.from(plans.baselineRow, (r) => value(base?.[r])));
  }
  return columns.cut(spec);
}

/** `schedule_lineage` payload: the run's lineage table in asset_dispatch order, with decision times. */
export function lineageRows(ctx: ExportContext, plans: RevisionPlans, lineage: Lineage, spec: ExportFileSpec): Table {
  const index = keyIndex(plans.lineage);
  const ids = ctx.assets.text('asset_id');
  const utc = ctx.assets.text('timestamp_utc');
  const rowOf = Array.from({ length: ctx.assets.rowCount }, (_, i) => index.get(`${ids[i]}|${utc[i]}`)?.[0] ?? -1);
  const text = (name: string) => {
    const values = plans.lineage.text(name);
    return rowOf.map((r) => (r < 0 ? null : values[r]));
  };
  const number = (name: string) => {
    const values = plans.lineage.numbers(name);
    return rowOf.map((r) => (r < 0 ? Number.NaN : values[r]));
  };
  return identity(ctx, ctx.assets.rowCount)
    .copyText(ctx.assets, ['timestamp_utc', 'timestamp_local', 'asset_id'])
    .text('schedule_version', text('schedule_version'))
    .text('lock_state', text('lock_state'))
    .text('set_by_version', lineage.assets.version)
    .text('set_by_decision_id', lineage.assets.decisionId)
    .text('set_by_decision_time_utc', lineage.assets.decisionTimeUtc)
    .numbers('charge_mw', number('charge_mw'))
    .numbers('discharge_mw', number('discharge_mw'))
    .numbers('nomination_mw', number('nomination_mw'))
    .cut(spec);
}

/** `asset_revision_allocation`: what the revisions changed per asset and interval. */
export function allocationRows(ctx: ExportContext, plans: RevisionPlans, lineage: Lineage, spec: ExportFileSpec): Table {
  const baseNet = Array.from(plans.baselineRow, numbersOf(plans.baseline, 'net_export_mw', Number.NaN));
  const revisedNet = gather(plans, numbersOf(plans.revisions, 'net_export_mw', Number.NaN), numbersOf(plans.baseline, 'net_export_mw', Number.NaN));
  return identity(ctx, ctx.assets.rowCount)
    .copyText(ctx.assets, ['timestamp_utc', 'timestamp_local', 'delivery_date_local', 'asset_id'])
    .numbers('baseline_net_export_mw', baseNet)
    .numbers('revised_net_export_mw', revisedNet)
    .numbers('executed_net_export_mw', ctx.assets.numbers('net_export_mw'))
    .numbers('revision_delta_mw', revisedNet.map((value, i) => value - baseNet[i]))
    .numbers('baseline_soc_mwh', Array.from(plans.baselineRow, numbersOf(plans.baseline, 'soc_mwh', Number.NaN)))
    .numbers('revised_soc_mwh', gather(plans, numbersOf(plans.revisions, 'soc_mwh', Number.NaN), numbersOf(plans.baseline, 'soc_mwh', Number.NaN)))
    .text('set_by_version', lineage.assets.version)
    .integers('revision_count', plans.revisionCount)
    .cut(spec);
}

/** `site_revised_schedule` (operator): the site sums of the latest plan and its deviation from the nomination. */
export function siteRevisedRows(ctx: ExportContext, plans: RevisionPlans, spec: ExportFileSpec): Table {
  const n = ctx.intervalCount;
  const net = gather(plans, numbersOf(plans.revisions, 'net_export_mw', Number.NaN), numbersOf(plans.baseline, 'net_export_mw', Number.NaN));
  const nomination = gather(plans, numbersOf(plans.revisions, 'nomination_mw', Number.NaN), numbersOf(plans.baseline, 'nomination_mw', Number.NaN));
  const versionOf = gather(plans, (r) => plans.revisions.text('schedule_version')[r], (r) => plans.baseline.text('schedule_version')[r]);
  const siteNet = new Float64Array(n);
  const siteNomination = new Float64Array(n);
  const versions: string[] = [];
  for (let t = 0; t < n; t += 1) {
    const seen = new Set<string>();
    for (let a = 0; a < ctx.assetIds.length; a += 1) {
      siteNet[t] += net[a * n + t];
      siteNomination[t] += nomination[a * n + t];
      seen.add(versionOf[a * n + t]);
    }
    versions.push([...seen].join('|'));
  }
  return identity(ctx, n)
    .copyText(ctx.site, ['timestamp_utc', 'timestamp_local'])
    .numbers('net_export_mw', siteNet)
    .numbers('nomination_mw', siteNomination)
    .numbers('deviation_mw', siteNet.map((value, t) => value - siteNomination[t]))
    .text('schedule_version', versions)
    .cut(spec);
}
