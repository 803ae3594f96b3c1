import type { RunReport } from '../buildRunReport';
import { formatNumber } from '../svg/format';
import { xyChartSvg } from '../svg/xyChartSvg';
import { daily } from '../timeline';
import { dateSpan, detailOf, detailTicks, runDayTicks } from './columns';
import { figure, note, section, table } from './elements';

/** A forecast/actual column pair of the site table, e.g. the day-ahead price. */
export interface PricePair {
  /** e.g. `day_ahead price` or `afrr_activation_ratio_up`. */
  readonly label: string;
  readonly unit: string;
  readonly forecastColumn: string;
  readonly actualColumn: string;
}

function unitOf(suffix: string): string {
  if (suffix.endsWith('eur_per_mw_per_h')) {
    return 'EUR/MW/h';
  }
  if (suffix.endsWith('eur_per_mwh')) {
    return 'EUR/MWh';
  }
  if (suffix.endsWith('frac')) {
    return 'fraction';
  }
  return '';
}

/** Every `<series>_forecast_<rest>` column that has its `<series>_actual_<rest>` twin, in table order. */
export function pricePairs(columns: readonly string[]): PricePair[] {
  const out: PricePair[] = [];
  for (const column of columns) {
    const match = /^(.+)_forecast_(.+)$/.exec(column);
    if (match === null) {
      continue;
    }
    const [, series, rest] = match;
    const actual = `${series}_actual_${rest}`;
    if (!columns.includes(actual)) {
      continue;
    }
    const what = rest.replace(/_?(eur_per_mw_per_h|eur_per_mwh|frac)$/, '').replace(/_/g, ' ');
    out.push({ label: `${series}${what ? ` ${what}` : ''}`, unit: unitOf(rest), forecastColumn: column, actualColumn: actual });
  }
  return out;
}

const ACTUAL = '#12314f';
const FORECAST = '#ef6c00';

/** The pair's label with its unit in brackets; a series without a unit (a regulation state) has none. */
function labelWithUnit(pair: PricePair): string {
  return pair.unit === '' ? pair.label : `${pair.label} (${pair.unit})`;
}

function pairChart(report: RunReport, pair: PricePair): string {
  const site = report.run.table('site_dispatch');
  const forecast = site.numbers(pair.forecastColumn);
  const actual = site.numbers(pair.actualColumn);
  if (report.aggregated) {
    const t = report.timeline;
    const svg = xyChartSvg({
      title: `${pair.label}: forecast against actual, daily`,
      unit: pair.unit,
      length: t.dates.length,
      xTicks: runDayTicks(report),
      series: [
        { kind: 'band', name: 'actual daily min-max', color: ACTUAL, low: daily(t, actual, 'min'), high: daily(t, actual, 'max') },
        { kind: 'line', name: 'actual daily mean', color: ACTUAL, values: daily(t, actual, 'mean') },
        { kind: 'line', name: 'forecast daily mean', color: FORECAST, values: daily(t, forecast, 'mean'), dashed: true },
      ],
      height: 220,
    });
    return figure(svg, `${labelWithUnit(pair)}: daily means of the forecast the plans used and of the actual, with the actual's daily range.`);
  }
  const svg = xyChartSvg({
    title: `${pair.label}: forecast against actual`,
    unit: pair.unit,
    length: report.timeline.count,
    xTicks: detailTicks(report),
    series: [
      { kind: 'step', name: 'actual', color: ACTUAL, values: actual },
      { kind: 'step', name: 'forecast', color: FORECAST, values: forecast, dashed: true },
    ],
    height: 220,
  });
  return figure(svg, `${labelWithUnit(pair)} per interval: the forecast the plan used and the actual it was settled with.`);
}

function detailChart(report: RunReport, pair: PricePair): string {
  const site = report.run.table('site_dispatch');
  const { detail } = report;
  const svg = xyChartSvg({
    title: `${pair.label}: forecast against actual, ${dateSpan(detail.firstDate, detail.lastDate)}`,
    unit: pair.unit,
    length: detail.to - detail.from,
    xTicks: detailTicks(report),
    series: [
      { kind: 'step', name: 'actual', color: ACTUAL, values: detailOf(report, site.numbers(pair.actualColumn)) },
      { kind: 'step', name: 'forecast', color: FORECAST, values: detailOf(report, site.numbers(pair.forecastColumn)), dashed: true },
    ],
    height: 220,
  });
  return figure(svg, `${pair.label} per interval over the detail week.`);
}

function forecastErrorTable(report: RunReport): string {
  const errors = report.summary.forecast_error as Record<string, { count: number; mae: number; rmse: number; bias: number } | undefined>;
  const rows = Object.entries(errors)
    .filter((entry): entry is [string, { count: number; mae: number; rmse: number; bias: number }] => entry[1] !== undefined)
    .map(([series, e]) => [series, formatNumber(e.count, 0), formatNumber(e.mae, 3), formatNumber(e.rmse, 3), formatNumber(e.bias, 3)]);
  if (rows.length === 0) {
    return note('No forecast errors in summary.json (a perfect-foresight run has none).');
  }
  return `<h3>Forecast error (summary.json)</h3>${table(['series', 'values', 'MAE', 'RMSE', 'bias (forecast - actual)'], rows)}`;
}

/** Prices (and ratios) the plans used against the actuals, and the forecast errors. */
export function priceSection(report: RunReport): string {
  const pairs = pricePairs(report.run.table('site_dispatch').columns);
  const charts = pairs.map((pair) => pairChart(report, pair)).join('');
  const detail = report.aggregated && pairs.length > 0 ? `<h3>Detail: ${dateSpan(report.detail.firstDate, report.detail.lastDate)}</h3>${detailChart(report, pairs[0])}` : '';
  const body = pairs.length === 0 ? note('The site table has no forecast/actual price columns.') : charts + detail;
  return section('prices', 'Prices: forecast against actual', body + forecastErrorTable(report));
}
