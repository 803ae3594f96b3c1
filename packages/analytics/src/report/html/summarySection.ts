import type { RunReport } from '../buildRunReport';
import { formatEur, formatNumber, formatShare } from '../svg/format';
import { xyChartSvg } from '../svg/xyChartSvg';
import { cumulative, daily } from '../timeline';
import { detailTicks, runDayTicks } from './columns';
import { facts, figure, note, section, table, tiles } from './elements';

/** Realized total as a share of the oracle's, when the oracle earned something. */
export function captureRatio(report: RunReport): number | undefined {
  const oracle = report.summary.oracle_total_pnl_eur;
  return oracle > 1e-9 ? report.summary.total_pnl_eur / oracle : undefined;
}

/**
 * Identity of the run as label/value rows. Not the run id, the creation time or the timings:
 * two runs of the same config and data give the same report, byte for byte (spec: they differ
 * only in `summary.json`); the run id is the name of the folder the report is in.
 */
export function identityRows(report: RunReport): [string, string][] {
  const s = report.summary;
  return [
    ['run', s.run_name],
    ['market', `${s.market_id} (${s.market_timezone})`],
    ['site', `${s.site_id}, POI import ${formatNumber(s.poi_import_limit_mw, 3)} MW / export ${formatNumber(s.poi_export_limit_mw, 3)} MW`],
    ['scope', `${s.run_scope}, ${s.asset_count} asset${s.asset_count === 1 ? '' : 's'} (${s.asset_ids.join(', ')})`],
    ['workflow', s.workflow === s.base_workflow ? s.workflow : `${s.workflow} (base ${s.base_workflow})`],
    ['benchmark', s.benchmark_name],
    ['forecast', `${s.provider_name}, ${s.forecast_mode}, risk ${s.risk_mode}${s.auditable ? '' : ' (perfect foresight: not auditable)'}`],
    ['window', `${s.delivery_start_date} .. ${s.delivery_end_date}, ${formatNumber(s.interval_count, 0)} intervals, ${formatNumber(s.decision_count, 0)} decisions`],
    ['gate closure', s.gate_closure_definition],
    ['deviation settlement', s.deviation_settlement],
    ['model profile', String(s.model.profile)],
  ];
}

/** PnL components as [name, realized, expected or undefined, oracle]. */
export function pnlRows(report: RunReport): [string, number, number | undefined, number][] {
  const s = report.summary;
  const o = s.oracle_reference;
  // The expected components come from the asset totals (the site is their sum by
  // construction): a few rows instead of a year of intervals.
  const assets = report.run.optionalTable('asset_pnl_attribution');
  const total = (name: string) => {
    if (assets === undefined || !assets.has(name)) {
      return undefined;
    }
    let sum = 0;
    for (const value of assets.numbers(name)) {
      sum += Number.isNaN(value) ? 0 : value;
    }
    return sum;
  };
  return [
    ['day-ahead revenue', s.da_revenue_eur, total('expected_da_revenue_eur'), o.da_revenue_eur],
    ['imbalance revenue', s.imbalance_revenue_eur, total('expected_imbalance_revenue_eur'), o.imbalance_revenue_eur],
    ['reserve capacity revenue', s.reserve_capacity_revenue_eur, total('expected_reserve_capacity_revenue_eur'), o.reserve_capacity_revenue_eur],
    ['reserve activation revenue', s.reserve_activation_revenue_eur, total('expected_reserve_activation_revenue_eur'), o.reserve_activation_revenue_eur],
    ['reserve penalty', -s.reserve_penalty_eur, -(total('expected_reserve_penalty_eur') ?? Number.NaN), -o.reserve_penalty_eur],
    ['degradation cost', -s.degradation_cost_eur, -(total('expected_degradation_cost_eur') ?? Number.NaN), -o.degradation_cost_eur],
    ['total PnL', s.total_pnl_eur, s.expected_total_pnl_eur, s.oracle_total_pnl_eur],
  ];
}

/** Headline numbers, identity and PnL components. */
export function summarySection(report: RunReport): string {
  const s = report.summary;
  const capture = captureRatio(report);
  const headline = tiles([
    ['total PnL', formatEur(s.total_pnl_eur)],
    ['expected PnL', formatEur(s.expected_total_pnl_eur)],
    ['oracle PnL', formatEur(s.oracle_total_pnl_eur)],
    ['gap to oracle', `${formatEur(s.oracle_gap_total_pnl_eur)}${capture === undefined ? '' : ` (${formatShare(capture)} captured)`}`],
    ['throughput', `${formatNumber(s.throughput_mwh, 2)} MWh`],
    ['equivalent full cycles', formatNumber(report.rainflow.dailyEquivalentFullCycles, 2)],
    ['idle share', formatShare(s.idle_share)],
    ['reserve share of revenue', formatShare(s.reserve_share_of_total_revenue)],
  ]);
  const components = table(
    ['component (EUR, costs negative)', 'realized', 'expected', 'oracle'],
    pnlRows(report).map(([name, realized, expected, oracle]) => [name, formatNumber(realized), formatNumber(expected), formatNumber(oracle)]),
  );
  return section('summary', 'Summary', `${headline}${facts(identityRows(report))}<h3>PnL components</h3>${components}`);
}

/** Cumulative realized and expected PnL, with the oracle's total marked. */
export function pnlSection(report: RunReport): string {
  const s = report.summary;
  const table = report.run.table('site_dispatch');
  const realized = cumulative(table.numbers('realized_pnl_eur'));
  const expected = cumulative(table.numbers('expected_pnl_eur'));
  const t = report.timeline;
  const lastOfDay = (values: Float64Array) => daily(t, values, 'last');
  const svg = xyChartSvg({
    title: 'Cumulative PnL against the oracle total',
    unit: 'EUR',
    length: report.aggregated ? t.dates.length : t.count,
    xTicks: report.aggregated ? runDayTicks(report) : detailTicks(report),
    series: [
      { kind: 'line', name: 'realized (actual prices)', color: '#12314f', values: report.aggregated ? lastOfDay(realized) : realized },
      { kind: 'line', name: 'expected (forecast prices)', color: '#ef6c00', values: report.aggregated ? lastOfDay(expected) : expected, dashed: true },
    ],
    references: [{ value: s.oracle_total_pnl_eur, label: `oracle total ${formatEur(s.oracle_total_pnl_eur)}`, color: '#2e7d32' }],
    height: 260,
  });
  const caption = `Running sum of the site's realized and expected PnL${report.aggregated ? ' at the end of each local day' : ' per interval'}. The oracle's own path is not in the run's tables; its run total is the dashed line.`;
  return section('pnl', 'Cumulative PnL against the oracle', figure(svg, caption) + note(`Gap to the oracle: ${formatEur(s.oracle_gap_total_pnl_eur)} (oracle mode ${s.oracle_mode}).`));
}
