import type { RunDirectory } from '../io/readRunDirectory';

/** Counts of one reason-code column. */
export interface ReasonCounts {
  /** Where they come from, e.g. `asset_dispatch.reason_code` or `summary.json`. */
  readonly source: string;
  /** Codes by count, most frequent first (ties by name). */
  readonly counts: readonly (readonly [string, number])[];
}

function sortedCounts(counts: Map<string, number>): [string, number][] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * Reason-code counts: every `*reason_code` column of the dispatch tables (empty cells
 * skipped), else the `reason_code_counts` object of summary.json; empty when neither exists.
 */
export function reasonCountsOf(run: RunDirectory): ReasonCounts[] {
  const out: ReasonCounts[] = [];
  for (const name of ['site_dispatch', 'asset_dispatch']) {
    const table = run.optionalTable(name);
    for (const column of table?.columns.filter((c) => c === 'reason_code' || c.endsWith('_reason_code')) ?? []) {
      out.push({ source: `${name}.${column}`, counts: sortedCounts(valueCounts(table?.text(column) ?? [])) });
    }
  }
  const fromSummary = run.summary.reason_code_counts;
  if (out.length === 0 && fromSummary !== null && typeof fromSummary === 'object') {
    const counts = new Map<string, number>();
    for (const [code, count] of Object.entries(fromSummary as Record<string, unknown>)) {
      if (typeof count === 'number') {
        counts.set(code, count);
      }
    }
    out.push({ source: 'summary.json reason_code_counts', counts: sortedCounts(counts) });
  }
  return out;
}

/** How often each non-empty text occurs; a run of equal cells (codes hold for hours) is counted at once. */
function valueCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  let r = 0;
  while (r < texts.length) {
    const text = texts[r];
    let end = r + 1;
    while (end < texts.length && texts[end] === text) {
      end += 1;
    }
    if (text !== '') {
      counts.set(text, (counts.get(text) ?? 0) + end - r);
    }
    r = end;
  }
  return counts;
}

/** Reconciliation totals found in `reconciliation_summary.json`. */
export interface ReconciliationFacts {
  /** `inline`: written by the backtest; `reconcile`: by `euroflex reconcile` into `reconciliation/`. */
  readonly source: 'inline' | 'reconcile';
  /** baseline expected, revised expected and realized totals (those present). */
  readonly views: readonly (readonly [string, number])[];
  /** The buckets present, in spec order (engine.md, Reconciliation). */
  readonly buckets: readonly (readonly [string, number])[];
  /** realized - baseline expected, when both views exist. */
  readonly delta: number | undefined;
  /** Per asset (the file's `assets` list, when present): its buckets in the same order. */
  readonly assets: readonly { readonly assetId: string; readonly buckets: readonly (readonly [string, number])[] }[];
}

const VIEWS = ['baseline_expected', 'revised_expected', 'realized'] as const;
const BUCKETS = ['revision_uplift', 'forecast_error', 'activation_deviation', 'imbalance_deviation', 'soc_drift_non_delivery', 'degradation_drift'] as const;

function findNumber(source: Readonly<Record<string, unknown>>, names: readonly string[]): number | undefined {
  const scopes: Readonly<Record<string, unknown>>[] = [source];
  for (const value of Object.values(source)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      scopes.push(value as Record<string, unknown>);
    }
  }
  for (const scope of scopes) {
    for (const name of names) {
      if (typeof scope[name] === 'number') {
        return scope[name];
      }
    }
  }
  return undefined;
}

/**
 * The views and buckets of `reconciliation_summary.json` (the run's own, else the one of
 * `euroflex reconcile` in `reconciliation/`; top level or one object deep, with or without
 * `_eur`, `_pnl_eur` or `_total_pnl_eur`), or undefined without either file.
 */
export function reconciliationFactsOf(run: RunDirectory): ReconciliationFacts | undefined {
  const source = run.reconciliationSummary;
  if (source === undefined || run.reconciliationSource === undefined) {
    return undefined;
  }
  const views: [string, number][] = [];
  for (const view of VIEWS) {
    const value = findNumber(source, [`${view}_pnl_eur`, `${view}_total_pnl_eur`, `${view}_eur`, view]);
    if (value !== undefined) {
      views.push([view, value]);
    }
  }
  const buckets: [string, number][] = [];
  for (const bucket of BUCKETS) {
    const value = findNumber(source, [`${bucket}_eur`, bucket]);
    if (value !== undefined) {
      buckets.push([bucket, value]);
    }
  }
  const baseline = views.find(([name]) => name === 'baseline_expected')?.[1];
  const realized = views.find(([name]) => name === 'realized')?.[1];
  const assets = (Array.isArray(source.assets) ? (source.assets as unknown[]) : []).flatMap((entry) => {
    if (entry === null || typeof entry !== 'object' || typeof (entry as Record<string, unknown>).asset_id !== 'string') {
      return [];
    }
    const asset = entry as Record<string, unknown>;
    return [
      {
        assetId: asset.asset_id as string,
        buckets: BUCKETS.flatMap((bucket) => {
          const value = asset[`${bucket}_eur`] ?? asset[bucket];
          return typeof value === 'number' ? [[bucket, value] as const] : [];
        }),
      },
    ];
  });
  return { source: run.reconciliationSource, views, buckets, delta: baseline !== undefined && realized !== undefined ? realized - baseline : undefined, assets };
}

/** One asset's run totals (asset_pnl_attribution), in config order. */
export interface AssetContribution {
  readonly assetId: string;
  readonly totalPnlEur: number;
  readonly expectedTotalPnlEur: number;
  readonly throughputMwh: number;
  readonly components: readonly (readonly [string, number])[];
}

const COMPONENTS = ['da_revenue_eur', 'imbalance_revenue_eur', 'reserve_capacity_revenue_eur', 'reserve_activation_revenue_eur', 'reserve_penalty_eur', 'degradation_cost_eur'] as const;

/** Asset totals from `asset_pnl_attribution`, else from the summary's ranking. */
export function assetContributionsOf(run: RunDirectory): AssetContribution[] {
  const table = run.optionalTable('asset_pnl_attribution');
  if (table === undefined) {
    return run.summary.asset_contribution_ranking.map((entry) => ({
      assetId: entry.asset_id,
      totalPnlEur: entry.total_pnl_eur,
      expectedTotalPnlEur: Number.NaN,
      throughputMwh: Number.NaN,
      components: [],
    }));
  }
  const ids = table.text('asset_id');
  const column = (name: string) => (table.has(name) ? table.numbers(name) : new Float64Array(table.rowCount).fill(Number.NaN));
  const total = column('total_pnl_eur');
  const expected = column('expected_total_pnl_eur');
  const throughput = column('throughput_mwh');
  const parts = COMPONENTS.filter((name) => table.has(name)).map((name) => [name, table.numbers(name)] as const);
  return ids.map((assetId, r) => ({
    assetId,
    totalPnlEur: total[r],
    expectedTotalPnlEur: expected[r],
    throughputMwh: throughput[r],
    components: parts.map(([name, values]) => [name, values[r]] as const),
  }));
}
