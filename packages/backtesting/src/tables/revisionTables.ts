import { executionWorkflow, runScope } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import type { BacktestRun } from '../engine/backtestRun';
import { RECONCILIATION_COLUMNS } from '../engine/reconciliation';
import type { PlanVersionAsset } from '../engine/types';
import { localLabeler } from '../time/localLabels';
import { constant, makeTable, num, str, type Column, type Table } from './table';

/** Rows of plan versions: one per asset and interval, accumulated column by column. */
class PlanRows {
  readonly utc: string[] = [];
  readonly local: string[] = [];
  readonly date: string[] = [];
  readonly asset: string[] = [];
  readonly decisionId: string[] = [];
  readonly decisionTime: string[] = [];
  readonly version: string[] = [];
  readonly charge: number[] = [];
  readonly discharge: number[] = [];
  readonly net: number[] = [];
  readonly nomination: number[] = [];
  readonly soc: number[] = [];
  readonly fcr: number[] = [];
  readonly up: number[] = [];
  readonly down: number[] = [];
  readonly extra: Record<string, (string | number)[]> = {};

  constructor(private readonly label: (ms: number) => string) {}

  add(
    instantMs: number,
    date: string,
    asset: string,
    decisionId: string,
    decisionTimeMs: number,
    version: string,
    plan: PlanVersionAsset,
    t: number,
    nomination: number,
  ): void {
    this.utc.push(isoUtc(instantMs));
    this.local.push(this.label(instantMs));
    this.date.push(date);
    this.asset.push(asset);
    this.decisionId.push(decisionId);
    this.decisionTime.push(isoUtc(decisionTimeMs));
    this.version.push(version);
    this.charge.push(plan.chargeMw[t]);
    this.discharge.push(plan.dischargeMw[t]);
    this.net.push(plan.dischargeMw[t] - plan.chargeMw[t]);
    this.nomination.push(nomination);
    this.soc.push(plan.socMwh[t + 1]);
    this.fcr.push(plan.fcrMw?.[t] ?? Number.NaN);
    this.up.push(plan.afrrUpMw?.[t] ?? Number.NaN);
    this.down.push(plan.afrrDownMw?.[t] ?? Number.NaN);
  }

