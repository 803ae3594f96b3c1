import type { RunSummaryFile } from '../io/readRunDirectory';

/** How a portfolio run compares with single-asset runs of its assets. */
export interface PortfolioUplift {
  readonly portfolioRunId: string;
  /** Single-asset run used for each asset of the portfolio (asset id -> run id), in config order. */
  readonly singleRunIds: Readonly<Record<string, string>>;
  /** Assets of the portfolio without a matching single-asset run. */
  readonly missingAssets: readonly string[];
  readonly portfolioTotalPnlEur: number;
  /** Sum of the matched single-asset runs' totals, EUR (null unless every asset matched). */
  readonly singlesTotalPnlEur: number | null;
  /** Portfolio total minus the singles' sum, EUR (null unless every asset matched). */
  readonly upliftEur: number | null;
  /** One sentence saying what was compared, or why nothing was. */
  readonly basis: string;
}

/** The fields that must agree for a single-asset run to count against a portfolio run. */
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

/**
 * Portfolio uplift of every portfolio run among `summaries`: its total PnL minus the sum
 * of the totals of single-asset runs of the same market, workflow, provider and delivery
 * window, one per portfolio asset (matched by asset id; the first such run in input
 * order). Where an asset has no such run the uplift is null and `missingAssets` says
 * which. The shared POI is what the portfolio adds: each single-asset run has its own.
 */
export function portfolioUplifts(summaries: readonly RunSummaryFile[]): PortfolioUplift[] {
  const out: PortfolioUplift[] = [];
  for (const portfolio of summaries) {
    if (portfolio.run_scope !== 'portfolio') {
      continue;
    }
    const singleRunIds: Record<string, string> = {};
    const missingAssets: string[] = [];
    let singlesTotal = 0;
    for (const assetId of portfolio.asset_ids) {
      const single = summaries.find((s) => s.run_scope === 'single_asset' && s.asset_ids.length === 1 && s.asset_ids[0] === assetId && sameSetting(portfolio, s));
      if (single === undefined) {
        missingAssets.push(assetId);
      } else {
        singleRunIds[assetId] = single.run_id;
        singlesTotal += single.total_pnl_eur;
      }
    }
    const setting = `${portfolio.market_id} ${portfolio.workflow}, ${portfolio.provider_name}, ${portfolio.delivery_start_date} .. ${portfolio.delivery_end_date}`;
    const complete = missingAssets.length === 0;
    out.push({
      portfolioRunId: portfolio.run_id,
      singleRunIds,
      missingAssets,
      portfolioTotalPnlEur: portfolio.total_pnl_eur,
      singlesTotalPnlEur: complete ? singlesTotal : null,
      upliftEur: complete ? portfolio.total_pnl_eur - singlesTotal : null,
      basis: complete
        ? `${portfolio.run_id} minus the single-asset runs ${Object.entries(singleRunIds)
            .map(([asset, run]) => `${run} (${asset})`)
            .join(' + ')} (${setting})`
        : `no single-asset run of ${missingAssets.join(', ')} with ${setting}: uplift not computed`,
    });
  }
  return out;
}
