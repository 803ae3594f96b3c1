import type { RunReport } from '../buildRunReport';
import { barListSvg } from '../svg/barListSvg';
import { formatEur, formatNumber, formatShare } from '../svg/format';
import { xyChartSvg } from '../svg/xyChartSvg';
import { runDayTicks } from './columns';
import { colour, figure, note, section, table } from './elements';

/** Reason-code counts of the dispatch tables (when the run has them). */
export function reasonSection(report: RunReport): string {
  if (report.reasons.length === 0) {
    return section('reasons', 'Reason codes', note('This run has no reason codes (its dispatch tables have no reason_code column).'));
  }
  const body = report.reasons
    .map((reasons) => {
      const total = reasons.counts.reduce((sum, [, n]) => sum + n, 0);
      const svg = barListSvg({ title: `Reason codes, ${reasons.source}`, unit: 'intervals', digits: 0, items: reasons.counts.map(([code, n]) => ({ label: code, value: n, color: '#1565c0' })) });
      return `<h3>${reasons.source}</h3>${figure(svg, `${formatNumber(total, 0)} coded rows.`)}`;
    })
    .join('');
  return section('reasons', 'Reason codes', body);
}

/** What the page and summary.md say of a run without any reconciliation_summary.json. */
export const NO_RECONCILIATION =
  'No reconciliation_summary.json: the backtest writes one for schedule_revision and imbalance runs only; run `euroflex reconcile RUN_DIR` to reconcile this run (it writes RUN_DIR/reconciliation/), then `euroflex report RUN_DIR` to show it here.';
/** The note above a reconciliation read from `reconciliation/` rather than the run itself. */
export const FROM_RECONCILE = 'From `euroflex reconcile` (reconciliation/reconciliation_summary.json and reconciliation_breakdown.csv): the backtest wrote no reconciliation for this run.';

/** Reconciliation buckets (reconciliation_summary.json of the run or of `euroflex reconcile`). */
export function reconciliationSection(report: RunReport): string {
  const facts = report.reconciliation;
  if (facts === undefined) {
    return section('reconciliation', 'Reconciliation', note(NO_RECONCILIATION));
  }
  const svg = barListSvg({ title: 'Reconciliation buckets', unit: 'EUR', items: facts.buckets.map(([name, value]) => ({ label: name, value })) });
  const bucketSum = facts.buckets.reduce((sum, [, value]) => sum + value, 0);
  const check =
    facts.delta === undefined
      ? ''
      : note(`Buckets sum to ${formatEur(bucketSum)}; realized - baseline expected = ${formatEur(facts.delta)} (difference ${(bucketSum - facts.delta).toExponential(1)} EUR).`);
  const views = table(
    ['view', 'total'],
    facts.views.map(([name, value]) => [name.replace(/_/g, ' '), formatEur(value)]),
  );
  const bucketNames = facts.buckets.map(([name]) => name);
  const perAsset =
    facts.assets.length === 0
      ? ''
      : `<h3>Per asset (EUR)</h3>${table(
          ['asset', ...bucketNames],
          facts.assets.map((asset) => [asset.assetId, ...bucketNames.map((name) => formatNumber(asset.buckets.find(([b]) => b === name)?.[1]))]),
        )}`;
  return section(
    'reconciliation',
    'Reconciliation',
    `${facts.source === 'reconcile' ? note(FROM_RECONCILE) : ''}${views}${facts.buckets.length > 0 ? figure(svg, 'Buckets from the baseline expected PnL to the realized PnL.') : ''}${check}${perAsset}`,
  );
}

function histogramChart(report: RunReport, a: number): string {
  const asset = report.rainflow.assets[a];
  const edges = report.rainflow.binEdges;
  const ticks = edges.map((edge, i) => ({ index: i, label: `${Math.round(edge * 100)}%` }));
  return xyChartSvg({
    title: `${asset.assetId}: rainflow depth histogram`,
    unit: 'cycles',
    length: edges.length - 1,
    xTicks: ticks,
    series: [{ kind: 'bars', name: `${asset.assetId} cycles by depth (per-day counting)`, color: colour(a), values: asset.daily.depthHistogram }],
    height: 170,
  });
}

