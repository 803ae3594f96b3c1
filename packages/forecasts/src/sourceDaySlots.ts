import { indexOfInstant, type Series } from '@euroflex/markets';
import type { LocalCalendar } from './localCalendar';

/** Quarter-hour wall-clock slots of a local day: 00:00 is slot 0, 23:45 is slot 95. */
export const SLOTS_PER_DAY = 96;
const SLOT_MINUTES = 15;

/** The local day persistence copies from, and where each wall-clock slot of it sits in the history. */
export interface SourceDay {
  /** Local day number (see `LocalClockReading.localDay`). */
  readonly localDay: number;
  /** History index of the day's first interval. */
  readonly start: number;
  /** Position within the day of the value each wall-clock slot takes (length 96). */
  readonly offsetBySlot: Int32Array;
}

/** Finds the source day of a delivery day in a visible history. */
export type SourceDayFinder = (history: Series, latestLocalDay: number) => SourceDay | undefined;

/** Slot k at position k: the layout of every day without a clock change (shared, never written). */
const IDENTITY = Int32Array.from({ length: SLOTS_PER_DAY }, (_, k) => k);

/** Wall-clock slot of a local reading. */
export function slotOf(minuteOfDay: number): number {
  return Math.floor(minuteOfDay / SLOT_MINUTES);
}

/** Index in `history` of the first interval of a local day's `grid`, if the whole day is there; else -1. */
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
 * Map each wall-clock slot to the position in the day of the value it takes. An autumn
 * source day has its 02:xx slots twice: the first occurrence wins. A spring source day
 * lacks 02:00-02:45: those slots take the last earlier slot the day has (01:45).
 */
function offsetsBySlot(grid: Float64Array, calendar: LocalCalendar): Int32Array {
  if (grid.length === SLOTS_PER_DAY) {
    // A 96-interval local day has no clock change: slot k is its k-th quarter-hour.
    return IDENTITY;
  }
  const bySlot = new Int32Array(SLOTS_PER_DAY).fill(-1);
  for (let k = 0; k < grid.length; k += 1) {
    const slot = slotOf(calendar.read(grid[k]).minuteOfDay);
    if (bySlot[slot] === -1) {
      bySlot[slot] = k;
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
 * A finder of the most recent local day, not after `latestLocalDay`, whose every
 * quarter-hour is in `history`; undefined if there is none. `history` is what was public at
 * the decision time, so a day found there was fully visible then. The slot layout of each
 * day depends only on the calendar and is memoised.
 */
export function createSourceDayFinder(calendar: LocalCalendar): SourceDayFinder {
  const layouts = new Map<number, Int32Array>();
  return (history: Series, latestLocalDay: number): SourceDay | undefined => {
    const count = history.instantsMs.length;
    if (count === 0) {
      return undefined;
    }
    const earliestDay = calendar.read(history.instantsMs[0]).localDay;
    const lastDay = calendar.read(history.instantsMs[count - 1]).localDay;
    for (let localDay = Math.min(latestLocalDay, lastDay); localDay >= earliestDay; localDay -= 1) {
      const grid = calendar.dayGrid(localDay);
      const start = completeDayStart(history, grid);
      if (start >= 0) {
        let offsetBySlot = layouts.get(localDay);
        if (offsetBySlot === undefined) {
          offsetBySlot = offsetsBySlot(grid, calendar);
          layouts.set(localDay, offsetBySlot);
        }
        return { localDay, start, offsetBySlot };
      }
    }
    return undefined;
  };
}
