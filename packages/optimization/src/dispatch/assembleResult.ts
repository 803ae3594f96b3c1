import type { SolveStatus } from '../solver/SolveResult';
import type { DispatchAssetPlan, DispatchDuals, ExtendedDispatchResult, ImbalancePlan } from './DispatchResult';
import type { DispatchTally } from './DispatchTally';
import { removeOverlap, type ExclusivityPlan } from './exclusivity';
import { planMoney } from './planMoney';
import { DUST_MW, type PlanParts } from './readPlan';
import type { ResolvedProblem } from './resolveProblem';

/** A solved attempt: the plan, the modes that produced it, its status and POI duals. */
export interface DispatchAttempt {
  readonly parts: PlanParts;
  readonly modes: ExclusivityPlan;
  readonly status: SolveStatus;
  readonly duals: DispatchDuals | undefined;
}

/**
 * The result of a solved attempt: overlaps in intervals without a binary are removed by the
 * exchange (which loses nothing there), the imbalance split is recomputed from the repaired
 * schedule as l = (n - b)+, h = (b - n)+, and every money figure is recomputed from the plan.
 */
export function assembleResult(resolved: ResolvedProblem, attempt: DispatchAttempt, tally: DispatchTally): ExtendedDispatchResult {
  const { problem } = resolved;
  const { parts, modes } = attempt;
  problem.assets.forEach((asset, a) => removeOverlap(asset, modes.battery[a], parts.assets[a].chargeMw, parts.assets[a].dischargeMw));
  if (parts.baselineAssets !== null && modes.baseline !== null) {
    const baseline = parts.baselineAssets;
    const baselineModes = modes.baseline;
    problem.assets.forEach((asset, a) => removeOverlap(asset, baselineModes[a], baseline[a].chargeMw, baseline[a].dischargeMw));
  }
  const imbalance = imbalanceSplit(resolved, parts.assets, parts.baselineAssets);
  const money = planMoney(resolved, { assets: parts.assets, reserves: parts.reserves, imbalance });
  return {
    status: attempt.status,
    objectiveEur: money.objectiveEur,
    assets: parts.assets,
    solvedAs: tally.solvedAs,
    stats: tally.stats(),
    ...(attempt.duals !== undefined ? { duals: attempt.duals } : {}),
    ...(parts.reserves !== null ? { reserves: parts.reserves } : {}),
    ...(imbalance !== null ? { imbalance } : {}),
    ...(parts.scenarioSocMwh !== null ? { scenarioSocMwh: parts.scenarioSocMwh, scenarioProfitEur: money.scenarioProfitEur } : {}),
    terms: money.terms,
  };
}

function imbalanceSplit(
  resolved: ResolvedProblem,
  assets: readonly DispatchAssetPlan[],
  baselineAssets: readonly DispatchAssetPlan[] | null,
): ImbalancePlan | null {
  const { problem } = resolved;
  const input = problem.imbalance;
  if (input === undefined) {
    return null;
  }
  const n = problem.intervalCount;
  const baselineMw = input.baseline === 'free' ? netExport(baselineAssets ?? [], n) : input.baseline;
  const deviation = netExport(assets, n);
  const longMw = new Float64Array(n);
  const shortMw = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const dev = deviation[t] - baselineMw[t];
    if (dev > DUST_MW) {
      longMw[t] = dev;
    } else if (dev < -DUST_MW) {
      shortMw[t] = -dev;
    }
  }
  if (input.baseline !== 'free' || baselineAssets === null) {
    return { longMw, shortMw };
  }
  const baselineAssetsMw = baselineAssets.map((copy) => netExport([copy], n));
  return { longMw, shortMw, baselineMw, baselineAssetsMw, baselineAssets };
}

function netExport(assets: readonly DispatchAssetPlan[], n: number): Float64Array {
  const net = new Float64Array(n);
  for (const { chargeMw, dischargeMw } of assets) {
    for (let t = 0; t < n; t++) {
      net[t] += dischargeMw[t] - chargeMw[t];
    }
  }
  return net;
}
