import type { RunReport } from './buildRunReport';
import { assetSection, decisionSection, rainflowSection, reasonSection, reconciliationSection } from './html/analysisSections';
import { dispatchSection } from './html/dispatchSection';
import { facts, note, REPORT_CSS, section } from './html/elements';
import { priceSection } from './html/priceSection';
import { reserveSection } from './html/reserveSection';
import { pnlSection, summarySection } from './html/summarySection';
import { escapeHtml, formatEur } from './svg/format';

const NAV: readonly (readonly [string, string])[] = [
  ['summary', 'Summary'],
  ['pnl', 'PnL'],
  ['dispatch', 'Dispatch & SoC'],
  ['prices', 'Prices'],
  ['reserves', 'Reserves'],
  ['reasons', 'Reason codes'],
  ['reconciliation', 'Reconciliation'],
  ['rainflow', 'Rainflow'],
  ['assets', 'Assets'],
  ['decisions', 'Decisions'],
  ['details', 'Details'],
];

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function detailsSection(report: RunReport): string {
  const s = report.summary;
  const model = Object.entries(s.model as Record<string, unknown>).map(([k, v]) => [k, text(v)] as const);
  const solver = Object.entries(s.solver as Record<string, unknown>).map(([k, v]) => [k, text(v)] as const);
  const provenance = Object.entries(s.data_provenance).map(([series, value]) => {
    const p = (value ?? {}) as Record<string, unknown>;
    const steps = Array.isArray(p.steps) && p.steps.length > 0 ? `; ${p.steps.map(text).join('; ')}` : '';
    // Zone and path only where the series has them (the FCR file has no bidding zone).
    const where = [p.source, p.zone].filter((part) => typeof part === 'string' && part !== '').map(text).join(' ');
    return [series, `${where}${typeof p.path === 'string' ? `, ${text(p.path)}` : ''}${steps}`] as const;
  });
  const assumptions = s.assumptions.length === 0 ? note('No market assumptions apply.') : `<ul>${s.assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>`;
  const files = `<p class="note">Tables in the run directory: ${escapeHtml(report.run.tableNames.join(', '))}.</p>`;
  return section(
    'details',
    'Details',
    `<h3>Model</h3>${facts(model)}<h3>Assumptions</h3>${assumptions}<h3>Data provenance</h3>${facts(provenance)}<h3>Solver</h3>${facts(solver)}${note('The run id, the creation time and the timings are in summary.json only, so that the same config and data give the same report.')}${files}`,
  );
}

/**
 * The run report as one self-contained HTML page: inline CSS and SVG charts, no script,
 * no font, image or style sheet from anywhere else, so it opens offline and makes no
 * network request. Deterministic: the same run gives the same bytes.
 */
export function renderReportHtml(report: RunReport): string {
  const s = report.summary;
  const nav = NAV.map(([id, label]) => `<a href="#${id}">${label}</a>`).join('');
  const body = [
    summarySection(report),
    pnlSection(report),
    dispatchSection(report),
    priceSection(report),
    reserveSection(report),
    reasonSection(report),
    reconciliationSection(report),
    rainflowSection(report),
    assetSection(report),
    decisionSection(report),
    detailsSection(report),
  ].join('\n');
  const title = `euroflex report: ${s.run_name}, ${s.delivery_start_date} .. ${s.delivery_end_date}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(s.run_name)}: ${escapeHtml(s.benchmark_name)}</h1><div class="sub">${escapeHtml(`${s.delivery_start_date} .. ${s.delivery_end_date} · total PnL ${formatEur(s.total_pnl_eur)} · oracle ${formatEur(s.oracle_total_pnl_eur)}`)}</div></header>
<nav>${nav}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}
