import type { Table } from '@euroflex/backtesting';
import type { ExportContext } from './exportContext';
import type { ExportFileSpec } from './exportProfiles';
import type { Lineage } from './lineage';
import { PayloadColumns } from './payloadColumns';

export const RESERVE_COLUMNS = ['fcr_reserved_mw', 'afrr_up_reserved_mw', 'afrr_down_reserved_mw'] as const;

/** Identity columns every payload may carry: run, site, market, workflow, scope (from summary.json). */
export function identity(ctx: ExportContext, rowCount: number): PayloadColumns {
  const s = ctx.run.summary;
  return new PayloadColumns(rowCount)
    .constant('run_id', ctx.run.runId)
    .constant('site_id', String(s.site_id))
    .constant('market_id', String(s.market_id))
    .constant('workflow', String(s.workflow))
    .constant('run_scope', String(s.run_scope));
}

/** What the schedule payloads need besides the tables: lineage and reason codes, when a profile uses them. */
export interface ScheduleExtras {
  readonly lineage?: Lineage;
  readonly reasons?: { readonly site: readonly string[]; readonly assets: readonly string[] };
}

function lineageColumns(columns: PayloadColumns, lineage: Lineage['site'] | undefined): void {
  if (lineage !== undefined) {
    columns.text('set_by_version', lineage.version).text('set_by_decision_id', lineage.decisionId).text('set_by_decision_time_utc', lineage.decisionTimeUtc);
  }
}

/** `site_schedule` of a profile, from `site_dispatch`. */
export function siteSchedule(ctx: ExportContext, spec: ExportFileSpec, extras: ScheduleExtras): Table {
  const site = ctx.site;
  const columns = identity(ctx, site.rowCount)
    .copyText(site, ['timestamp_utc', 'timestamp_local', 'delivery_date_local', 'decision_id', 'schedule_version', 'lock_state'])
    .copyNumbersOrZero(site, RESERVE_COLUMNS)
    .copyNumbersOrMissing(site, ['poi_import_dual_eur_per_mw', 'poi_export_dual_eur_per_mw']);
  const numeric = ['charge_mw', 'discharge_mw', 'net_export_mw', 'nomination_mw', 'soc_start_mwh', 'soc_mwh', 'day_ahead_forecast_price_eur_per_mwh', 'day_ahead_actual_price_eur_per_mwh', 'expected_pnl_eur', 'realized_pnl_eur', 'poi_import_limit_mw', 'poi_export_limit_mw'];
  for (const name of numeric) {
    if (spec.columns.includes(name)) {
      columns.numbers(name, site.numbers(name));
    }
  }
  if (extras.reasons) {
    columns.text('reason_code', extras.reasons.site);
  }
  lineageColumns(columns, extras.lineage?.site);
  return columns.cut(spec);
}

/** `asset_schedule` of a profile, from `asset_dispatch` (assets in config order, then time). */
export function assetSchedule(ctx: ExportContext, spec: ExportFileSpec, extras: ScheduleExtras): Table {
  const table = ctx.assets;
  const n = ctx.intervalCount;
  const columns = identity(ctx, table.rowCount)
    .copyText(table, ['timestamp_utc', 'timestamp_local', 'delivery_date_local', 'asset_id', 'decision_id', 'schedule_version', 'lock_state'])
    .copyNumbersOrZero(table, RESERVE_COLUMNS);
  for (const name of ['charge_mw', 'discharge_mw', 'net_export_mw', 'nomination_mw', 'soc_start_mwh', 'soc_mwh', 'power_limit_mw', 'expected_pnl_eur', 'realized_pnl_eur']) {
    if (spec.columns.includes(name)) {
      columns.numbers(name, table.numbers(name));
    }
  }
  if (spec.columns.includes('soc_min_mwh')) {
    const bands = ctx.run.assets;
    columns.numbers('soc_min_mwh', Float64Array.from({ length: table.rowCount }, (_, row) => bands[Math.floor(row / n)].socMinMwh));
    columns.numbers('soc_max_mwh', Float64Array.from({ length: table.rowCount }, (_, row) => bands[Math.floor(row / n)].socMaxMwh));
  }
  if (extras.reasons) {
    columns.text('reason_code', extras.reasons.assets);
  }
  lineageColumns(columns, extras.lineage?.assets);
  return columns.cut(spec);
}
