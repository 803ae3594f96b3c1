/** The intervals of a run grouped into local delivery days (from the site table). */
export interface Timeline {
  /** Number of intervals. */
  readonly count: number;
  /** `timestamp_local` of each interval (the market's wall clock with offset). */
  readonly local: readonly string[];
  /** Local delivery days in order. */
  readonly dates: readonly string[];
  /** First interval of each day; `dayStarts[dates.length]` = count. */
  readonly dayStarts: readonly number[];
}

/** Group intervals by `delivery_date_local` (rows are in time order, so days are blocks). */
export function timelineOf(local: readonly string[], dates: readonly string[]): Timeline {
  const days: string[] = [];
  const starts: number[] = [];
  for (let i = 0; i < dates.length; i += 1) {
    if (i === 0 || dates[i] !== dates[i - 1]) {
      days.push(dates[i]);
      starts.push(i);
    }
  }
  starts.push(dates.length);
  return { count: dates.length, local, dates: days, dayStarts: starts };
}

export type DailyOp = 'sum' | 'mean' | 'min' | 'max' | 'last';

/** One value per day of `values` (per interval of the run, or of an asset's block at `offset`). NaN values are skipped; a day without a value is NaN. */
export function daily(timeline: Timeline, values: ArrayLike<number>, op: DailyOp, offset = 0): Float64Array {
  const out = new Float64Array(timeline.dates.length);
  for (let d = 0; d < timeline.dates.length; d += 1) {
    const from = timeline.dayStarts[d] + offset;
    const to = timeline.dayStarts[d + 1] + offset;
    out[d] = op === 'last' ? lastOf(values, from, to) : op === 'min' || op === 'max' ? extremeOf(values, from, to, op === 'max') : sumOf(values, from, to, op === 'mean');
  }
  return out;
}

// One loop per kind of fold, without a branch on the operation per value: the report folds
// a dozen run-long columns by day, and the per-value branch made that about 25 ms.

function sumOf(values: ArrayLike<number>, from: number, to: number, mean: boolean): number {
  let sum = 0;
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const value = values[i];
    if (value === value) {
      sum += value;
      count += 1;
    }
  }
  return count === 0 ? Number.NaN : mean ? sum / count : sum;
}

function extremeOf(values: ArrayLike<number>, from: number, to: number, max: boolean): number {
  let acc = max ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const value = values[i];
    if (value === value) {
      acc = max ? Math.max(acc, value) : Math.min(acc, value);
      count += 1;
    }
  }
  return count === 0 ? Number.NaN : acc;
}

function lastOf(values: ArrayLike<number>, from: number, to: number): number {
  for (let i = to - 1; i >= from; i -= 1) {
    const value = values[i];
    if (value === value) {
      return value;
    }
  }
  return Number.NaN;
}

/** Running sum (NaN counts as 0). */
export function cumulative(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    sum += Number.isNaN(values[i]) ? 0 : values[i];
    out[i] = sum;
  }
  return out;
}

/** Thin candidate ticks to at most `max`, evenly by position in the list. */
function thin<T>(ticks: readonly T[], max: number): T[] {
  if (ticks.length <= max) {
    return [...ticks];
  }
  const every = Math.ceil(ticks.length / max);
  return ticks.filter((_, i) => i % every === 0);
}

/**
 * X ticks over intervals [from, to): local hours for a day or two, local dates beyond.
 * Labels come from the market's wall clock, so DST days are labelled as users see them.
 */
export function intervalTicks(timeline: Timeline, from: number, to: number): { index: number; label: string }[] {
  const span = to - from;
  const candidates: { index: number; label: string }[] = [];
  const hourly = span <= 2 * 100;
  const hourStep = span <= 100 ? 3 : 6;
  for (let i = from; i < to; i += 1) {
    const local = timeline.local[i] ?? '';
    const clock = local.slice(11, 16);
    if (clock === '00:00') {
      candidates.push({ index: i - from, label: hourly ? `${local.slice(5, 10)} 00:00` : local.slice(5, 10) });
    } else if (hourly && clock.endsWith(':00') && Number(clock.slice(0, 2)) % hourStep === 0) {
      candidates.push({ index: i - from, label: clock });
    }
  }
  return thin(candidates, 10);
}

/** X ticks over days: every few days for a month or less, the first of each month beyond. */
export function dayTicks(dates: readonly string[]): { index: number; label: string }[] {
  if (dates.length <= 31) {
    return thin(
      dates.map((date, index) => ({ index, label: date.slice(5) })),
      10,
    );
  }
  const months = dates.flatMap((date, index) => (index === 0 || date.endsWith('-01') ? [{ index, label: date.slice(0, 7) }] : []));
  return thin(months, 13);
}
