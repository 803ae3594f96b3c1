import { coordinate as c, escapeHtml, formatNumber } from './format';

export interface BarItem {
  readonly label: string;
  readonly value: number;
  /** Fill; defaults to green for >= 0 and red for < 0. */
  readonly color?: string;
}

export interface BarList {
  readonly title: string;
  /** Unit printed after each value, e.g. `EUR`. */
  readonly unit: string;
  readonly items: readonly BarItem[];
  /** Decimals of the printed values. Defaults to 2. */
  readonly digits?: number;
}

const WIDTH = 960;
const LABEL = 230;
const VALUE = 150;
const ROW = 22;

/** Horizontal bars, one row per item, from a shared zero (negative values to the left). */
export function barListSvg(list: BarList): string {
  const height = Math.max(1, list.items.length) * ROW + 8;
  let low = 0;
  let high = 0;
  for (const item of list.items) {
    low = Math.min(low, item.value);
    high = Math.max(high, item.value);
  }
  const span = high - low || 1;
  const plot = WIDTH - LABEL - VALUE;
  const x = (v: number) => LABEL + ((v - low) / span) * plot;
  const zero = x(0);
  const out: string[] = [
    `<svg class="chart bars" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(list.title)}">`,
    `<title>${escapeHtml(list.title)}</title>`,
    `<line class="grid zero" x1="${c(zero)}" x2="${c(zero)}" y1="2" y2="${height - 4}"/>`,
  ];
  list.items.forEach((item, row) => {
    const top = 4 + row * ROW;
    const from = Math.min(zero, x(item.value));
    const width = Math.max(1, Math.abs(x(item.value) - zero));
    const fill = item.color ?? (item.value >= 0 ? '#2e7d32' : '#c62828');
    out.push(`<text class="barlabel" x="${LABEL - 8}" y="${top + 13}" text-anchor="end">${escapeHtml(item.label)}</text>`);
    out.push(`<path class="bar" fill="${fill}" d="M${c(from)} ${top + 3}h${c(width)}v14h-${c(width)}Z"/>`);
    out.push(`<text class="barvalue" x="${c(LABEL + plot + 8)}" y="${top + 13}">${escapeHtml(`${formatNumber(item.value, list.digits ?? 2)} ${list.unit}`)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
