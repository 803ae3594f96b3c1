// Risk objective (maximise, EUR), with weights w_k, lambda >= 0 and tail mass alpha in (0, 1]:
//   downside_penalty   sum_k w_k pi_k - lambda sum_k w_k sf_k
//   cvar               sum_k w_k pi_k - lambda (eta + (1 / alpha) sum_k w_k e_k)
// At the optimum eta + (1/alpha) sum_k w_k e_k = CVaR_alpha(-Pi), the mean loss over the worst
// alpha of probability mass (alpha = 0.05: the worst 5 %).
import type { RiskInput } from '../../dispatch/DispatchProblem';
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { RiskColumns } from './variables';

export function defineRiskObjective(builder: ModelBuilder, cols: RiskColumns, risk: RiskInput, weights: readonly number[]): void {
  weights.forEach((w, k) => {
    builder.addCost(cols.profit.offset + k, w);
    if (cols.shortfall !== null) {
      builder.addCost(cols.shortfall.offset + k, -risk.lambda * w);
    }
    if (cols.tailExcess !== null) {
      builder.addCost(cols.tailExcess.offset + k, (-risk.lambda * w) / risk.tailMass);
    }
  });
  if (cols.valueAtRisk !== null) {
    builder.addCost(cols.valueAtRisk.offset, -risk.lambda);
  }
}
