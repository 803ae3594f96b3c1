import { addDays, indexOfInstant, localDayGrid, type Series } from '@euroflex/markets';
import type { LocalClock } from './localClock';

/** Quarter-hour wall-clock slots of a local day: 00:00 is slot 0, 23:45 is slot 95. */
export const SLOTS_PER_DAY = 96;
const SLOT_MINUTES = 15;

/** The local day persistence copies from, and where each wall-clock slot of it sits in the history. */
export interface SourceDay {
  readonly dateIso: string;
  /** History index of each wall-clock slot (length 96). */
  readonly historyIndexBySlot: Int32Array;
}

/** Wall-clock slot of a local reading. */
export function slotOf(minuteOfDay: number): number {
  return Math.floor(minuteOfDay / SLOT_MINUTES);
}

/** Index of the first history interval of `dateIso`, if every interval of that local day is in the history. */
function completeDayStart(history: Series, grid: Float64Array): number {
  const start = indexOfInstant(history, grid[0]);
  if (start < 0 || start + grid.length > history.instantsMs.length) {
    return -1;
  }
  for (let k = 1; k < grid.length; k += 1) {
    if (history.instantsMs[start + k] !== grid[k]) {
      return -1;
    }
  }
  return start;
}

/**
 * Map each wall-clock slot to the history index of the source day's value. An autumn
 * source day has its 02:xx slots twice: the first occurrence wins. A spring source day
 * lacks 02:00-02:45: those slots take the last earlier slot the day has (01:45).
 */
function slotsOfDay(grid: Float64Array, start: number, clock: LocalClock): Int32Array {
  const bySlot = new Int32Array(SLOTS_PER_DAY).fill(-1);
  for (let k = 0; k < grid.length; k += 1) {
    const slot = slotOf(clock(grid[k]).minuteOfDay);
    if (bySlot[slot] === -1) {
      bySlot[slot] = start + k;
    }
  }
  const firstPresent = bySlot.findIndex((index) => index !== -1);
  for (let slot = 0; slot < SLOTS_PER_DAY; slot += 1) {
    if (bySlot[slot] === -1) {
      bySlot[slot] = slot === 0 ? bySlot[firstPresent] : bySlot[slot - 1];
    }
  }
  return bySlot;
}

/**
 * The most recent local day, not after `latestDateIso`, whose every quarter-hour is in
 * `history`; undefined if there is none. `history` is what was public at the decision
 * time, so a day found here was fully visible then.
 */
export function findSourceDay(
  history: Series,
  latestDateIso: string,
  timezone: string,
  clock: LocalClock,
): SourceDay | undefined {
  const count = history.instantsMs.length;
  if (count === 0) {
    return undefined;
  }
  const earliestDateIso = clock(history.instantsMs[0]).dateIso;
  const lastDateIso = clock(history.instantsMs[count - 1]).dateIso;
  let dateIso = latestDateIso < lastDateIso ? latestDateIso : lastDateIso;
  while (dateIso >= earliestDateIso) {
    const grid = localDayGrid(dateIso, timezone);
    const start = completeDayStart(history, grid);
    if (start >= 0) {
      return { dateIso, historyIndexBySlot: slotsOfDay(grid, start, clock) };
    }
    dateIso = addDays(dateIso, -1);
  }
  return undefined;
}
