import type { RunReport } from './buildRunReport';
import { captureRatio, identityRows, pnlRows } from './html/summarySection';
import { FROM_RECONCILE } from './html/analysisSections';
import { formatEur, formatNumber, formatShare } from './svg/format';

function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], numeric = true): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const align = headers.map((_, i) => (i === 0 || !numeric ? '---' : '---:'));
  return [headers, align, ...rows].map((row) => `| ${row.map(escape).join(' | ')} |`).join('\n');
}

/**
 * `report/summary.md`: the report's numbers for a terminal (identity, PnL against the
 * oracle, assets, rainflow, reason codes, reconciliation, forecast errors). Deterministic.
 */
export function renderSummaryMarkdown(report: RunReport): string {
  const s = report.summary;
  const capture = captureRatio(report);
  const lines: string[] = [`# ${s.run_name}: ${s.benchmark_name}`, ''];
  lines.push(mdTable(['run', ''], identityRows(report), false), '');
  lines.push('## PnL', '');
  lines.push(
    mdTable(
      ['component (EUR, costs negative)', 'realized', 'expected', 'oracle'],
      pnlRows(report).map(([name, realized, expected, oracle]) => [name, formatNumber(realized), formatNumber(expected), formatNumber(oracle)]),
    ),
    '',
  );
  lines.push(
    `Gap to the oracle: ${formatEur(s.oracle_gap_total_pnl_eur)}${capture === undefined ? '' : ` (${formatShare(capture)} of the oracle captured)`}.`,
    `Throughput ${formatNumber(s.throughput_mwh, 3)} MWh, ${formatNumber(report.rainflow.dailyEquivalentFullCycles, 3)} equivalent full cycles, idle ${formatShare(s.idle_share)} of intervals.`,
    '',
  );
  lines.push('## Assets', '');
  const ranked = [...report.contributions].sort((x, y) => y.totalPnlEur - x.totalPnlEur || x.assetId.localeCompare(y.assetId));
  lines.push(
    mdTable(
      ['asset', 'total EUR', 'expected EUR', 'throughput MWh'],
      ranked.map((a) => [a.assetId, formatNumber(a.totalPnlEur), formatNumber(a.expectedTotalPnlEur), formatNumber(a.throughputMwh, 3)]),
    ),
    '',
  );
  lines.push('## Rainflow (per local day, depth = share of the usable energy)', '');
  lines.push(
    mdTable(
      ['asset', 'usable MWh', 'full cycles', 'half cycles', 'EFC', 'max depth', 'full (whole run)', 'half (whole run)'],
      report.rainflow.assets.map((a) => [
        a.assetId,
        formatNumber(a.usableEnergyMwh, 3),
        formatNumber(a.daily.fullCycles, 0),
        formatNumber(a.daily.halfCycles, 0),
        formatNumber(a.daily.equivalentFullCycles, 3),
        formatShare(a.daily.maxDepth),
        formatNumber(a.run.fullCycles, 0),
        formatNumber(a.run.halfCycles, 0),
      ]),
    ),
    '',
  );
  if (report.reasons.length > 0) {
    lines.push('## Reason codes', '');
    for (const reasons of report.reasons) {
      lines.push(`${reasons.source}:`, '', mdTable(['code', 'count'], reasons.counts.map(([code, n]) => [code, formatNumber(n, 0)])), '');
    }
  }
  if (report.reconciliation !== undefined) {
    lines.push('## Reconciliation', '');
    if (report.reconciliation.source === 'reconcile') {
      lines.push(FROM_RECONCILE, '');
    }
    const rows = [...report.reconciliation.views, ...report.reconciliation.buckets].map(([name, value]) => [name, formatNumber(value)]);
    lines.push(mdTable(['view or bucket', 'EUR'], rows), '');
  }
  const errors = Object.entries(s.forecast_error as Record<string, { count: number; mae: number; rmse: number; bias: number } | undefined>);
  if (errors.length > 0) {
    lines.push('## Forecast error', '');
    lines.push(
      mdTable(
        ['series', 'MAE', 'RMSE', 'bias'],
        errors.flatMap(([series, e]) => (e === undefined ? [] : [[series, formatNumber(e.mae, 3), formatNumber(e.rmse, 3), formatNumber(e.bias, 3)]])),
      ),
      '',
    );
  }
  lines.push('Charts: report/index.html (open it in a browser; it loads nothing from the network).', '');
  return lines.join('\n');
}
