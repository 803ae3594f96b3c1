import { UserError } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import {
  checkPlanInvariants,
  solveDispatch,
  type DispatchProblem,
  type ExtendedDispatchProblem,
  type ExtendedDispatchResult,
} from '@euroflex/optimization';
import { buildProblem } from './problem';
import type { EngineContext } from './types';

/** The da_only dispatch problem of one day from the given start SoCs and price forecast. */
export function dayAheadProblem(
  context: EngineContext,
  instantsMs: Float64Array,
  startSocMwh: readonly number[],
  priceEurPerMwh: Float64Array,
): DispatchProblem {
  return buildProblem(context, { instantsMs, startSocMwh, prices: { dayAheadEurPerMwh: priceEurPerMwh } });
}

/**
 * Node limit of the exclusivity MILP in intraday windows (rebalances, revisions): the root
 * only, with RENS. Their forecasts can be flat (persistence holds the last imbalance price),
 * which makes every charge/discharge pattern of the window tie; branch and bound then spends
 * seconds on a proof while RENS at the root finds a plan as good as 200 nodes did, in half
 * the time. The limit is deterministic; the plan is valid and its gap is logged
 * (docs/decisions/0002-intraday-milp-node-limit.md).
 */
export const INTRADAY_MIP_MAX_NODES = 1;

/**
 * Node limit of a gate decision's MILP in a forecast-driven run (with RENS at the root). A
 * persistence forecast that holds a deeply negative imbalance price flat over a whole day
 * puts a binary on every interval of every asset (192 for two batteries), and proving that
 * optimum takes minutes; ordinary negative-price days are proven within a few dozen nodes.
 * The oracle, and a perfect-foresight run (its own oracle), are never limited: the oracle
 * stays a proven upper bound.
 */
export const GATE_MIP_MAX_NODES = 100;

/** What a solve decides: a gate, an intraday window, or an oracle day. */
export type DecisionKind = 'gate' | 'intraday' | 'oracle';

/** The MILP limits of a forecast-driven intraday window. */
export const INTRADAY_MIP_LIMITS = { mipMaxNodes: INTRADAY_MIP_MAX_NODES, mipRootHeuristic: true } as const;

function mipLimits(context: EngineContext, kind: DecisionKind): { mipMaxNodes: number; mipRootHeuristic: boolean } | undefined {
  switch (kind) {
    case 'intraday':
      return INTRADAY_MIP_LIMITS;
    case 'gate':
      return context.config.forecast_provider.name === 'perfect_foresight' ? undefined : { mipMaxNodes: GATE_MIP_MAX_NODES, mipRootHeuristic: true };
    default:
      return undefined;
  }
}

/** A solve whose plan may be used: optimal, or a MILP stopped at its node limit with a solution. */
export function usable(result: ExtendedDispatchResult): boolean {
  return result.status === 'optimal' || (result.status === 'node_limit' && result.assets.length > 0);
}

/**
 * Solve one decision. A non-optimal status is a user-facing error naming the decision (an
 * infeasible day means the config cannot be met, e.g. a terminal SoC out of reach during
 * an outage). Invariants are checked when `debugChecks` is on.
 */
export function solveDay(
  context: EngineContext,
  problem: ExtendedDispatchProblem,
  decisionId: string,
  firstInstantMs: number,
  kind: DecisionKind,
): ExtendedDispatchResult {
  const result = solveDispatch(context.solver, problem, {
    mipRelGap: context.model.solver.mip_rel_gap,
    timeLimitSeconds: context.model.solver.time_limit_seconds,
    ...mipLimits(context, kind),
    // Whole-day solves are remembered: under persistence the oracle's day D is the gate's D + 1.
    memo: kind !== 'intraday',
  }) as ExtendedDispatchResult;
  if (!usable(result)) {
    throw new UserError(
      `decision ${decisionId} (delivery from ${isoUtc(firstInstantMs)}) could not be solved: status ${result.status}` +
        `${result.message ? ` (${result.message})` : ''}. Check that the initial and terminal SoC are reachable with the ` +
        'power limits, outages and locked commitments of that day.',
    );
  }
  if (context.debugChecks) {
    const violations = checkPlanInvariants(problem, result);
    if (violations.length > 0) {
      throw new Error(`plan ${decisionId} violates the model invariants: ${JSON.stringify(violations.slice(0, 5))}`);
    }
  }
  return result;
}
