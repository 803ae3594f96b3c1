// Risk rows (spec/model.md via engine.md "Scenario bundles"), one per scenario k:
//   risk.scenario_profit   pi_k - Pi_k(x) = 0         Pi_k: the objective terms at scenario k's prices
//   risk.shortfall         sf_k - sum_j w_j pi_j + pi_k >= 0      (sf_k >= E[Pi] - Pi_k; downside_penalty)
//   risk.tail_excess       e_k + pi_k + eta >= 0                  (e_k >= -Pi_k - eta; cvar)
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { ProfitRow } from '../../model/ProfitSink';
import type { RiskColumns } from './variables';

export function defineScenarioProfit(builder: ModelBuilder, risk: RiskColumns, profits: readonly ProfitRow[]): void {
  const rows = builder.addConstraints('risk.scenario_profit', null, profits.length, { lower: 0, upper: 0, axis: 'k' });
  profits.forEach((profit, k) => {
    builder.addCoefficient(rows.offset + k, risk.profit.offset + k, 1);
    profit.forEach((col, eur) => builder.addCoefficient(rows.offset + k, col, -eur));
  });
}

export function defineShortfall(builder: ModelBuilder, risk: RiskColumns, weights: readonly number[]): void {
  if (risk.shortfall === null) {
    return;
  }
  const count = weights.length;
  const rows = builder.addConstraints('risk.shortfall', null, count, { lower: 0, upper: Infinity, axis: 'k' });
  for (let k = 0; k < count; k++) {
    builder.addCoefficient(rows.offset + k, risk.shortfall.offset + k, 1);
    for (let j = 0; j < count; j++) {
      // pi_k appears in the mean too: one entry with the summed coefficient.
      builder.addCoefficient(rows.offset + k, risk.profit.offset + j, (j === k ? 1 : 0) - weights[j]);
    }
  }
}

export function defineTailExcess(builder: ModelBuilder, risk: RiskColumns): void {
  if (risk.tailExcess === null || risk.valueAtRisk === null) {
    return;
  }
  const count = risk.profit.count;
  const rows = builder.addConstraints('risk.tail_excess', null, count, { lower: 0, upper: Infinity, axis: 'k' });
  for (let k = 0; k < count; k++) {
    builder.addCoefficient(rows.offset + k, risk.tailExcess.offset + k, 1);
    builder.addCoefficient(rows.offset + k, risk.profit.offset + k, 1);
    builder.addCoefficient(rows.offset + k, risk.valueAtRisk.offset, 1);
  }
}