  columns(run: BacktestRun, lockState: string): Column[] {
    const n = this.utc.length;
    const reserves: Column[] = [];
    const first = run.days[0]?.assets[0];
    if (first?.fcrMw) {
      reserves.push(num('fcr_reserved_mw', this.fcr));
    }
    if (first?.afrrUpMw) {
      reserves.push(num('afrr_up_reserved_mw', this.up), num('afrr_down_reserved_mw', this.down));
    }
    return [
      str('timestamp_utc', this.utc),
      str('timestamp_local', this.local),
      str('delivery_date_local', this.date),
      str('asset_id', this.asset),
      constant('site_id', run.config.site.id, n),
      constant('market_id', run.config.market.id, n),
      constant('workflow', executionWorkflow(run.config), n),
      constant('run_scope', runScope(run.config), n),
      str('decision_id', this.decisionId),
      str('decision_time_utc', this.decisionTime),
      str('schedule_version', this.version),
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

/** `baseline_schedule`: the day-ahead decision's plan, per asset and interval, with its expected PnL. */
export function baselineScheduleTable(run: BacktestRun): Table {
  const rows = new PlanRows(localLabeler(run.context.timezone));
  const expected: number[] = [];
  let offset = 0;
  for (const day of run.days) {
    const baseline = day.baseline;
    if (baseline) {
      run.context.assets.forEach((asset, a) => {
        for (let t = 0; t < day.instantsMs.length; t += 1) {
          rows.add(day.instantsMs[t], day.date, asset.id, baseline.decisionId, baseline.decisionTimeMs, 'baseline', baseline.assets[a], t, day.assets[a].nominationMw[t]);
          expected.push(run.baselineSettlement?.assets[a].expected_pnl_eur[offset + t] ?? Number.NaN);
        }
      });
    }
    offset += day.instantsMs.length;
  }
  return makeTable('baseline_schedule', [...rows.columns(run, 'baseline_committed'), num('expected_pnl_eur', expected)]);
}

/** `revision_schedule`: every revision window, per asset and interval, with its status. */
export function revisionScheduleTable(run: BacktestRun): Table {
  const rows = new PlanRows(localLabeler(run.context.timezone));
  const status: string[] = [];
  const reason: string[] = [];
  const checkpoint: string[] = [];
  for (const day of run.days) {
    for (const revision of day.revisions ?? []) {
      run.context.assets.forEach((asset, a) => {
        for (let t = revision.startIndex; t < revision.endIndex; t += 1) {
          rows.add(day.instantsMs[t], day.date, asset.id, revision.decisionId, revision.decisionTimeMs, revision.version, revision.assets[a], t - revision.startIndex, day.assets[a].nominationMw[t]);
          status.push(revision.status);
          reason.push(revision.reason);
          checkpoint.push(revision.checkpointLocal);
        }
      });
    }
  }
  return makeTable('revision_schedule', [
    ...rows.columns(run, 'revised_plan'),
    str('revision_status', status),
    str('revision_reason', reason),
    str('checkpoint_local', checkpoint),
  ]);
}

/** `schedule_lineage`: for every interval and asset, the version whose plan was executed there. */
export function scheduleLineageTable(run: BacktestRun): Table {
  const label = localLabeler(run.context.timezone);
  const utc: string[] = [];
  const local: string[] = [];
  const asset: string[] = [];
  const setBy: string[] = [];
  const setByDecision: string[] = [];
  const charge: number[] = [];
  const discharge: number[] = [];
  const nomination: number[] = [];
  for (const day of run.days) {
    run.context.assets.forEach((model, a) => {
      for (let t = 0; t < day.instantsMs.length; t += 1) {
        const k = day.setBy?.[t] ?? 0;
        const revision = k > 0 ? day.revisions?.[k - 1] : undefined;
        utc.push(isoUtc(day.instantsMs[t]));
        local.push(label(day.instantsMs[t]));
        asset.push(model.id);
        setBy.push(revision ? revision.version : 'baseline');
        setByDecision.push(revision ? revision.decisionId : day.baseline?.decisionId ?? '');
        charge.push(day.assets[a].chargeMw[t]);
        discharge.push(day.assets[a].dischargeMw[t]);
        nomination.push(day.assets[a].nominationMw[t]);
      }
    });
  }
  const n = utc.length;
  return makeTable('schedule_lineage', [
    str('timestamp_utc', utc),
    str('timestamp_local', local),
    str('asset_id', asset),
    constant('schedule_version', 'final_realized', n),
    constant('lock_state', 'locked_realized', n),
    str('set_by_version', setBy),
    str('set_by_decision_id', setByDecision),
    num('charge_mw', charge),
    num('discharge_mw', discharge),
    num('nomination_mw', nomination),
  ]);
}

/** `reconciliation_breakdown`: views and buckets per asset and interval, then the site's rows. */
export function reconciliationTable(run: BacktestRun): Table {
  const rec = run.reconciliation;
  if (rec === undefined) {
    throw new Error('the run has no reconciliation');
  }
  const label = localLabeler(run.context.timezone);
  const instants = run.settlement.instantsMs;
  const utc: string[] = [];
  const local: string[] = [];
  const scope: string[] = [];
  const blocks = [...rec.assets.map((columns, a) => ({ id: run.context.assets[a].id, columns })), { id: 'site', columns: rec.site }];
  for (const block of blocks) {
    for (let i = 0; i < instants.length; i += 1) {
      utc.push(isoUtc(instants[i]));
      local.push(label(instants[i]));
      scope.push(block.id);
    }
  }
  return makeTable('reconciliation_breakdown', [
    str('timestamp_utc', utc),
    str('timestamp_local', local),
    str('asset_id', scope),
    ...RECONCILIATION_COLUMNS.map((name) => {
      const out = new Float64Array(utc.length);
      blocks.forEach((block, b) => out.set(block.columns[name], b * instants.length));
      return num(name, out);
    }),
  ]);
}
