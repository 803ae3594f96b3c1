import { INTERVAL_MS, isoUtc } from '@euroflex/markets';
import { localDayGrid } from '@euroflex/markets';
import { runScope, executionWorkflow, SERIES_UNITS, type SeriesName } from '@euroflex/config';
import type { BacktestRun } from '../engine/backtestRun';
import { SETTLEMENT_COLUMNS, type SettlementColumns } from '../engine/settlement';
import { runReasonCodes } from '../engine/runReasonCodes';
import { REASON_CODES, type ReasonCode } from '../reasons/reasonCodes';
import { localLabeler, utcLabels } from '../time/localLabels';
import { baselineScheduleTable, reconciliationTable, revisionScheduleTable, scheduleLineageTable } from './revisionTables';
import { blockCodes, runAxes, tiled, UtcCodes, type RunAxes } from './runAxes';
import { gather } from '../engine/gatherRun';
import { releaseAssetFlows, runAssetFlows, siteTotal, type AssetFlows, type Flow, type ReserveFlow } from '../engine/assetFlows';
import { joined, RESERVE_COLUMNS } from './assetFlows';
import { coded, constant, int, makeTable, num, str, type Column, type Table } from './table';

function settlementColumns(columns: SettlementColumns): Column[] {
  return SETTLEMENT_COLUMNS.map((name) => num(name, columns[name]));
}

function identity(run: BacktestRun, count: number): Column[] {
  return [
    constant('site_id', run.config.site.id, count),
    constant('market_id', run.config.market.id, count),
    constant('workflow', executionWorkflow(run.config), count),
    constant('run_scope', runScope(run.config), count),
  ];
}

/** Table name of a series' forecast or actual column, with its unit. */
export function seriesColumnName(name: SeriesName, kind: 'forecast' | 'actual'): string {
  switch (SERIES_UNITS[name]) {
    case 'eur_per_mw_per_h':
      return `${name}_${kind}_price_eur_per_mw_per_h`;
    case 'frac':
      return `${name}_${kind}_frac`;
    default:
      return name === 'day_ahead' || name === 'imbalance' ? `${name}_${kind}_price_eur_per_mwh` : `${name}_${kind}_eur_per_mwh`;
  }
}

/** Forecast and actual columns of every series the workflow planned with. */
function priceColumns(run: BacktestRun): Column[] {
  const columns: Column[] = [];
  const first = run.days[0];
  if (first === undefined) {
    return columns;
  }
  for (const name of Object.keys(first.series) as SeriesName[]) {
    columns.push(num(seriesColumnName(name, 'forecast'), gather(run, (day) => (day.series[name]?.lockedForecast ?? day.series[name]?.forecast) as Float64Array, 0)));
    columns.push(num(seriesColumnName(name, 'actual'), gather(run, (day) => day.series[name]?.actual as Float64Array, 0)));
    for (const extra of Object.keys(first.series[name]?.extraActual ?? {}).sort()) {
      // The source column's unit carries over; a column without one (a regulation state) gets none.
      const unit = extra.endsWith('_eur_per_mwh') ? '_eur_per_mwh' : '';
      const label = extra.replace(/^imbalance_/, '').replace(/_eur_per_mwh$/, '');
      if (first.series[name]?.extraForecast?.[extra]) {
        columns.push(num(`${name}_forecast_${label}${unit}`, gather(run, (day) => day.series[name]?.extraForecast?.[extra] as Float64Array, 0)));
      }
      columns.push(num(`${name}_actual_${label}${unit}`, gather(run, (day) => day.series[name]?.extraActual?.[extra] as Float64Array, 0)));
    }
  }
  return columns;
}

const REASON_CODE_INDEX = new Map<string, number>(REASON_CODES.map((code, k) => [code, k]));

