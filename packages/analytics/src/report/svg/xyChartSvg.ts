import { coordinate as c, escapeHtml, tickLabel } from './format';
import { niceRange } from './niceTicks';

/** One drawn series over the chart's x slots (slot i spans [i, i + 1)). NaN breaks a line. */
export type ChartSeries =
  | { readonly kind: 'line' | 'step'; readonly name: string; readonly color: string; readonly values: ArrayLike<number>; readonly dashed?: boolean }
  | { readonly kind: 'band'; readonly name: string; readonly color: string; readonly low: ArrayLike<number>; readonly high: ArrayLike<number> }
  | { readonly kind: 'bars'; readonly name: string; readonly color: string; readonly values: ArrayLike<number> };

/** A horizontal line at a value, labelled (the oracle total, a SoC bound). */
export interface ReferenceLine {
  readonly value: number;
  readonly label: string;
  readonly color: string;
}

export interface XYChart {
  /** Accessible title of the figure. */
  readonly title: string;
  /** Unit of the y axis, e.g. `MW`. */
  readonly unit: string;
  /** Number of x slots. */
  readonly length: number;
  /** Labelled x positions (slot index of the label's start). */
  readonly xTicks: readonly { readonly index: number; readonly label: string }[];
  readonly series: readonly ChartSeries[];
  readonly references?: readonly ReferenceLine[];
  /** Pixel height of the drawing. Defaults to 240. */
  readonly height?: number;
}

const WIDTH = 960;
const LEFT = 64;
const RIGHT = 16;
const TOP = 30;
const BOTTOM = 26;

function extent(chart: XYChart): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const take = (values: ArrayLike<number>) => {
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i];
      if (value < low) {
        low = value;
      }
      if (value > high) {
        high = value;
      }
    }
  };
  for (const series of chart.series) {
    if (series.kind === 'band') {
      take(series.low);
      take(series.high);
    } else {
      take(series.values);
      if (series.kind === 'bars') {
        take([0]);
      }
    }
  }
  take((chart.references ?? []).map((line) => line.value));
  return [low, high];
}

function linePath(values: ArrayLike<number>, x: (i: number) => number, y: (v: number) => number, step: boolean): string {
  const parts: string[] = [];
  let open = false;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (!Number.isFinite(value)) {
      open = false;
      continue;
    }
    const yy = c(y(value));
    if (step) {
      parts.push(open ? `V${yy}H${c(x(i + 1))}` : `M${c(x(i))} ${yy}H${c(x(i + 1))}`);
    } else {
      parts.push(`${open ? 'L' : 'M'}${c(x(i + 0.5))} ${yy}`);
    }
    open = true;
  }
  return parts.join('');
}

function bandPath(low: ArrayLike<number>, high: ArrayLike<number>, x: (i: number) => number, y: (v: number) => number): string {
  const parts: string[] = [];
  let i = 0;
  while (i < low.length) {
    if (!Number.isFinite(low[i]) || !Number.isFinite(high[i])) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < low.length && Number.isFinite(low[j]) && Number.isFinite(high[j])) {
      j += 1;
    }
    const upper: string[] = [];
    for (let k = i; k < j; k += 1) {
      upper.push(`${c(x(k))} ${c(y(high[k]))}L${c(x(k + 1))} ${c(y(high[k]))}`);
    }
    const lower: string[] = [];
    for (let k = j - 1; k >= i; k -= 1) {
      lower.push(`${c(x(k + 1))} ${c(y(low[k]))}L${c(x(k))} ${c(y(low[k]))}`);
    }
    parts.push(`M${upper.join('L')}L${lower.join('L')}Z`);
    i = j;
  }
  return parts.join('');
}

function barsPath(values: ArrayLike<number>, x: (i: number) => number, y: (v: number) => number): string {
  const zero = c(y(0));
  const parts: string[] = [];
  const inset = values.length > 200 ? 0.05 : 0.15;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (!Number.isFinite(value) || value === 0) {
      continue;
    }
    parts.push(`M${c(x(i + inset))} ${zero}V${c(y(value))}H${c(x(i + 1 - inset))}V${zero}Z`);
  }
  return parts.join('');
}

/**
 * An x-y chart as inline SVG (no script, no external resource): y grid with round ticks,
 * labelled x ticks, a legend, lines, steps, min-max bands, bars from zero and reference
 * lines. Each series is one `<path>`, so a long run stays small.
 */
export function xyChartSvg(chart: XYChart): string {
  const height = chart.height ?? 240;
  const [low, high] = extent(chart);
  const range = niceRange(low, high);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = height - TOP - BOTTOM;
  const slots = Math.max(1, chart.length);
  const x = (i: number) => LEFT + (i / slots) * plotWidth;
  const y = (v: number) => TOP + ((range.max - v) / (range.max - range.min)) * plotHeight;
  const out: string[] = [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(chart.title)}">`,
    `<title>${escapeHtml(chart.title)}</title>`,
  ];
  for (const tick of range.ticks) {
    const yy = c(y(tick));
    out.push(`<line class="grid${tick === 0 ? ' zero' : ''}" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${yy}" y2="${yy}"/>`);
    out.push(`<text class="ytick" x="${LEFT - 6}" y="${yy}" dy="0.32em" text-anchor="end">${escapeHtml(tickLabel(tick))}</text>`);
  }
  out.push(`<text class="unit" x="8" y="${TOP - 12}">${escapeHtml(chart.unit)}</text>`);
  for (const tick of chart.xTicks) {
    const xx = c(x(tick.index));
    out.push(`<line class="xtick" x1="${xx}" x2="${xx}" y1="${TOP + plotHeight}" y2="${TOP + plotHeight + 4}"/>`);
    out.push(`<text class="xlabel" x="${xx}" y="${height - 8}" text-anchor="middle">${escapeHtml(tick.label)}</text>`);
  }
  for (const series of chart.series) {
    if (series.kind === 'band') {
      out.push(`<path class="band" fill="${series.color}" d="${bandPath(series.low, series.high, x, y)}"/>`);
    } else if (series.kind === 'bars') {
      out.push(`<path class="bars" fill="${series.color}" d="${barsPath(series.values, x, y)}"/>`);
    } else {
      const dash = series.dashed ? ' stroke-dasharray="5 3"' : '';
      out.push(`<path class="line" stroke="${series.color}"${dash} d="${linePath(series.values, x, y, series.kind === 'step')}"/>`);
    }
  }
  for (const line of chart.references ?? []) {
    const yy = c(y(line.value));
    out.push(`<line class="reference" stroke="${line.color}" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${yy}" y2="${yy}"/>`);
    out.push(`<text class="reflabel" fill="${line.color}" x="${WIDTH - RIGHT - 4}" y="${yy}" dy="-4" text-anchor="end">${escapeHtml(line.label)}</text>`);
  }
  // The legend starts after the unit label so that a long unit never runs into it.
  let legendX = Math.max(LEFT, Math.ceil(8 + chart.unit.length * 6.2 + 14));
  for (const series of chart.series) {
    out.push(`<rect class="swatch" x="${legendX}" y="${TOP - 20}" width="12" height="8" fill="${series.color}"/>`);
    out.push(`<text class="legend" x="${legendX + 16}" y="${TOP - 12}">${escapeHtml(series.name)}</text>`);
    legendX += 28 + series.name.length * 6.4;
  }
  out.push('</svg>');
  return out.join('');
}
