import { isoUtc } from '../calendar';
import type { ZoneClock } from '../time/zoneClock';

const HOUR_MS = 3_600_000;

/** An opt-in way to fill a missing quarter-hour. */
export type FillMethod = 'same-hour' | 'previous';
/** `none` (default: gaps are reported, never filled), one method, or methods tried in order. */
export type FillOption = 'none' | FillMethod | readonly FillMethod[];

/** One filled quarter-hour: when, how, and whose value it took. */
export interface FilledInstant {
  readonly instant: string;
  readonly method: FillMethod;
  /** The instant (ISO UTC) the value was copied from. */
  readonly from: string;
}

/** Methods of a FillOption, in the order they are tried. */
export function fillMethods(fill: FillOption | undefined): readonly FillMethod[] {
  if (fill === undefined || fill === 'none') {
    return [];
  }
  return typeof fill === 'string' ? [fill] : fill;
}

/**
 * Fill the NaN slots of `values` (aligned with the contiguous quarter-hour `grid`) in place.
 * `same-hour` copies the nearest quarter-hour of the same local wall-clock hour that has a
 * real (unfilled) value (earlier on a tie; both 02:00 hours of the autumn day count as one
 * local hour); `previous` copies the previous quarter-hour's value, filled or not, so a run
 * of holes takes the last value before it. Methods are tried in the given order. Extra
 * `columns` are filled from the same source. Returns the fills (ascending per method,
 * `from` = the real value's instant) and, per grid slot, that origin index (-1 = not filled).
 */
export function fillGaps(
  grid: Float64Array,
  values: Float64Array,
  columns: Readonly<Record<string, Float64Array>>,
  methods: readonly FillMethod[],
  clock: ZoneClock,
): { filled: FilledInstant[]; sourceIndex: Int32Array } {
  const sourceIndex = new Int32Array(grid.length).fill(-1);
  const filled: FilledInstant[] = [];
  const original = values.map((value) => (Number.isNaN(value) ? 0 : 1));
  const copy = (to: number, from: number, method: FillMethod): void => {
    values[to] = values[from];
    for (const column of Object.values(columns)) {
      column[to] = column[from];
    }
    // Record where the value really comes from, also when it was copied along a run.
    const origin = sourceIndex[from] >= 0 ? sourceIndex[from] : from;
    sourceIndex[to] = origin;
    filled.push({ instant: isoUtc(grid[to]), method, from: isoUtc(grid[origin]) });
  };
  for (const method of methods) {
    if (method === 'previous') {
      for (let i = 1; i < grid.length; i += 1) {
        if (Number.isNaN(values[i]) && !Number.isNaN(values[i - 1])) {
          copy(i, i - 1, method);
        }
      }
      continue;
    }
    const byHour = new Map<number, number[]>();
    for (let i = 0; i < grid.length; i += 1) {
      if (original[i] === 1) {
        const hour = Math.floor(clock.wallMs(grid[i]) / HOUR_MS);
        const list = byHour.get(hour);
        if (list === undefined) {
          byHour.set(hour, [i]);
        } else {
          list.push(i);
        }
      }
    }
    for (let i = 0; i < grid.length; i += 1) {
      if (!Number.isNaN(values[i])) {
        continue;
      }
      const siblings = byHour.get(Math.floor(clock.wallMs(grid[i]) / HOUR_MS));
      if (siblings === undefined) {
        continue;
      }
      let best = siblings[0];
      for (const candidate of siblings) {
        if (Math.abs(candidate - i) < Math.abs(best - i)) {
          best = candidate;
        }
      }
      copy(i, best, method);
    }
  }
  return { filled, sourceIndex };
}