/** A `reason_code` column: the codes of each block (asset), back to back. */
function reasonCodeColumn(blocks: readonly (readonly ReasonCode[])[]): Column {
  const codes = new Int32Array(blocks.reduce((sum, block) => sum + block.length, 0));
  let row = 0;
  for (const block of blocks) {
    for (const code of block) {
      codes[row] = REASON_CODE_INDEX.get(code) ?? -1;
      row += 1;
    }
  }
  return coded('reason_code', REASON_CODES, codes);
}

/** `site_dispatch`: the site's executed schedule, prices and settlement per interval. */
export function siteDispatchTable(run: BacktestRun, ax: RunAxes = runAxes(run), flows: readonly AssetFlows[] = runAssetFlows(run)): Table {
  const n = ax.count;
  const pick = (key: Flow | ReserveFlow) => siteTotal(flows, key, n);
  const reserves = RESERVE_COLUMNS.filter(([key]) => flows[0]?.[key] !== undefined).map(([key, name]) => num(name, pick(key)));
  return makeTable('site_dispatch', [
    coded('timestamp_utc', ax.utc, ax.interval),
    coded('timestamp_local', ax.local, ax.interval),
    coded('delivery_date_local', ax.dates, ax.day),
    ...identity(run, n),
    coded('decision_id', ax.decisionIds, ax.decisionOfInterval),
    constant('schedule_version', 'final_realized', n),
    constant('lock_state', 'locked_realized', n),
    reasonCodeColumn([runReasonCodes(run).site]),
    num('charge_mw', pick('chargeMw')),
    num('discharge_mw', pick('dischargeMw')),
    num('net_export_mw', pick('netExportMw')),
    num('nomination_mw', pick('nominationMw')),
    num('soc_start_mwh', pick('socStartMwh')),
    num('soc_mwh', pick('socMwh')),
    num('planned_soc_mwh', pick('plannedSocMwh')),
    ...reserves,
    num('poi_import_limit_mw', new Float64Array(n).fill(run.config.site.poi_import_limit_mw)),
    num('poi_export_limit_mw', new Float64Array(n).fill(run.config.site.poi_export_limit_mw)),
    num('poi_import_dual_eur_per_mw', gather(run, (day) => day.poiImportDualEurPerMw, 0)),
    num('poi_export_dual_eur_per_mw', gather(run, (day) => day.poiExportDualEurPerMw, 0)),
    ...priceColumns(run),
    ...settlementColumns(run.settlement.site),
  ]);
}

/** `asset_dispatch`: one row per asset and interval (assets in config order, then time). */
export function assetDispatchTable(run: BacktestRun, ax: RunAxes = runAxes(run), flows: readonly AssetFlows[] = runAssetFlows(run)): Table {
  const n = ax.count;
  const blocks = run.context.assets.map((asset, a) => ({ asset, flows: flows[a], money: run.settlement.assets[a] }));
  const concat = (pick: (block: (typeof blocks)[number]) => Float64Array) => joined(blocks.map(pick));
  const intervals = tiled(ax.interval, blocks.length);
  const days = tiled(ax.day, blocks.length);
  return makeTable('asset_dispatch', [
    coded('timestamp_utc', ax.utc, intervals),
    coded('timestamp_local', ax.local, intervals),
    coded('delivery_date_local', ax.dates, days),
    coded('asset_id', blocks.map((block) => block.asset.id), blockCodes(n, blocks.length)),
    ...identity(run, n * blocks.length),
    coded('decision_id', ax.decisionIds, tiled(ax.decisionOfInterval, blocks.length)),
    constant('schedule_version', 'final_realized', n * blocks.length),
    constant('lock_state', 'locked_realized', n * blocks.length),
    reasonCodeColumn(runReasonCodes(run).assets),
    num('charge_mw', concat((b) => b.flows.chargeMw)),
    num('discharge_mw', concat((b) => b.flows.dischargeMw)),
    num('net_export_mw', concat((b) => b.flows.netExportMw)),
    num('nomination_mw', concat((b) => b.flows.nominationMw)),
    num('planned_charge_mw', concat((b) => b.flows.plannedChargeMw)),
    num('planned_discharge_mw', concat((b) => b.flows.plannedDischargeMw)),
    num('soc_start_mwh', concat((b) => b.flows.socStartMwh)),
    num('soc_mwh', concat((b) => b.flows.socMwh)),
    num('planned_soc_mwh', concat((b) => b.flows.plannedSocMwh)),
    num('power_limit_mw', concat((b) => b.flows.powerLimitMw)),
    ...RESERVE_COLUMNS.filter(([key]) => blocks[0]?.flows[key] !== undefined).map(([key, name]) => num(name, concat((b) => b.flows[key] as Float64Array))),
    num('degradation_cost_eur_per_mwh', concat((b) => new Float64Array(n).fill(b.asset.degradationEurPerMwh))),
    ...SETTLEMENT_COLUMNS.map((name) => num(name, concat((b) => b.money[name]))),
  ]);
}

