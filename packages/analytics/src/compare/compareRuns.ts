import { basename, resolve } from 'node:path';
import { UserError } from '@euroflex/config';
import type { RunDirectory, RunSummaryFile } from '../io/readRunDirectory';
import { comparisonWarnings } from './comparisonWarnings';
import { portfolioUplifts, type PortfolioUplift } from './portfolioUplift';

/**
 * What a comparison needs of a run directory; without `configSnapshot` the portfolio
 * uplift cannot check the degradation settings (they count as absent).
 */
export type ComparedRun = Pick<RunDirectory, 'dir' | 'summary'> & Partial<Pick<RunDirectory, 'configSnapshot'>>;

/** One cell of the comparison table (null = not applicable). */
export type ComparisonCell = string | number | boolean | null;

/** Runs grouped by market, workflow, base workflow and scope. */
export interface ComparisonGroup {
  readonly market_id: string;
  readonly workflow: string;
  /** The workflow a schedule_revision run revises (else the workflow itself). */
  readonly base_workflow: string;
  readonly run_scope: string;
  readonly run_count: number;
  readonly run_ids: readonly string[];
  readonly total_pnl_eur_mean: number;
  readonly total_pnl_eur_min: number;
  readonly total_pnl_eur_max: number;
  readonly expected_total_pnl_eur_mean: number;
  readonly oracle_gap_total_pnl_eur_mean: number;
  readonly throughput_mwh_mean: number;
  readonly equivalent_full_cycles_mean: number;
}

export interface Comparison {
  readonly reference_run_id: string;
  /** Column names of `runs`, in table order. */
  readonly columns: readonly string[];
  /** One row per run, in input order. */
  readonly runs: readonly Readonly<Record<string, ComparisonCell>>[];
  /** Sorted by market, workflow, base workflow and scope. */
  readonly groups: readonly ComparisonGroup[];
  readonly portfolio_uplift: readonly PortfolioUplift[];
  /** What the comparison mixes (delivery windows, uplift runs left out), one sentence each; the figures are computed anyway. */
  readonly warnings: readonly string[];
}

export interface CompareOptions {
  /** Run id, run directory or its folder name of the reference run. Defaults to the first run. */
  readonly reference?: string;
}

const IDENTITY = ['run_id', 'run_dir', 'market_id', 'workflow', 'base_workflow', 'run_scope', 'provider_name', 'benchmark_name', 'asset_count', 'asset_ids', 'delivery_start_date', 'delivery_end_date', 'interval_count'] as const;
const KPIS = [
  'total_pnl_eur',
  'expected_total_pnl_eur',
  'oracle_total_pnl_eur',
  'oracle_gap_total_pnl_eur',
  'da_revenue_eur',
  'imbalance_revenue_eur',
  'reserve_capacity_revenue_eur',
  'reserve_activation_revenue_eur',
  'reserve_penalty_eur',
  'degradation_cost_eur',
  'throughput_mwh',
  'equivalent_full_cycles',
  'idle_share',
  'reserve_share_of_total_revenue',
  'fcr_reserved_mw_avg',
  'afrr_up_reserved_mw_avg',
  'afrr_down_reserved_mw_avg',
] as const;
/** KPIs that get a delta against the reference run. */
const DELTAS = ['total_pnl_eur', 'expected_total_pnl_eur', 'oracle_gap_total_pnl_eur', 'throughput_mwh', 'equivalent_full_cycles'] as const;

function numberOr(summary: RunSummaryFile, key: string): number | null {
  const value = summary[key];
  return typeof value === 'number' ? value : null;
}

function referenceIndex(runs: readonly ComparedRun[], reference: string | undefined): number {
  if (reference === undefined) {
    return 0;
  }
  const dir = resolve(reference);
  const index = runs.findIndex((run) => run.summary.run_id === reference || run.dir === dir || basename(run.dir) === reference);
  if (index < 0) {
    throw new UserError(`--reference ${reference} is none of the compared runs (${runs.map((run) => run.summary.run_id).join(', ')})`);
  }
  return index;
}

function forecastSeries(runs: readonly ComparedRun[]): string[] {
  const names = new Set<string>();
  for (const run of runs) {
    Object.keys(run.summary.forecast_error ?? {}).forEach((name) => names.add(name));
  }
  return [...names].sort();
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** `workflow`, or `schedule_revision (da_plus_afrr)` when the run revises another workflow. */
export function workflowLabel(workflow: string, baseWorkflow: string | undefined): string {
  return baseWorkflow === undefined || baseWorkflow === workflow ? workflow : `${workflow} (${baseWorkflow})`;
}

function membersByGroup(runs: readonly ComparedRun[]): RunSummaryFile[][] {
  const groups = new Map<string, RunSummaryFile[]>();
  for (const { summary } of runs) {
    const key = [summary.market_id, summary.workflow, summary.base_workflow, summary.run_scope].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), summary]);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([, members]) => members);
}

