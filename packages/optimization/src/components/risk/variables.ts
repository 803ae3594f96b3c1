import type { RiskInput } from '../../dispatch/DispatchProblem';
import type { VariableBlock } from '../../model/blocks';
import type { ModelBuilder } from '../../model/ModelBuilder';

/** Columns of a risk-averse scenario objective (downside_penalty or cvar). */
export interface RiskColumns {
  readonly mode: 'downside_penalty' | 'cvar';
  /** `risk.scenario_profit_eur` pi_k, free: the profit of scenario k. */
  readonly profit: VariableBlock;
  /** `risk.shortfall_eur` sf_k >= 0 (downside_penalty). */
  readonly shortfall: VariableBlock | null;
  /** `risk.value_at_risk_eur` eta, free (cvar). */
  readonly valueAtRisk: VariableBlock | null;
  /** `risk.tail_excess_eur` e_k >= 0 (cvar). */
  readonly tailExcess: VariableBlock | null;
}

/** Defines pi_k and the mode's auxiliary columns, indexed by scenario (`risk.scenario_profit_eur.k0002`). */
export function defineRiskVariables(builder: ModelBuilder, risk: RiskInput, scenarioCount: number): RiskColumns {
  const perScenario = { axis: 'k' as const };
  const profit = builder.addVariables('risk.scenario_profit_eur', null, scenarioCount, { lower: -Infinity, upper: Infinity, ...perScenario });
  if (risk.mode === 'downside_penalty') {
    const shortfall = builder.addVariables('risk.shortfall_eur', null, scenarioCount, { lower: 0, upper: Infinity, ...perScenario });
    return { mode: 'downside_penalty', profit, shortfall, valueAtRisk: null, tailExcess: null };
  }
  const valueAtRisk = builder.addVariables('risk.value_at_risk_eur', null, 1, { lower: -Infinity, upper: Infinity, axis: 'none' });
  const tailExcess = builder.addVariables('risk.tail_excess_eur', null, scenarioCount, { lower: 0, upper: Infinity, ...perScenario });
  return { mode: 'cvar', profit, shortfall: null, valueAtRisk, tailExcess };
}