/** `settlement_breakdown`: the site's money per interval, realized and expected. */
export function settlementBreakdownTable(run: BacktestRun, ax: RunAxes = runAxes(run)): Table {
  return makeTable('settlement_breakdown', [
    coded('timestamp_utc', ax.utc, ax.interval),
    coded('timestamp_local', ax.local, ax.interval),
    ...identity(run, ax.count),
    ...settlementColumns(run.settlement.site),
  ]);
}

/** `asset_pnl_attribution`: one row per asset with its run totals. */
export function assetPnlTable(run: BacktestRun): Table {
  const assets = run.context.assets;
  const totals = run.settlement.assets.map((columns) => {
    const sums: Record<string, number> = {};
    for (const name of SETTLEMENT_COLUMNS) {
      const values = columns[name];
      let sum = 0;
      for (let i = 0; i < values.length; i += 1) {
        sum += values[i];
      }
      sums[name] = sum;
    }
    return sums;
  });
  return makeTable('asset_pnl_attribution', [
    str('asset_id', assets.map((asset) => asset.id)),
    ...identity(run, assets.length),
    ...SETTLEMENT_COLUMNS.filter((name) => name !== 'realized_pnl_eur' && name !== 'expected_pnl_eur').map((name) =>
      num(name, totals.map((t) => t[name])),
    ),
    num('total_pnl_eur', totals.map((t) => t.realized_pnl_eur)),
    num('expected_total_pnl_eur', totals.map((t) => t.expected_pnl_eur)),
  ]);
}

/** `decision_log`: one row per decision. */
export function decisionLogTable(run: BacktestRun): Table {
  const decisions = run.days.flatMap((day) => day.decisions);
  const label = localLabeler(run.context.timezone);
  const n = decisions.length;
  return makeTable('decision_log', [
    str('decision_id', decisions.map((d) => d.decisionId)),
    str('decision_type', decisions.map((d) => d.decisionType)),
    str('decision_time_utc', decisions.map((d) => isoUtc(d.decisionTimeMs))),
    str('decision_time_local', decisions.map((d) => label(d.decisionTimeMs))),
    str('delivery_date_local', decisions.map((d) => d.deliveryDate)),
    str('horizon_start_utc', decisions.map((d) => isoUtc(d.horizonStartMs))),
    str('horizon_end_utc', decisions.map((d) => isoUtc(d.horizonEndMs))),
    int('locked_intervals', decisions.map((d) => d.lockedIntervals)),
    str('schedule_version', decisions.map((d) => d.scheduleVersion)),
    ...identity(run, n),
    constant('provider_name', run.providerName, n),
    constant('benchmark_name', run.benchmarkName, n),
    str('solver_status', decisions.map((d) => d.status)),
    str('solve_kind', decisions.map((d) => d.solveKind)),
    int('binary_count', decisions.map((d) => d.binaryCount)),
    num('grid_minutes', decisions.map((d) => d.gridMinutes)),
    num('mip_gap', decisions.map((d) => d.mipGap ?? Number.NaN)),
    num('objective_value_eur', decisions.map((d) => d.objectiveEur)),
    str('revision_status', decisions.map((d) => d.revisionStatus ?? null)),
    str('revision_reason', decisions.map((d) => d.revisionReason ?? null)),
  ]);
}

