import type { RunReport } from '../buildRunReport';
import { formatNumber } from '../svg/format';
import { xyChartSvg } from '../svg/xyChartSvg';
import { daily } from '../timeline';
import { detailTicks, runDayTicks, siteColumn } from './columns';
import { colour, figure, note, section, table } from './elements';

interface Product {
  readonly column: string;
  readonly label: string;
  readonly blockMinutes: number;
}

function productsOf(report: RunReport): Product[] {
  const model = report.summary.model as Record<string, unknown>;
  const minutes = (key: string) => (typeof model[key] === 'number' ? (model[key] as number) : 240);
  const all: Product[] = [
    { column: 'fcr_reserved_mw', label: 'FCR', blockMinutes: minutes('fcr_block_minutes') },
    { column: 'afrr_up_reserved_mw', label: 'aFRR up', blockMinutes: minutes('afrr_block_minutes') },
    { column: 'afrr_down_reserved_mw', label: 'aFRR down', blockMinutes: minutes('afrr_block_minutes') },
  ];
  return all.filter((product) => siteColumn(report, product.column) !== undefined);
}

function clockLabel(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Commitments per product block of the local day: the mean, min and max over the run's
 * days of the MW held in that block (blocks are constant within a day by construction).
 */
function blockTable(report: RunReport, products: readonly Product[]): string {
  const local = report.timeline.local;
  const sections = products.map((product) => {
    const values = siteColumn(report, product.column) ?? new Float64Array(0);
    const blocks = Math.ceil(1440 / product.blockMinutes);
    const sum = new Float64Array(blocks);
    const count = new Float64Array(blocks);
    const min = new Float64Array(blocks).fill(Number.POSITIVE_INFINITY);
    const max = new Float64Array(blocks).fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < values.length; i += 1) {
      const minutes = Number(local[i].slice(11, 13)) * 60 + Number(local[i].slice(14, 16));
      const b = Math.min(blocks - 1, Math.floor(minutes / product.blockMinutes));
      sum[b] += values[i];
      count[b] += 1;
      min[b] = Math.min(min[b], values[i]);
      max[b] = Math.max(max[b], values[i]);
    }
    const rows = Array.from({ length: blocks }, (_, b) => [
      `${clockLabel(b * product.blockMinutes)}-${clockLabel(Math.min(1440, (b + 1) * product.blockMinutes))}`,
      count[b] === 0 ? '-' : formatNumber(sum[b] / count[b], 3),
      count[b] === 0 ? '-' : formatNumber(min[b], 3),
      count[b] === 0 ? '-' : formatNumber(max[b], 3),
    ]);
    return `<div><h3>${product.label} per ${product.blockMinutes}-minute block (MW)</h3>${table(['block (local)', 'mean', 'min', 'max'], rows)}</div>`;
  });
  return `<div class="cols">${sections.join('')}</div>`;
}

/** Reserve capacity held per product (chart and per-block table). */
export function reserveSection(report: RunReport): string {
  const products = productsOf(report);
  if (products.length === 0) {
    return section('reserves', 'Reserve commitments', note(`The ${report.summary.workflow} workflow holds no reserve capacity.`));
  }
  let svg: string;
  if (report.aggregated) {
    const t = report.timeline;
    svg = xyChartSvg({
      title: 'Reserve capacity held, daily',
      unit: 'MW',
      length: t.dates.length,
      xTicks: runDayTicks(report),
      series: products.flatMap((product, p) => {
        const values = siteColumn(report, product.column) ?? new Float64Array(0);
        return [
          { kind: 'band' as const, name: `${product.label} daily min-max`, color: colour(p), low: daily(t, values, 'min'), high: daily(t, values, 'max') },
          { kind: 'line' as const, name: `${product.label} daily mean`, color: colour(p), values: daily(t, values, 'mean') },
        ];
      }),
    });
  } else {
    svg = xyChartSvg({
      title: 'Reserve capacity held',
      unit: 'MW',
      length: report.timeline.count,
      xTicks: detailTicks(report),
      series: products.map((product, p) => ({ kind: 'step' as const, name: product.label, color: colour(p), values: siteColumn(report, product.column) ?? new Float64Array(0) })),
    });
  }
  return section('reserves', 'Reserve commitments', figure(svg, 'Site capacity held per product, constant over each product block.') + blockTable(report, products));
}