function groupOf(members: readonly RunSummaryFile[]): ComparisonGroup {
  const totals = members.map((s) => s.total_pnl_eur);
  return {
    market_id: members[0].market_id,
    workflow: members[0].workflow,
    base_workflow: members[0].base_workflow,
    run_scope: members[0].run_scope,
    run_count: members.length,
    run_ids: members.map((s) => s.run_id),
    total_pnl_eur_mean: mean(totals),
    total_pnl_eur_min: Math.min(...totals),
    total_pnl_eur_max: Math.max(...totals),
    expected_total_pnl_eur_mean: mean(members.map((s) => s.expected_total_pnl_eur)),
    oracle_gap_total_pnl_eur_mean: mean(members.map((s) => s.oracle_gap_total_pnl_eur)),
    throughput_mwh_mean: mean(members.map((s) => s.throughput_mwh)),
    equivalent_full_cycles_mean: mean(members.map((s) => s.equivalent_full_cycles)),
  };
}

/**
 * Runs side by side: identity, PnL components, oracle gap and capture, operation
 * statistics and forecast MAE per series; deltas of the main figures against a reference
 * run; groups by market, workflow, base workflow and scope; the portfolio uplift over
 * matching single-asset runs; and warnings about what is mixed (delivery windows, uplift
 * runs left out). Pure and deterministic: the same runs give the same comparison.
 */
export function compareRuns(runs: readonly ComparedRun[], options: CompareOptions = {}): Comparison {
  if (runs.length === 0) {
    throw new UserError('compare needs at least one run directory');
  }
  const seen = new Set<string>();
  for (const run of runs) {
    if (seen.has(run.summary.run_id)) {
      throw new UserError(`run ${run.summary.run_id} is given twice`);
    }
    seen.add(run.summary.run_id);
  }
  const reference = runs[referenceIndex(runs, options.reference)].summary;
  const series = forecastSeries(runs);
  const uplifts = portfolioUplifts(runs);
  const columns = [
    ...IDENTITY,
    'is_reference',
    ...KPIS,
    'oracle_capture_ratio',
    ...series.map((name) => `forecast_mae_${name}`),
    ...DELTAS.map((name) => `delta_${name}`),
    'portfolio_uplift_eur',
    'portfolio_uplift_basis',
  ];
  const rows = runs.map(({ dir, summary }) => {
    const row: Record<string, ComparisonCell> = {
      run_id: summary.run_id,
      run_dir: dir,
      market_id: summary.market_id,
      workflow: summary.workflow,
      base_workflow: summary.base_workflow,
      run_scope: summary.run_scope,
      provider_name: summary.provider_name,
      benchmark_name: summary.benchmark_name,
      asset_count: summary.asset_count,
      asset_ids: summary.asset_ids.join(' '),
      delivery_start_date: summary.delivery_start_date,
      delivery_end_date: summary.delivery_end_date,
      interval_count: summary.interval_count,
      is_reference: summary.run_id === reference.run_id,
    };
    for (const key of KPIS) {
      row[key] = numberOr(summary, key);
    }
    row.oracle_capture_ratio = summary.oracle_total_pnl_eur > 1e-9 ? summary.total_pnl_eur / summary.oracle_total_pnl_eur : null;
    for (const name of series) {
      row[`forecast_mae_${name}`] = (summary.forecast_error as Record<string, { mae: number } | undefined>)[name]?.mae ?? null;
    }
    for (const key of DELTAS) {
      const value = numberOr(summary, key);
      const base = numberOr(reference, key);
      row[`delta_${key}`] = value === null || base === null ? null : value - base;
    }
    const uplift = uplifts.find((u) => u.portfolioRunId === summary.run_id);
    row.portfolio_uplift_eur = uplift?.upliftEur ?? null;
    row.portfolio_uplift_basis = uplift?.basis ?? null;
    return row;
  });
  const members = membersByGroup(runs);
  const groups = members.map(groupOf);
  const warned = groups.map((g, i) => ({ label: `${g.market_id} / ${workflowLabel(g.workflow, g.base_workflow)} / ${g.run_scope}`, members: members[i] }));
  const warnings = comparisonWarnings(
    reference,
    runs.map((run) => run.summary),
    warned,
    uplifts,
  );
  return { reference_run_id: reference.run_id, columns, runs: rows, groups, portfolio_uplift: uplifts, warnings };
}
