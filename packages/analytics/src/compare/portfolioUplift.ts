import type { RunSummaryFile } from '../io/readRunDirectory';
import { settingDifferences, type SettingsRun } from './modelSettings';

/** A single-asset run of a portfolio asset left out of the uplift because its model settings differ. */
export interface ExcludedSingleRun {
  readonly runId: string;
  readonly assetId: string;
  /** Each differing field as `field value (portfolio value)`, e.g. `model.profile "reference_v1" (portfolio "strict")`. */
  readonly differences: readonly string[];
}

/** How a portfolio run compares with single-asset runs of its assets. */
export interface PortfolioUplift {
  readonly portfolioRunId: string;
  /** Single-asset run used for each asset of the portfolio (asset id -> run id), in config order. */
  readonly singleRunIds: Readonly<Record<string, string>>;
  /** Assets of the portfolio without a matching single-asset run. */
  readonly missingAssets: readonly string[];
  /** Single-asset runs of the same market, workflow, provider and window not used: their model settings differ. */
  readonly excludedRuns: readonly ExcludedSingleRun[];
  readonly portfolioTotalPnlEur: number;
  /** Sum of the matched single-asset runs' totals, EUR (null unless every asset matched). */
  readonly singlesTotalPnlEur: number | null;
  /** Portfolio total minus the singles' sum, EUR (null unless every asset matched). */
  readonly upliftEur: number | null;
  /** One sentence saying what was compared, or why nothing was. */
  readonly basis: string;
}

/** The identity fields that must agree for a single-asset run to count against a portfolio run. */
function sameSetting(portfolio: RunSummaryFile, single: RunSummaryFile): boolean {
  return (
    single.market_id === portfolio.market_id &&
    single.workflow === portfolio.workflow &&
    single.base_workflow === portfolio.base_workflow &&
    single.provider_name === portfolio.provider_name &&
    single.delivery_start_date === portfolio.delivery_start_date &&
    single.delivery_end_date === portfolio.delivery_end_date
  );
}

/** `RUN (asset): field value (portfolio value), ...` for each excluded run. */
export function excludedRunsText(excluded: readonly ExcludedSingleRun[]): string {
  return excluded.map((run) => `${run.runId} (${run.assetId}): ${run.differences.join(', ')}`).join('; ');
}

function basisOf(portfolio: RunSummaryFile, singleRunIds: Record<string, string>, missingAssets: readonly string[], excluded: readonly ExcludedSingleRun[]): string {
  const setting = `${portfolio.market_id} ${portfolio.workflow}, ${portfolio.provider_name}, ${portfolio.delivery_start_date} .. ${portfolio.delivery_end_date}, the portfolio's model profile, switches and degradation`;
  const notUsed = excluded.length === 0 ? '' : `; not used, model settings differ: ${excludedRunsText(excluded)}`;
  if (missingAssets.length > 0) {
    return `no single-asset run of ${missingAssets.join(', ')} with ${setting}: uplift not computed${notUsed}`;
  }
  const used = Object.entries(singleRunIds)
    .map(([asset, run]) => `${run} (${asset})`)
    .join(' + ');
  return `${portfolio.run_id} minus the single-asset runs ${used} (${setting})${notUsed}`;
}

/**
 * Portfolio uplift of every portfolio run among `runs`: its total PnL minus the sum of the
 * totals of single-asset runs of the same market, workflow, base workflow, provider,
 * delivery window, model profile and switches (`summary.model`) and degradation settings
 * (`config_snapshot.yaml`), one per portfolio asset (matched by asset id; the first such
 * run in input order). Single-asset runs that differ only in model settings are listed in
 * `excludedRuns` with the differing fields. Where an asset has no matching run the uplift
 * is null and `missingAssets` says which. The shared POI is what the portfolio adds: each
 * single-asset run has its own.
 */
export function portfolioUplifts(runs: readonly SettingsRun[]): PortfolioUplift[] {
  const out: PortfolioUplift[] = [];
  for (const portfolioRun of runs) {
    const portfolio = portfolioRun.summary;
    if (portfolio.run_scope !== 'portfolio') {
      continue;
    }
    const singleRunIds: Record<string, string> = {};
    const missingAssets: string[] = [];
    const excludedRuns: ExcludedSingleRun[] = [];
    let singlesTotal = 0;
    for (const assetId of portfolio.asset_ids) {
      const candidates = runs
        .filter(({ summary: s }) => s.run_scope === 'single_asset' && s.asset_ids.length === 1 && s.asset_ids[0] === assetId && sameSetting(portfolio, s))
        .map((run) => ({ run, differences: settingDifferences(portfolioRun, run, 'portfolio') }));
      const single = candidates.find(({ differences }) => differences.length === 0)?.run;
      if (single === undefined) {
        missingAssets.push(assetId);
      } else {
        singleRunIds[assetId] = single.summary.run_id;
        singlesTotal += single.summary.total_pnl_eur;
      }
      for (const { run, differences } of candidates) {
        if (differences.length > 0) {
          excludedRuns.push({ runId: run.summary.run_id, assetId, differences });
        }
      }
    }
    const complete = missingAssets.length === 0;
    out.push({
      portfolioRunId: portfolio.run_id,
      singleRunIds,
      missingAssets,
      excludedRuns,
      portfolioTotalPnlEur: portfolio.total_pnl_eur,
      singlesTotalPnlEur: complete ? singlesTotal : null,
      upliftEur: complete ? portfolio.total_pnl_eur - singlesTotal : null,
      basis: basisOf(portfolio, singleRunIds, missingAssets, excludedRuns),
    });
  }
  return out;
}
