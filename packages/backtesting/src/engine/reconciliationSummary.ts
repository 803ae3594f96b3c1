import { executionWorkflow, type EuroflexConfig } from '@euroflex/config';
import { BUCKETS, reconciliationTotals, type Reconciliation } from './reconciliation';

/**
 * `reconciliation_summary.json`: run totals of the three views and the buckets, the site's
 * and each asset's, the check that the buckets sum to realized - baseline expected, and
 * where the realized inputs came from. No run id or time: it is byte-identical across
 * reruns of the same input.
 */
export function reconciliationSummary(
  reconciliation: Reconciliation,
  meta: {
    readonly config: EuroflexConfig;
    readonly assetIds: readonly string[];
    readonly deviationSettlement: string;
    readonly realizedInputs: Readonly<Record<string, string>>;
  },
) {
  const site = reconciliationTotals(reconciliation.site);
  let bucketSum = 0;
  for (const name of BUCKETS) {
    bucketSum += site[name];
  }
  const target = site.realized_pnl_eur - site.baseline_expected_pnl_eur;
  return {
    market_id: meta.config.market.id,
    workflow: meta.config.workflow,
    base_workflow: executionWorkflow(meta.config),
    deviation_settlement: meta.deviationSettlement,
    realized_inputs: meta.realizedInputs,
    ...site,
    realized_minus_baseline_expected_eur: target,
    bucket_sum_eur: bucketSum,
    bucket_sum_error_eur: bucketSum - target,
    assets: reconciliation.assets.map((columns, a) => ({ asset_id: meta.assetIds[a], ...reconciliationTotals(columns) })),
  };
}
