import type { SeriesName } from '@euroflex/config';
import { INTERVAL_MS, localTimeToUtcMs } from '@euroflex/markets';
import type { DayLog } from './dayLog';
import { reviseWindow, skippedRevision } from './revision';
import type { DaySeries, EngineContext, RevisionRecord } from './types';
import { applyWindow, spliceForecast, type DayState } from './workingPlan';

export interface DayRevisionArgs {
  readonly context: EngineContext;
  readonly log: DayLog;
  readonly date: string;
  readonly instantsMs: Float64Array;
  readonly state: DayState;
  readonly nominationMw: readonly Float64Array[];
  readonly siteNomination: Float64Array;
  readonly realizedStartSocMwh: readonly number[];
  readonly cycleBudgetMwh: Float64Array | undefined;
  /** The day's series with the forecasts the current plan uses. */
  readonly seriesNow: () => Partial<Record<SeriesName, DaySeries>>;
}

/**
 * Schedule revisions (schedule_revision): at each checkpoint of the day, re-plan the unlocked
 * energy of the next `max_revision_horizon_intervals` (`reviseWindow`). Returns each
 * revision's record and, per interval, which revision last set it (0: the nomination).
 */
export async function runDayRevisions(args: DayRevisionArgs): Promise<{ revisions: RevisionRecord[]; setBy: Uint8Array }> {
  const { context, log, date, instantsMs, state } = args;
  const { config, timezone } = context;
  const n = instantsMs.length;
  const horizonEndMs = instantsMs[n - 1] + INTERVAL_MS;
  const setBy = new Uint8Array(n);
  const revisions: RevisionRecord[] = [];
  const settings = config.revision;
  if (!settings) {
    return { revisions, setBy };
  }
  const { plan } = state;
  const lockIntervals = config.timing.execution_lock_intervals;
  const horizon = settings.max_revision_horizon_intervals;
  for (const [index, checkpoint] of settings.revision_checkpoints_local.entries()) {
    const version = `revision_${String(index + 1).padStart(2, '0')}`;
    const id = `${date}-${version}`;
    const atMs = localTimeToUtcMs(date, checkpoint, timezone);
    let first = 0;
    while (first < n && instantsMs[first] < atMs) {
      first += 1;
    }
    const start = Math.min(first + lockIntervals, n);
    if (start >= n) {
      log.decisions.push(skippedRevision(id, version, atMs, date, horizonEndMs, n, checkpoint));
      log.stats.decisions += 1;
      continue;
    }
    const end = Math.min(start + horizon, n);
    const outcome = await reviseWindow({
      context,
      instantsMs,
      plan,
      nominationMw: args.nominationMw,
      siteNomination: args.siteNomination,
      start,
      end,
      date,
      atMs,
      id,
      seriesNow: args.seriesNow(),
      realizedStartSocMwh: args.realizedStartSocMwh,
      cycleBudgetMwh: args.cycleBudgetMwh,
      forecast: log.forecast,
    });
    log.record('revision', id, atMs, start, end - start, outcome.result, undefined);
    const last = log.decisions[log.decisions.length - 1];
    log.decisions[log.decisions.length - 1] = {
      ...last,
      scheduleVersion: version,
      revisionStatus: outcome.status,
      revisionReason: outcome.reason,
    };
    if (outcome.status === 'revised') {
      applyWindow(state, outcome.result, start);
      for (const [name, windowForecast] of outcome.forecasts) {
        spliceForecast(state, name, windowForecast, start);
      }
      setBy.fill(index + 1, start, end);
    }
    revisions.push({
      version,
      decisionId: id,
      checkpointLocal: checkpoint,
      decisionTimeMs: atMs,
      startIndex: start,
      endIndex: end,
      status: outcome.status,
      reason: outcome.reason,
      assets: plan.chargeMw.map((_, a) => ({
        chargeMw: plan.chargeMw[a].slice(start, end),
        dischargeMw: plan.dischargeMw[a].slice(start, end),
        socMwh: plan.socMwh[a].slice(start, end + 1),
        ...(plan.fcrMw ? { fcrMw: plan.fcrMw[a].slice(start, end) } : {}),
        ...(plan.afrrUpMw ? { afrrUpMw: plan.afrrUpMw[a].slice(start, end), afrrDownMw: plan.afrrDownMw?.[a].slice(start, end) } : {}),
      })),
    });
  }
  return { revisions, setBy };
}
