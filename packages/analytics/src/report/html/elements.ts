import { escapeHtml } from '../svg/format';

/** Series colours, in asset / series order (readable on white, distinct for colour-blind readers first). */
export const PALETTE = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#00838f', '#ad1457', '#4e342e', '#558b2f', '#283593', '#f9a825'] as const;

/** Colour of series i. */
export function colour(i: number): string {
  return PALETTE[i % PALETTE.length];
}

/** A report section with an anchor. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

/** A chart with a caption. */
export function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** A paragraph of plain text. */
export function note(text: string): string {
  return `<p class="note">${escapeHtml(text)}</p>`;
}

/** A table; cells are text (escaped). Columns after the first are right-aligned when `numeric`. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], numeric = true): string {
  const head = headers.map((h, i) => `<th${numeric && i > 0 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${numeric && i > 0 ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  // Wide tables (many assets, many components) scroll inside their card rather than spill out of it.
  return `<div class="wide"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Two-column key/value table. */
export function facts(rows: readonly (readonly [string, string])[]): string {
  return `<table class="facts"><tbody>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`;
}

/** Headline numbers. */
export function tiles(items: readonly (readonly [string, string])[]): string {
  return `<div class="tiles">${items.map(([label, value]) => `<div class="tile"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div></div>`).join('')}</div>`;
}

/** The page's only style sheet (inline: the report loads nothing). */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2329;background:#f6f7f9}
header{background:#12314f;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:20px}
header .sub{opacity:.85}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #d9dee3;padding:6px 28px;z-index:1}
nav a{color:#12314f;text-decoration:none;margin-right:14px;font-size:13px}
main{max-width:1040px;margin:0 auto;padding:8px 20px 40px}
section{background:#fff;border:1px solid #d9dee3;border-radius:6px;padding:14px 20px;margin:16px 0}
h2{font-size:17px;margin:0 0 10px}
h3{font-size:14px;margin:16px 0 6px}
figure{margin:10px 0}
figcaption{font-size:12px;color:#5a6570}
svg.chart{width:100%;height:auto;display:block}
svg text{font:11px system-ui,sans-serif;fill:#3b4650}
svg .legend{font-size:12px}
svg .grid{stroke:#e3e7eb;stroke-width:1}
svg .grid.zero{stroke:#9aa5b1}
svg .xtick{stroke:#9aa5b1}
svg .line{fill:none;stroke-width:1.6;stroke-linejoin:round}
svg .band{opacity:.22}
svg .reference{stroke-width:1.2;stroke-dasharray:6 4}
table{border-collapse:collapse;margin:8px 0;font-size:13px}
.wide{overflow-x:auto;max-width:100%}
th,td{padding:3px 10px;border-bottom:1px solid #e8ebee;text-align:left;vertical-align:top}
th{background:#f1f3f5;font-weight:600}
td:first-child{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.facts th{background:none;font-weight:normal;color:#5a6570}
.tiles{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0 12px}
.tile{border:1px solid #d9dee3;border-radius:6px;padding:8px 12px;min-width:150px}
.tile .label{font-size:12px;color:#5a6570}
.tile .value{font-size:17px;font-weight:600}
.note{color:#5a6570;font-size:13px}
.cols{display:flex;flex-wrap:wrap;gap:24px}
`;