/** `forecast_snapshots`: every value of every forecast, with the actual attached afterwards. */
export function forecastSnapshotsTable(run: BacktestRun, ax: RunAxes = runAxes(run)): Table {
  const records = run.days.flatMap((day) => day.snapshots);
  const total = records.reduce((sum, r) => sum + r.request.deliveryInstantsMs.length, 0);
  // Per record: its decision id, series and times; per row: the record and the delivery interval.
  const record = new Int32Array(total);
  const start = new Int32Array(total);
  const end = new Int32Array(total);
  const starts = new UtcCodes(ax, (ms) => utcLabels([ms])[0], INTERVAL_MS);
  const ends = new UtcCodes(ax, isoUtc, INTERVAL_MS);
  const forecast = new Float64Array(total);
  const actual = new Float64Array(total);
  let i = 0;
  records.forEach((r, k) => {
    const instants = r.request.deliveryInstantsMs;
    for (let t = 0; t < instants.length; t += 1, i += 1) {
      record[i] = k;
      start[i] = starts.codeOf(instants[t]);
      end[i] = ends.codeOf(instants[t] + INTERVAL_MS);
      forecast[i] = r.snapshot.values[t];
      actual[i] = r.actual[t];
    }
  });
  const perRecord = (name: string, label: (r: (typeof records)[number]) => string) => coded(name, records.map(label), record);
  return makeTable('forecast_snapshots', [
    perRecord('decision_id', (r) => r.decisionId),
    perRecord('series', (r) => r.request.series),
    constant('provider_name', run.providerName, total),
    perRecord('decision_time_utc', (r) => isoUtc(r.request.decisionTimeMs)),
    perRecord('issue_time_utc', (r) => isoUtc(r.snapshot.issueTimeMs)),
    perRecord('available_from_utc', (r) => isoUtc(r.snapshot.availableFromMs)),
    coded('delivery_start_utc', starts.labels, start),
    coded('delivery_end_utc', ends.labels, end),
    num('forecast_value', forecast),
    num('actual_value', actual),
  ]);
}

/** Builders of every table of a run, in the order they are written (built one at a time). */
export function runTableBuilders(run: BacktestRun, includeSnapshots: boolean): (() => Table)[] {
  const ax = runAxes(run);
  // The site and asset tables read the flows the reason codes gathered (runAssetFlows): released after both.
  const builders = [
    () => siteDispatchTable(run, ax),
    () => {
      const table = assetDispatchTable(run, ax);
      releaseAssetFlows(run);
      return table;
    },
    () => assetPnlTable(run),
    () => settlementBreakdownTable(run, ax),
    () => decisionLogTable(run),
  ];
  if (includeSnapshots) {
    builders.push(() => forecastSnapshotsTable(run, ax));
  }
  if (run.baselineSettlement) {
    builders.push(() => baselineScheduleTable(run, ax));
  }
  if (run.config.workflow === 'schedule_revision') {
    builders.push(() => revisionScheduleTable(run, ax), () => scheduleLineageTable(run, ax));
  }
  if (run.reconciliation) {
    builders.push(() => reconciliationTable(run, ax));
  }
  return builders;
}

/** Every table of a run, in the order they are written. */
export function runTables(run: BacktestRun, includeSnapshots: boolean): Table[] {
  return runTableBuilders(run, includeSnapshots).map((build) => build());
}

/** The delivery grid of the window, for normalized inputs. */
export function windowInstants(run: BacktestRun): Float64Array {
  const grids = run.context.dates.map((date) => localDayGrid(date, run.context.timezone));
  const out = new Float64Array(grids.reduce((sum, g) => sum + g.length, 0));
  let offset = 0;
  for (const grid of grids) {
    out.set(grid, offset);
    offset += grid.length;
  }
  return out;
}
