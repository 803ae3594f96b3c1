import type { DispatchAssetPlan, ImbalancePlan, ObjectiveTerms, ReservePlan } from './DispatchResult';
import type { ResolvedProblem, ScenarioView } from './resolveProblem';

/** The money of a plan, recomputed from the plan itself (never from the solver's objective). */
export interface PlanMoney {
  /** Probability-weighted terms; `riskAdjustmentEur` for downside_penalty and cvar. */
  readonly terms: ObjectiveTerms;
  /** Pi_k per scenario (one entry without scenarios). */
  readonly scenarioProfitEur: Float64Array;
  /** sum of `terms` (expected value) less the risk term. */
  readonly objectiveEur: number;
}

/** The parts of a plan that carry money. */
export interface MoneyPlan {
  readonly assets: readonly DispatchAssetPlan[];
  readonly reserves: readonly ReservePlan[] | null;
  readonly imbalance: ImbalancePlan | null;
}

type MutableTerms = { -readonly [K in keyof ObjectiveTerms]-?: number };

/** Terms per scenario, weighted terms, scenario profits and the (risk-adjusted) objective. */
export function planMoney(resolved: ResolvedProblem, plan: MoneyPlan): PlanMoney {
  const { problem } = resolved;
  const dt = problem.intervalHours;
  // Scenario-independent terms first.
  let imbalanceEur = 0;
  const split = plan.imbalance;
  if (split !== null && problem.imbalance !== undefined) {
    const { surplusPriceEurPerMwh: surplus, shortagePriceEurPerMwh: shortage } = problem.imbalance;
    split.longMw.forEach((l, t) => {
      imbalanceEur += dt * (surplus[t] * l - shortage[t] * split.shortMw[t]);
    });
  }
  let degradationEur = 0;
  problem.assets.forEach((asset, a) => {
    const { chargeMw, dischargeMw } = plan.assets[a];
    for (let t = 0; t < chargeMw.length; t++) {
      degradationEur -= dt * asset.degradationEurPerMwh * (chargeMw[t] + dischargeMw[t]);
    }
  });
  let reservePenaltyEur = 0;
  plan.reserves?.forEach((reserve) => {
    for (let t = 0; t < problem.intervalCount; t++) {
      reservePenaltyEur -= dt * (problem.fcr?.penaltyEurPerMwH ?? 0) * (reserve.fcrMw?.[t] ?? 0);
      reservePenaltyEur -= dt * (problem.afrr?.penaltyEurPerMwH ?? 0) * ((reserve.afrrUpMw?.[t] ?? 0) + (reserve.afrrDownMw?.[t] ?? 0));
    }
  });

  const expected: MutableTerms = { dayAheadEur: 0, imbalanceEur, reserveCapacityEur: 0, reserveActivationEur: 0, reservePenaltyEur, degradationEur, riskAdjustmentEur: 0 };
  const scenarioProfitEur = new Float64Array(resolved.scenarios.length);
  resolved.scenarios.forEach((scenario, k) => {
    const dayAheadEur = dayAheadMoney(resolved, scenario, plan);
    const { capacityEur, activationEur } = reserveMoney(resolved, scenario, plan.reserves);
    scenarioProfitEur[k] = dayAheadEur + imbalanceEur + capacityEur + activationEur + reservePenaltyEur + degradationEur;
    expected.dayAheadEur += scenario.weight * dayAheadEur;
    expected.reserveCapacityEur += scenario.weight * capacityEur;
    expected.reserveActivationEur += scenario.weight * activationEur;
  });
  const mean =
    expected.dayAheadEur + expected.imbalanceEur + expected.reserveCapacityEur + expected.reserveActivationEur + reservePenaltyEur + degradationEur;
  const risk = resolved.risk;
  const weights = resolved.scenarios.map((scenario) => scenario.weight);
  let riskAdjustmentEur = 0;
  if (risk?.mode === 'downside_penalty') {
    const expectedProfit = weights.reduce((sum, w, k) => sum + w * scenarioProfitEur[k], 0);
    riskAdjustmentEur = -risk.lambda * weights.reduce((sum, w, k) => sum + w * Math.max(0, expectedProfit - scenarioProfitEur[k]), 0);
  } else if (risk?.mode === 'cvar') {
    riskAdjustmentEur = -risk.lambda * conditionalValueAtRiskEur(scenarioProfitEur, weights, risk.tailMass);
  }
  const { riskAdjustmentEur: _unused, ...plain } = expected;
  const terms: ObjectiveTerms = risk === null ? plain : { ...plain, riskAdjustmentEur };
  return { terms, scenarioProfitEur, objectiveEur: mean + riskAdjustmentEur };
}

