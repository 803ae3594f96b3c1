import { UserError } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import { checkPlanInvariants, solveDispatch, type DispatchProblem, type DispatchResult } from '@euroflex/optimization';
import { powerLimitsMw } from './assetModels';
import type { EngineContext } from './types';

/** The da_only dispatch problem of one day from the given start SoCs and price forecast. */
export function dayAheadProblem(
  context: EngineContext,
  instantsMs: Float64Array,
  startSocMwh: readonly number[],
  priceEurPerMwh: Float64Array,
): DispatchProblem {
  return {
    intervalCount: instantsMs.length,
    intervalHours: 0.25,
    assets: context.assets.map((asset, index) => ({
      id: asset.id,
      powerLimitMw: powerLimitsMw(asset, instantsMs),
      socMinMwh: asset.socMinMwh,
      socMaxMwh: asset.socMaxMwh,
      initialSocMwh: startSocMwh[index],
      terminalSocMwh: asset.terminalSocMwh,
      chargeEfficiency: asset.chargeEfficiency,
      dischargeEfficiency: asset.dischargeEfficiency,
      degradationEurPerMwh: asset.degradationEurPerMwh,
    })),
    site: {
      importLimitMw: context.config.site.poi_import_limit_mw,
      exportLimitMw: context.config.site.poi_export_limit_mw,
    },
    dayAheadPriceEurPerMwh: priceEurPerMwh,
    terminalSoc: context.model.switches.terminal_soc,
  };
}

/**
 * Solve one decision. A non-optimal status is a user-facing error naming the day (an
 * infeasible day means the config cannot be met, e.g. a terminal SoC out of reach during
 * an outage). Invariants are checked when `debugChecks` is on.
 */
export function solveDay(context: EngineContext, problem: DispatchProblem, decisionId: string, firstInstantMs: number): DispatchResult {
  const result = solveDispatch(context.solver, problem, {
    mipRelGap: context.model.solver.mip_rel_gap,
    timeLimitSeconds: context.model.solver.time_limit_seconds,
  });
  if (result.status !== 'optimal') {
    throw new UserError(
      `decision ${decisionId} (delivery from ${isoUtc(firstInstantMs)}) could not be solved: status ${result.status}. ` +
        'Check that the initial and terminal SoC are reachable with the power limits and outages of that day.',
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
