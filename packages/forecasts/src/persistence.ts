import { UserError, type LabIssue } from '@euroflex/config';
import { INTERVAL_MS, isoLocal, isoUtc, type Series } from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from './contract';
import { createLocalClock, type LocalClock } from './localClock';
import { findSourceDay, slotOf, type SourceDay } from './sourceDaySlots';

/** Name of the persistence provider, as written in configs and snapshot tables. */
export const PERSISTENCE = 'persistence';

function describeHistory(history: Series, timezone: string): string {
  const count = history.instantsMs.length;
  if (count === 0) {
    return 'no value of it is visible yet';
  }
  const first = isoLocal(history.instantsMs[0], timezone);
  const end = isoLocal(history.instantsMs[count - 1] + INTERVAL_MS, timezone);
  return `the visible data start at ${first} and end at ${end}`;
}

function noCompleteDay(request: ForecastRequest, deliveryDateIso: string): UserError {
  const { series, timezone, decisionTimeMs } = request;
  const message =
    `persistence needs the full previous local day of \`${series}\` for delivery day ${deliveryDateIso}, ` +
    `visible at the decision time ${isoLocal(decisionTimeMs, timezone)}: ${describeHistory(request.history, timezone)}; ` +
    `start the delivery window one day later or add history`;
  const issue: LabIssue = { path: `data.${series}`, code: 'persistence_history_missing', message, instant: isoUtc(decisionTimeMs) };
  return new UserError(message, [issue]);
}

function emptyExtra(history: Series, length: number): Record<string, Float64Array> {
  const extra: Record<string, Float64Array> = {};
  for (const column of Object.keys(history.columns)) {
    extra[column] = new Float64Array(length);
  }
  return extra;
}

/** Fill `values`/`extra` at `i` from history index `index`. */
function copyAt(history: Series, index: number, i: number, values: Float64Array, extra: Record<string, Float64Array>): void {
  values[i] = history.values[index];
  for (const [column, out] of Object.entries(extra)) {
    out[i] = history.columns[column][index];
  }
}

/** Imbalance: the last visible value, held flat over the whole horizon. */
function lastValueHeld(request: ForecastRequest, values: Float64Array, extra: Record<string, Float64Array>): void {
  const { history } = request;
  const last = history.instantsMs.length - 1;
  if (last < 0) {
    const message =
      `persistence for \`${request.series}\` needs at least one value visible at the decision time ` +
      `${isoLocal(request.decisionTimeMs, request.timezone)}, and none is; start the delivery window later or add history`;
    throw new UserError(message, [
      { path: `data.${request.series}`, code: 'persistence_history_missing', message, instant: isoUtc(request.decisionTimeMs) },
    ]);
  }
  for (let i = 0; i < values.length; i += 1) {
    copyAt(history, last, i, values, extra);
  }
}

/** Same local wall-clock quarter-hour on the most recent fully visible local day, per delivery day. */
function sameSlotOfSourceDay(
  request: ForecastRequest,
  clock: LocalClock,
  values: Float64Array,
  extra: Record<string, Float64Array>,
): void {
  const sourceByDeliveryDate = new Map<string, SourceDay>();
  for (let i = 0; i < values.length; i += 1) {
    const reading = clock(request.deliveryInstantsMs[i]);
    let source = sourceByDeliveryDate.get(reading.dateIso);
    if (source === undefined) {
      source = findSourceDay(request.history, reading.dateIso, request.timezone, clock);
      if (source === undefined) {
        throw noCompleteDay(request, reading.dateIso);
      }
      sourceByDeliveryDate.set(reading.dateIso, source);
    }
    copyAt(request.history, source.historyIndexBySlot[slotOf(reading.minuteOfDay)], i, values, extra);
  }
}

/**
 * Auditable persistence forecast, computed only from `request.history` (what was public at
 * the decision time).
 *
 * - Every series but `imbalance`: each delivery interval takes the value of the same local
 *   wall-clock quarter-hour on the most recent local day that is fully visible and not after
 *   the delivery day (a delivery day already fully public forecasts itself). DST: a time
 *   the source day lacks (spring 02:xx) takes its 01:45 value; a time it has twice (autumn)
 *   takes the first occurrence; a delivery time that occurs twice uses the one source value.
 * - `imbalance`: the last visible value, held flat over the horizon.
 *
 * Extra columns of the history (e.g. Dutch surplus/shortage prices) are forecast the same way.
 * Issue and available times are the decision time. Throws a `UserError` when no suitable
 * history is visible.
 */
export function createPersistenceProvider(): ForecastProvider {
  const clocks = new Map<string, LocalClock>();
  return {
    name: PERSISTENCE,
    auditable: true,
    forecast(request: ForecastRequest): ForecastSnapshot {
      let clock = clocks.get(request.timezone);
      if (clock === undefined) {
        clock = createLocalClock(request.timezone);
        clocks.set(request.timezone, clock);
      }
      const count = request.deliveryInstantsMs.length;
      const values = new Float64Array(count);
      const extra = emptyExtra(request.history, count);
      if (request.series === 'imbalance') {
        lastValueHeld(request, values, extra);
      } else {
        sameSlotOfSourceDay(request, clock, values, extra);
      }
      return {
        series: request.series,
        provider: PERSISTENCE,
        issueTimeMs: request.decisionTimeMs,
        availableFromMs: request.decisionTimeMs,
        values,
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
      };
    },
  };
}