function dayAheadMoney(resolved: ResolvedProblem, scenario: ScenarioView, plan: MoneyPlan): number {
  const { problem } = resolved;
  const price = scenario.dayAheadPriceEurPerMwh;
  const dt = problem.intervalHours;
  let total = 0;
  if (problem.imbalance === undefined) {
    for (const { chargeMw, dischargeMw } of plan.assets) {
      for (let t = 0; t < chargeMw.length; t++) {
        total += dt * price[t] * (dischargeMw[t] - chargeMw[t]);
      }
    }
  } else if (problem.imbalance.baseline === 'free' && plan.imbalance?.baselineMw !== undefined) {
    plan.imbalance.baselineMw.forEach((b, t) => {
      total += dt * price[t] * b;
    });
  }
  return total;
}

function reserveMoney(
  resolved: ResolvedProblem,
  scenario: ScenarioView,
  reserves: readonly ReservePlan[] | null,
): { capacityEur: number; activationEur: number } {
  const dt = resolved.problem.intervalHours;
  const sigma = resolved.problem.afrr?.downActivationSign ?? 1;
  let capacityEur = 0;
  let activationEur = 0;
  for (const reserve of reserves ?? []) {
    const { fcrMw, afrrUpMw, afrrDownMw } = reserve;
    const fcrPrice = scenario.fcrCapacityPriceEurPerMwH;
    if (fcrMw !== undefined && fcrPrice !== null) {
      fcrMw.forEach((r, t) => {
        capacityEur += dt * fcrPrice[t] * r;
      });
    }
    const afrr = scenario.afrr;
    if (afrrUpMw !== undefined && afrrDownMw !== undefined && afrr !== null) {
      for (let t = 0; t < afrrUpMw.length; t++) {
        const u = afrrUpMw[t];
        const w = afrrDownMw[t];
        capacityEur += dt * (afrr.capacityUpEurPerMwH[t] * u + afrr.capacityDownEurPerMwH[t] * w);
        activationEur += dt * (afrr.upRatio[t] * afrr.activationUpEurPerMwh[t] * u + sigma * afrr.downRatio[t] * afrr.activationDownEurPerMwh[t] * w);
      }
    }
  }
  return { capacityEur, activationEur };
}

/**
 * CVaR_alpha of the loss -Pi in EUR: the probability-weighted mean of -Pi_k over the worst
 * `tailMass` of probability (alpha = 0.05: the worst 5 %; a scenario straddling the edge
 * counts with the part of its weight inside). Equals min_eta eta + (1/alpha) sum_k w_k (-Pi_k - eta)+.
 */
export function conditionalValueAtRiskEur(profitsEur: ArrayLike<number>, weights: readonly number[], tailMass: number): number {
  const order = Array.from({ length: profitsEur.length }, (_, k) => k).sort((i, j) => profitsEur[i] - profitsEur[j]);
  let remaining = tailMass;
  let lossEur = 0;
  for (const k of order) {
    if (remaining <= 0) {
      break;
    }
    const take = Math.min(weights[k], remaining);
    lossEur += take * -profitsEur[k];
    remaining -= take;
  }
  // Weights that sum to slightly under 1 leave a sliver of tail mass; it is rounding, not a scenario.
  return lossEur / (tailMass - Math.max(0, remaining));
}
