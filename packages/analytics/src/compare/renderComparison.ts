import { bool, makeTable, num, str, tableToCsv, type Column } from '@euroflex/backtesting';
import { formatNumber, formatShare } from '../report/svg/format';
import { workflowLabel, type Comparison, type ComparisonCell } from './compareRuns';

function column(name: string, cells: readonly ComparisonCell[]): Column {
  const present = cells.filter((cell) => cell !== null);
  if (present.length > 0 && present.every((cell) => typeof cell === 'number')) {
    return num(
      name,
      cells.map((cell) => (cell === null ? Number.NaN : (cell as number))),
    );
  }
  if (present.length > 0 && present.every((cell) => typeof cell === 'boolean')) {
    return bool(
      name,
      cells.map((cell) => cell === true),
    );
  }
  return str(
    name,
    cells.map((cell) => (cell === null ? null : String(cell))),
  );
}

/** `comparison.csv`: one row per run, the columns of `comparison.columns` (empty cell = null). */
export function comparisonCsv(comparison: Comparison): string {
  return tableToCsv(
    makeTable(
      'comparison',
      comparison.columns.map((name) =>
        column(
          name,
          comparison.runs.map((row) => row[name] ?? null),
        ),
      ),
    ),
  );
}

/** `comparison_groups.csv`: one row per (market, workflow, base workflow, scope) group. */
export function comparisonGroupsCsv(comparison: Comparison): string {
  const names = ['market_id', 'workflow', 'base_workflow', 'run_scope', 'run_count', 'run_ids', 'total_pnl_eur_mean', 'total_pnl_eur_min', 'total_pnl_eur_max', 'expected_total_pnl_eur_mean', 'oracle_gap_total_pnl_eur_mean', 'throughput_mwh_mean', 'equivalent_full_cycles_mean'] as const;
  return tableToCsv(
    makeTable(
      'comparison_groups',
      names.map((name) =>
        column(
          name,
          comparison.groups.map((group) => {
            const value = group[name];
            return Array.isArray(value) ? value.join(' ') : (value as ComparisonCell);
          }),
        ),
      ),
    ),
  );
}

function mdTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [headers, headers.map((_, i) => (i < 3 ? '---' : '---:')), ...rows].map((row) => `| ${row.map(escape).join(' | ')} |`).join('\n');
}

const money = (cell: ComparisonCell | undefined) => (typeof cell === 'number' ? formatNumber(cell) : '-');

/** `comparison.md`: the runs, their deltas, the groups and the portfolio uplift, for a terminal. */
export function renderComparisonMarkdown(comparison: Comparison): string {
  const lines = [`# Comparison of ${comparison.runs.length} run${comparison.runs.length === 1 ? '' : 's'}`, '', `Reference run: ${comparison.reference_run_id} (deltas are run minus reference).`, ''];
  if (comparison.warnings.length > 0) {
    lines.push('## Warnings', '', ...comparison.warnings.map((warning) => `- ${warning}.`), '');
  }
  lines.push(
    mdTable(
      ['run', 'market / workflow / scope', 'provider', 'total EUR', 'delta EUR', 'oracle gap EUR', 'captured', 'throughput MWh', 'EFC'],
      comparison.runs.map((row) => [
        `${String(row.run_id)}${row.is_reference ? ' (reference)' : ''}`,
        `${String(row.market_id)} / ${workflowLabel(String(row.workflow), typeof row.base_workflow === 'string' ? row.base_workflow : undefined)} / ${String(row.run_scope)}`,
        String(row.provider_name),
        money(row.total_pnl_eur),
        money(row.delta_total_pnl_eur),
        money(row.oracle_gap_total_pnl_eur),
        typeof row.oracle_capture_ratio === 'number' ? formatShare(row.oracle_capture_ratio) : '-',
        typeof row.throughput_mwh === 'number' ? formatNumber(row.throughput_mwh, 3) : '-',
        typeof row.equivalent_full_cycles === 'number' ? formatNumber(row.equivalent_full_cycles, 3) : '-',
      ]),
    ),
    '',
    '## Groups (market, workflow (base workflow), scope)',
    '',
    mdTable(
      ['market', 'workflow', 'scope', 'runs', 'mean total EUR', 'min EUR', 'max EUR', 'mean oracle gap EUR'],
      comparison.groups.map((g) => [g.market_id, workflowLabel(g.workflow, g.base_workflow), g.run_scope, String(g.run_count), formatNumber(g.total_pnl_eur_mean), formatNumber(g.total_pnl_eur_min), formatNumber(g.total_pnl_eur_max), formatNumber(g.oracle_gap_total_pnl_eur_mean)]),
    ),
    '',
    '## Portfolio uplift over single-asset runs',
    '',
  );
  if (comparison.portfolio_uplift.length === 0) {
    lines.push('No portfolio run among the compared runs.', '');
  }
  for (const uplift of comparison.portfolio_uplift) {
    lines.push(
      uplift.upliftEur === null
        ? `- ${uplift.portfolioRunId}: ${uplift.basis}.`
        : `- ${uplift.portfolioRunId}: ${formatNumber(uplift.upliftEur)} EUR = ${formatNumber(uplift.portfolioTotalPnlEur)} (portfolio) - ${formatNumber(uplift.singlesTotalPnlEur)} (single-asset runs). Compared: ${uplift.basis}.`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
