import type { SeriesName } from '@euroflex/config';
import { isoLocal, localDateOf, type PublicationRule, type Series } from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from './contract';
import { historyAdvice, historyMissing, noCompleteDay } from './persistenceHistoryError';
import { createLocalCalendar, dateIsoOf, type LocalCalendar } from './localCalendar';
import { createSourceDayFinder, slotOf, SLOTS_PER_DAY, type SourceDay, type SourceDayFinder } from './sourceDaySlots';

/** Name of the persistence provider, as written in configs and snapshot tables. */
export const PERSISTENCE = 'persistence';

/** Options of `createPersistenceProvider`. */
export interface PersistenceOptions {
  /**
   * The publication rule of each series (what the engine clips the history with), so that
   * a missing-history error can say how many days of history the publication lag requires.
   */
  readonly publication?: Readonly<Partial<Record<SeriesName, PublicationRule>>>;
}

/** Values (and extra columns) of the history at `sourceIndex`, one per delivery instant. */
function gather(history: Series, sourceIndex: Int32Array): { values: Float64Array; extra?: Record<string, Float64Array> } {
  const pick = (column: Float64Array): Float64Array => {
    const out = new Float64Array(sourceIndex.length);
    for (let i = 0; i < sourceIndex.length; i += 1) {
      out[i] = column[sourceIndex[i]];
    }
    return out;
  };
  const columns = Object.entries(history.columns);
  if (columns.length === 0) {
    return { values: pick(history.values) };
  }
  return { values: pick(history.values), extra: Object.fromEntries(columns.map(([name, column]) => [name, pick(column)])) };
}

/** Series published after each interval: persistence holds their last visible value flat. */
const INTRADAY_SERIES: ReadonlySet<SeriesName> = new Set<SeriesName>([
  'imbalance',
  'afrr_activation_price_up',
  'afrr_activation_price_down',
  'afrr_activation_ratio_up',
  'afrr_activation_ratio_down',
]);

/** Intraday series: the last visible value, held flat over the whole horizon. */
function lastValueHeld(request: ForecastRequest, rule: PublicationRule | undefined): Int32Array {
  const last = request.history.instantsMs.length - 1;
  if (last < 0) {
    const message =
      `persistence for \`${request.series}\` needs at least one value visible at the decision time ` +
      `${isoLocal(request.decisionTimeMs, request.timezone)}, and none is; ` +
      historyAdvice(request, localDateOf(request.deliveryInstantsMs[0] ?? request.decisionTimeMs, request.timezone), rule);
    throw historyMissing(request, message);
  }
  return new Int32Array(request.deliveryInstantsMs.length).fill(last);
}

/** Same local wall-clock quarter-hour on the most recent fully visible local day, per delivery day. */
function sameSlotOfSourceDay(
  request: ForecastRequest,
  calendar: LocalCalendar,
  findSourceDay: SourceDayFinder,
  rule: PublicationRule | undefined,
): Int32Array {
  const instantsMs = request.deliveryInstantsMs;
  const sourceIndex = new Int32Array(instantsMs.length);
  const sourceByDeliveryDay = new Map<number, SourceDay>();
  let i = 0;
  while (i < sourceIndex.length) {
    const reading = calendar.read(instantsMs[i]);
    let source = sourceByDeliveryDay.get(reading.localDay);
    if (source === undefined) {
      source = findSourceDay(request.history, reading.localDay);
      if (source === undefined) {
        throw noCompleteDay(request, dateIsoOf(reading.localDay), rule);
      }
      sourceByDeliveryDay.set(reading.localDay, source);
    }
    if (reading.minuteOfDay === 0 && isWholeDay(instantsMs, i, calendar.dayGrid(reading.localDay))) {
      // A whole local day without a clock change: its k-th quarter-hour is wall-clock slot k.
      for (let k = 0; k < SLOTS_PER_DAY; k += 1) {
        sourceIndex[i + k] = source.start + source.offsetBySlot[k];
      }
      i += SLOTS_PER_DAY;
    } else {
      sourceIndex[i] = source.start + source.offsetBySlot[slotOf(reading.minuteOfDay)];
      i += 1;
    }
  }
  return sourceIndex;
}

/** Whether `instantsMs` holds the 96-interval local day `grid` from index `at` on. */
function isWholeDay(instantsMs: Float64Array, at: number, grid: Float64Array): boolean {
  if (grid.length !== SLOTS_PER_DAY || at + SLOTS_PER_DAY > instantsMs.length) {
    return false;
  }
  for (let k = 0; k < SLOTS_PER_DAY; k += 1) {
    if (instantsMs[at + k] !== grid[k]) {
      return false;
    }
  }
  return true;
}

/**
 * Auditable persistence forecast, computed only from `request.history` (what was public at
 * the decision time).
 *
 * - Auction series (day-ahead, reserve capacity): each delivery interval takes the value of the same local
 *   wall-clock quarter-hour on the most recent local day that is fully visible and not after
 *   the delivery day (a delivery day already fully public forecasts itself). DST: a time
 *   the source day lacks (spring 02:xx) takes its 01:45 value; a time it has twice (autumn)
 *   takes the first occurrence; a delivery time that occurs twice uses the one source value.
 * - Series published interval by interval during the day (`imbalance`, the four aFRR
 *   activation prices and ratios): the last visible value, held flat over the horizon. At a
 *   D-1 gate their D-1 values are only partly public, so a same-time copy would have to
 *   reach back to D-2; the latest value is the natural naive forecast.
 *
 * Extra columns of the history (e.g. Dutch surplus/shortage prices) are forecast the same way.
 * Issue and available times are the decision time. Throws a `UserError` when no suitable
 * history is visible, naming the series' file and, given `options.publication`, how many
 * days of history its publication lag requires.
 */
export function createPersistenceProvider(options: PersistenceOptions = {}): ForecastProvider {
  const calendars = new Map<string, { calendar: LocalCalendar; findSourceDay: SourceDayFinder }>();
  return {
    name: PERSISTENCE,
    auditable: true,
    forecast(request: ForecastRequest): ForecastSnapshot {
      let zone = calendars.get(request.timezone);
      if (zone === undefined) {
        const calendar = createLocalCalendar(request.timezone);
        zone = { calendar, findSourceDay: createSourceDayFinder(calendar) };
        calendars.set(request.timezone, zone);
      }
      const rule = options.publication?.[request.series];
      const sourceIndex = INTRADAY_SERIES.has(request.series)
        ? lastValueHeld(request, rule)
        : sameSlotOfSourceDay(request, zone.calendar, zone.findSourceDay, rule);
      const { values, extra } = gather(request.history, sourceIndex);
      return {
        series: request.series,
        provider: PERSISTENCE,
        issueTimeMs: request.decisionTimeMs,
        availableFromMs: request.decisionTimeMs,
        values,
        ...(extra === undefined ? {} : { extra }),
      };
    },
  };
}
