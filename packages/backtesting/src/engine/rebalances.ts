import type { ExtendedDispatchResult } from '@euroflex/optimization';
import type { DayLog } from './dayLog';
import type { SeriesForecast } from './forecastFor';
import { imbalancePrices } from './planningPrices';
import { buildProblem } from './problem';
import { solveDay } from './solveDay';
import type { EngineContext } from './types';
import { applyWindow, sameValues, spliceForecast, type DayState } from './workingPlan';

export interface RebalanceArgs {
  readonly context: EngineContext;
  readonly log: DayLog;
  readonly date: string;
  readonly instantsMs: Float64Array;
  readonly state: DayState;
  /** The day-ahead prices the nomination planned with. */
  readonly dayAheadEurPerMwh: Float64Array;
  /** The site's nominated net export per interval, MW. */
  readonly siteNomination: Float64Array;
  /** The nomination's decision, kept by rebalances whose forecast did not change. */
  readonly nomination: ExtendedDispatchResult;
}

/**
 * Imbalance rebalances (da_plus_imbalance): every `rebalance_cadence_minutes`, re-plan the
 * intervals after the execution lock against the imbalance forecast of that moment, deviating
 * from the nomination. A rebalance whose forecast is the previous one's is recorded as keeping
 * the plan, without a solve.
 */
export async function runRebalances(args: RebalanceArgs): Promise<void> {
  const { context, log, date, instantsMs, state } = args;
  const n = instantsMs.length;
  const step = Math.max(1, Math.round(context.config.timing.rebalance_cadence_minutes / 15));
  const lockIntervals = context.config.timing.execution_lock_intervals;
  let previous: SeriesForecast | undefined;
  let previousStart = -1;
  for (let i = 0, k = 1; i + lockIntervals < n; i += step, k += 1) {
    const start = i + lockIntervals;
    const id = `${date}-imb-${k}`;
    const window = instantsMs.subarray(start);
    const forecastImb = await log.forecast('imbalance', id, instantsMs[i], window);
    const unchanged =
      previous !== undefined &&
      sameValues(forecastImb.values, previous.values.subarray(start - previousStart)) &&
      Object.entries(forecastImb.extra).every(([column, values]) => sameValues(values, previous?.extra[column]?.subarray(start - previousStart)));
    if (unchanged) {
      log.record('imbalance_rebalance', id, instantsMs[i], start, Math.min(step, n - start), undefined, args.nomination);
      continue;
    }
    const problem = buildProblem(context, {
      instantsMs: window,
      startSocMwh: state.plan.socMwh.map((soc) => soc[start]),
      prices: { dayAheadEurPerMwh: args.dayAheadEurPerMwh.subarray(start), imbalance: imbalancePrices(context, forecastImb) },
      baseline: args.siteNomination.subarray(start),
    });
    const result = solveDay(context, problem, id, window[0], 'intraday');
    log.record('imbalance_rebalance', id, instantsMs[i], start, Math.min(step, n - start), result, undefined);
    applyWindow(state, result, start);
    spliceForecast(state, 'imbalance', forecastImb, start);
    previous = forecastImb;
    previousStart = start;
  }
}
