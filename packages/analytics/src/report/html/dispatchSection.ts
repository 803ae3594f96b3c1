import { INTERVAL_H } from '@euroflex/markets';
import { assetRowBlocks } from '../../rainflow/rainflowOfRun';
import type { RunReport } from '../buildRunReport';
import { formatNumber } from '../svg/format';
import { xyChartSvg, type ReferenceLine } from '../svg/xyChartSvg';
import { daily } from '../timeline';
import { assetColumn, dateSpan, hasAssetColumn, detailOf, detailTicks, minus, negate, runDayTicks } from './columns';
import { colour, figure, note, section } from './elements';

const DISCHARGE = '#2e7d32';
const CHARGE = '#c62828';

function socBounds(report: RunReport, a: number): ReferenceLine[] {
  const asset = report.run.assets[a];
  return [
    { value: asset.socMaxMwh, label: `max ${formatNumber(asset.socMaxMwh, 2)} MWh`, color: '#78909c' },
    { value: asset.socMinMwh, label: `min ${formatNumber(asset.socMinMwh, 2)} MWh`, color: '#78909c' },
  ];
}

/**
 * Asset a's day-ahead plan (net export) from `baseline_schedule` of a revision run, when
 * it covers every interval of the run; undefined otherwise.
 */
function baselineNetExport(report: RunReport, a: number): Float64Array | undefined {
  const table = report.run.optionalTable('baseline_schedule');
  if (table === undefined || !table.has('asset_id') || !table.has('net_export_mw')) {
    return undefined;
  }
  const block = assetRowBlocks(table, [report.run.assets[a].id])[0];
  return block.to - block.from === report.timeline.count ? table.numbers('net_export_mw').subarray(block.from, block.to) : undefined;
}

function assetCharts(report: RunReport, a: number): string {
  const id = report.run.assets[a].id;
  const charge = assetColumn(report, 'charge_mw', a);
  const discharge = assetColumn(report, 'discharge_mw', a);
  const soc = assetColumn(report, 'soc_mwh', a);
  if (report.aggregated) {
    const t = report.timeline;
    const toMwh = (values: Float64Array) => daily(t, values, 'sum').map((v) => v * INTERVAL_H);
    const ticks = runDayTicks(report);
    const dispatch = xyChartSvg({
      title: `${id}: energy discharged and charged per day`,
      unit: 'MWh per day',
      length: t.dates.length,
      xTicks: ticks,
      series: [
        { kind: 'bars', name: 'discharged', color: DISCHARGE, values: toMwh(discharge) },
        { kind: 'bars', name: 'charged', color: CHARGE, values: negate(toMwh(charge)) },
      ],
      height: 200,
    });
    const socChart = xyChartSvg({
      title: `${id}: state of charge per day`,
      unit: 'MWh',
      length: t.dates.length,
      xTicks: ticks,
      series: [
        { kind: 'band', name: 'daily min-max', color: colour(a), low: daily(t, soc, 'min'), high: daily(t, soc, 'max') },
        { kind: 'line', name: 'daily mean', color: colour(a), values: daily(t, soc, 'mean') },
      ],
      references: socBounds(report, a),
      height: 200,
    });
    return `<h3>${id}</h3>${figure(dispatch, 'Grid-side energy per local day (discharged up, charged down).')}${figure(socChart, 'Realized SoC at interval ends: daily range (band) and daily mean; dashed lines are the effective band after headroom.')}`;
  }
  const ticks = detailTicks(report);
  const length = report.timeline.count;
  const baseline = baselineNetExport(report, a);
  const dispatch = xyChartSvg({
    title: `${id}: dispatch`,
    unit: 'MW',
    length,
    xTicks: ticks,
    series: [
      { kind: 'bars', name: 'discharge', color: DISCHARGE, values: discharge },
      { kind: 'bars', name: 'charge', color: CHARGE, values: negate(charge) },
      ...(baseline === undefined ? [] : [{ kind: 'step' as const, name: 'baseline net export (D-1 plan)', color: '#37474f', values: baseline, dashed: true }]),
    ],
    height: 200,
  });
  const socChart = xyChartSvg({
    title: `${id}: state of charge`,
    unit: 'MWh',
    length,
    xTicks: ticks,
    series: [
      { kind: 'step', name: 'realized SoC (interval end)', color: colour(a), values: soc },
      ...(hasAssetColumn(report, 'planned_soc_mwh')
        ? [{ kind: 'step' as const, name: 'planned SoC', color: '#78909c', values: assetColumn(report, 'planned_soc_mwh', a), dashed: true }]
        : []),
    ],
    references: socBounds(report, a),
    height: 200,
  });
  const dispatchCaption = `Executed grid-side power per interval (discharge up, charge down)${baseline === undefined ? '' : '; dashed: the day-ahead baseline plan before revisions'}.`;
  return `<h3>${id}</h3>${figure(dispatch, dispatchCaption)}${figure(socChart, 'SoC at the end of each interval, realized and as the final plan expected; dashed lines are the effective band after headroom.')}`;
}

function detailWeek(report: RunReport): string {
  const { detail } = report;
  const ticks = detailTicks(report);
  const length = detail.to - detail.from;
  const assets = report.run.assets;
  const net = xyChartSvg({
    title: `Net export per asset, ${dateSpan(detail.firstDate, detail.lastDate)}`,
    unit: 'MW',
    length,
    xTicks: ticks,
    series: assets.map((asset, a) => ({
      kind: 'step' as const,
      name: asset.id,
      color: colour(a),
      values: detailOf(report, minus(assetColumn(report, 'discharge_mw', a), assetColumn(report, 'charge_mw', a))),
    })),
    references: [
      { value: report.summary.poi_export_limit_mw, label: 'POI export limit', color: '#78909c' },
      { value: -report.summary.poi_import_limit_mw, label: 'POI import limit', color: '#78909c' },
    ],
  });
  const soc = xyChartSvg({
    title: `State of charge per asset, ${dateSpan(detail.firstDate, detail.lastDate)}`,
    unit: 'MWh',
    length,
    xTicks: ticks,
    series: assets.map((asset, a) => ({ kind: 'step' as const, name: asset.id, color: colour(a), values: detailOf(report, assetColumn(report, 'soc_mwh', a)) })),
  });
  return `<h3>Detail: ${dateSpan(detail.firstDate, detail.lastDate)}</h3>${note('The busiest week of the run (most throughput) at full 15-minute resolution, unless another week was chosen.')}${figure(net, 'Net export (discharge - charge) per asset; dashed lines are the shared POI limits.')}${figure(soc, 'Realized SoC at the end of each interval.')}`;
}

/** Dispatch and SoC per asset; a long run shows daily aggregates and a detail week. */
export function dispatchSection(report: RunReport): string {
  const perAsset = report.run.assets.map((_, a) => assetCharts(report, a)).join('');
  const intro = report.aggregated
    ? note(`${report.timeline.dates.length} local days: charts show daily aggregates; the detail week below is at interval resolution.`)
    : '';
  return section('dispatch', 'Dispatch and state of charge per asset', `${intro}${perAsset}${report.aggregated ? detailWeek(report) : ''}`);
}
