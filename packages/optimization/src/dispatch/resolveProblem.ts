import type { AfrrInput, ExtendedDispatchProblem, ReserveEnergyRule, RiskInput } from './DispatchProblem';

/** aFRR prices and ratios of one scenario, per interval. */
export interface AfrrPrices {
  readonly capacityUpEurPerMwH: Float64Array;
  readonly capacityDownEurPerMwH: Float64Array;
  readonly activationUpEurPerMwh: Float64Array;
  readonly activationDownEurPerMwh: Float64Array;
  readonly upRatio: Float64Array;
  readonly downRatio: Float64Array;
}

/** The prices one scenario sees: its own where it sets them, the base problem's elsewhere. */
export interface ScenarioView {
  readonly weight: number;
  readonly dayAheadPriceEurPerMwh: Float64Array;
  /** pFCR, or null without FCR. */
  readonly fcrCapacityPriceEurPerMwH: Float64Array | null;
  /** aFRR prices and ratios, or null without aFRR. */
  readonly afrr: AfrrPrices | null;
}

/**
 * One SoC trajectory of every battery. Without scenarios (or when all scenarios share the
 * activation ratios) there is one copy shared by all; otherwise one per scenario.
 */
export interface SocCopy {
  /** The scenario of a per-scenario copy; null for the shared copy. */
  readonly scenarioIndex: number | null;
  /** rhoU, rhoD of this copy; null without aFRR. */
  readonly upRatio: Float64Array | null;
  readonly downRatio: Float64Array | null;
}

/** The problem with every default applied, as the model builder and the result reader see it. */
export interface ResolvedProblem {
  readonly problem: ExtendedDispatchProblem;
  /** At least one: the base problem (weight 1) when no scenarios were given. Weights sum to 1 exactly. */
  readonly scenarios: readonly ScenarioView[];
  /** True when the problem gave a scenario bundle (then `scenarioSocMwh` is reported). */
  readonly hasScenarios: boolean;
  readonly socCopies: readonly SocCopy[];
  /** Scenario k uses SoC copy `copyOfScenario[k]`. */
  readonly copyOfScenario: Int32Array;
  /** downside_penalty or cvar with lambda > 0 and scenarios; null means the (expected) profit is maximised. */
  readonly risk: RiskInput | null;
  readonly reserveEnergy: ReserveEnergyRule;
}

/**
 * Applies the defaults of an extended problem: scenario prices fall back to the base
 * problem's, risk without scenarios (or with lambda 0) is the plain expected profit,
 * reserve energy defaults to `additive`.
 */
export function resolveProblem(problem: ExtendedDispatchProblem): ResolvedProblem {
  const base = problem.scenarios ?? [];
  // Weights are validated to sum to 1 within 1e-6; normalising makes the mean SoC start exactly at S0.
  const totalWeight = base.reduce((sum, scenario) => sum + scenario.weight, 0);
  const fcr = problem.fcr;
  const afrr = problem.afrr;
  const scenarios: ScenarioView[] =
    base.length === 0
      ? [{ weight: 1, dayAheadPriceEurPerMwh: problem.dayAheadPriceEurPerMwh, fcrCapacityPriceEurPerMwH: fcr?.capacityPriceEurPerMwH ?? null, afrr: afrr === undefined ? null : afrrPricesOf(afrr) }]
      : base.map((scenario) => ({
          weight: scenario.weight / totalWeight,
          dayAheadPriceEurPerMwh: scenario.dayAheadPriceEurPerMwh ?? problem.dayAheadPriceEurPerMwh,
          fcrCapacityPriceEurPerMwH: fcr === undefined ? null : (scenario.fcrCapacityPriceEurPerMwH ?? fcr.capacityPriceEurPerMwH),
          afrr:
            afrr === undefined
              ? null
              : {
                  capacityUpEurPerMwH: scenario.afrrCapacityUpPriceEurPerMwH ?? afrr.capacityUpPriceEurPerMwH,
                  capacityDownEurPerMwH: scenario.afrrCapacityDownPriceEurPerMwH ?? afrr.capacityDownPriceEurPerMwH,
                  activationUpEurPerMwh: scenario.afrrActivationUpPriceEurPerMwh ?? afrr.activationUpPriceEurPerMwh,
                  activationDownEurPerMwh: scenario.afrrActivationDownPriceEurPerMwh ?? afrr.activationDownPriceEurPerMwh,
                  upRatio: scenario.afrrActivationUpRatio ?? afrr.activationUpRatio,
                  downRatio: scenario.afrrActivationDownRatio ?? afrr.activationDownRatio,
                },
        }));
  const { socCopies, copyOfScenario } = socCopiesOf(scenarios);
  const risk = problem.risk;
  const riskApplies = base.length > 0 && risk !== undefined && risk.mode !== 'expected_value' && risk.lambda > 0;
  return {
    problem,
    scenarios,
    hasScenarios: base.length > 0,
    socCopies,
    copyOfScenario,
    risk: riskApplies ? risk : null,
    reserveEnergy: problem.reserveEnergy ?? 'additive',
  };
}

function afrrPricesOf(afrr: AfrrInput): AfrrPrices {
  return {
    capacityUpEurPerMwH: afrr.capacityUpPriceEurPerMwH,
    capacityDownEurPerMwH: afrr.capacityDownPriceEurPerMwH,
    activationUpEurPerMwh: afrr.activationUpPriceEurPerMwh,
    activationDownEurPerMwh: afrr.activationDownPriceEurPerMwh,
    upRatio: afrr.activationUpRatio,
    downRatio: afrr.activationDownRatio,
  };
}

/**
 * Scenarios differ in SoC only through the activation ratios. When every scenario has the
 * same ratios (or there is no aFRR), one SoC copy serves them all, which keeps the model as
 * small as the deterministic one; otherwise every scenario gets its own copy.
 */
function socCopiesOf(scenarios: readonly ScenarioView[]): { socCopies: SocCopy[]; copyOfScenario: Int32Array } {
  const first = scenarios[0].afrr;
  const shared =
    first === null ||
    scenarios.every((s) => s.afrr !== null && sameValues(s.afrr.upRatio, first.upRatio) && sameValues(s.afrr.downRatio, first.downRatio));
  if (shared || scenarios.length === 1) {
    return {
      socCopies: [{ scenarioIndex: null, upRatio: first?.upRatio ?? null, downRatio: first?.downRatio ?? null }],
      copyOfScenario: new Int32Array(scenarios.length),
    };
  }
  return {
    socCopies: scenarios.map((s, k) => ({ scenarioIndex: k, upRatio: s.afrr?.upRatio ?? null, downRatio: s.afrr?.downRatio ?? null })),
    copyOfScenario: Int32Array.from(scenarios, (_, k) => k),
  };
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a === b) {
    return true;
  }
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}