/** Rainflow cycles per asset: counts, equivalent full cycles, depth histograms, daily EFC. */
export function rainflowSection(report: RunReport): string {
  const engine = report.summary.asset_equivalent_full_cycles as Record<string, number | undefined>;
  const rows = report.rainflow.assets.map((asset) => {
    const busiest = asset.days.reduce((max, day) => Math.max(max, day.equivalentFullCycles), 0);
    return [
      asset.assetId,
      formatNumber(asset.usableEnergyMwh, 3),
      formatNumber(asset.daily.fullCycles, 0),
      formatNumber(asset.daily.halfCycles, 0),
      formatNumber(asset.daily.equivalentFullCycles, 3),
      formatShare(asset.daily.maxDepth),
      formatNumber(busiest, 3),
      formatNumber(asset.run.fullCycles, 0),
      formatNumber(asset.run.halfCycles, 0),
      formatNumber(engine[asset.assetId], 3),
    ];
  });
  const summaryTable = table(
    ['asset', 'usable MWh', 'full cycles', 'half cycles', 'EFC', 'max depth', 'max EFC in a day', 'full (whole run)', 'half (whole run)', 'summary.json EFC'],
    rows,
  );
  const histograms = report.rainflow.assets.map((_, a) => figure(histogramChart(report, a), 'Cycle counts (full 1, half 0.5) by depth, as a share of the usable energy.')).join('');
  let dailyChart = '';
  if (report.timeline.dates.length > 1) {
    dailyChart = figure(
      xyChartSvg({
        title: 'Equivalent full cycles per day',
        unit: 'EFC',
        length: report.timeline.dates.length,
        xTicks: runDayTicks(report),
        series: report.rainflow.assets.map((asset, a) => ({ kind: 'line' as const, name: asset.assetId, color: colour(a), values: asset.days.map((d) => d.equivalentFullCycles) })),
        height: 200,
      }),
      'Rainflow equivalent full cycles of each local day.',
    );
  }
  const explain = note(
    "ASTM E1049 rainflow counting on each asset's realized SoC, normalised by its usable energy (soc_max - soc_min after headroom), per local day (the day's path from its opening SoC). A 0 -> 1 -> 0 swing is one equivalent full cycle. Counting the whole run as one path closes cycles that span midnight (fewer half cycles, more full ones) but moves the same energy, so its EFC is the same.",
  );
  return section('rainflow', 'Rainflow cycles', explain + summaryTable + histograms + dailyChart);
}

/** Asset contribution: totals per asset, best first, with components. */
export function assetSection(report: RunReport): string {
  const ranked = [...report.contributions].sort((x, y) => y.totalPnlEur - x.totalPnlEur || x.assetId.localeCompare(y.assetId));
  const siteTotal = report.summary.total_pnl_eur;
  const svg = barListSvg({ title: 'Total PnL per asset', unit: 'EUR', items: ranked.map((asset) => ({ label: asset.assetId, value: asset.totalPnlEur })) });
  const componentNames = ranked[0]?.components.map(([name]) => name) ?? [];
  const rows = ranked.map((asset, rank) => [
    `${rank + 1}. ${asset.assetId}`,
    formatNumber(asset.totalPnlEur),
    Math.abs(siteTotal) > 1e-9 ? formatShare(asset.totalPnlEur / siteTotal) : '-',
    formatNumber(asset.expectedTotalPnlEur),
    formatNumber(asset.throughputMwh, 3),
    ...asset.components.map(([, value]) => formatNumber(value)),
  ]);
  const detail = table(['asset', 'total EUR', 'share of site', 'expected EUR', 'throughput MWh', ...componentNames], rows);
  return section('assets', 'Asset contribution', figure(svg, 'Realized run total per asset, best first.') + detail);
}

/** The decisions of the run: counts by type and solve kind, statuses. */
export function decisionSection(report: RunReport): string {
  const log = report.run.optionalTable('decision_log');
  if (log === undefined) {
    return section('decisions', 'Decisions', note('No decision_log table.'));
  }
  const counts = new Map<string, number>();
  const types = log.text('decision_type');
  const kinds = log.has('solve_kind') ? log.text('solve_kind') : types.map(() => '');
  const statuses = log.has('solver_status') ? log.text('solver_status') : types.map(() => '');
  for (let r = 0; r < log.rowCount; r += 1) {
    const key = `${types[r]}\u0000${kinds[r]}\u0000${statuses[r]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([key, n]) => [...key.split('\u0000'), formatNumber(n, 0)]);
  return section('decisions', 'Decisions', table(['decision type', 'solve kind', 'solver status', 'decisions'], rows, false));
}
