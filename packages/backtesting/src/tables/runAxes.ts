import { INTERVAL_MS } from '@euroflex/markets';
import type { BacktestRun } from '../engine/backtestRun';
import { localLabeler, utcLabels } from '../time/localLabels';

/** Labels of a run's intervals: tables point into them with codes (`coded` columns) instead of formatting a timestamp per row. */
export interface TimeAxis {
  readonly count: number;
  readonly instantsMs: Float64Array;
  /** End of the last interval (its start plus INTERVAL_MS), NaN for an empty axis. */
  readonly endMs: number;
  /** `timestamp_utc` of each interval, then of `endMs` (count + 1 labels). */
  readonly utc: readonly string[];
  /** `timestamp_local` of each interval. */
  readonly local: readonly string[];
  /** 0 .. count - 1: the codes of a table with one row per interval. */
  readonly interval: Int32Array;
}

/** A run's time axis and its days, labelled once. */
export interface RunAxes extends TimeAxis {
  /** Delivery date of each day (run.days order). */
  readonly dates: readonly string[];
  /** Decision ids, and per interval the code of the decision whose plan was executed there (`executedDecisions`). */
  readonly decisionIds: readonly string[];
  readonly decisionOfInterval: Int32Array;
  /** The day of each interval. */
  readonly day: Int32Array;
  /** The first interval of each day. */
  readonly dayStart: Int32Array;
}

/** Whether two instant arrays hold the same instants. */
export function sameInstants(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/**
 * The last axis labelled, with a copy of its instants: a run labels the same window for its
 * normalized inputs, its tables and its reconciliation, and formatting a year's local
 * timestamps twice cost about 30 ms.
 */
let lastAxis: { readonly timezone: string; readonly instantsMs: Float64Array; readonly axis: TimeAxis } | undefined;

/** The labels of `instantsMs` (consecutive intervals) in `timezone`. */
export function timeAxis(instantsMs: Float64Array, timezone: string): TimeAxis {
  if (lastAxis !== undefined && lastAxis.timezone === timezone && sameInstants(lastAxis.instantsMs, instantsMs)) {
    return { ...lastAxis.axis, instantsMs };
  }
  const axis = labelledAxis(instantsMs, timezone);
  lastAxis = { timezone, instantsMs: instantsMs.slice(), axis };
  return axis;
}

function labelledAxis(instantsMs: Float64Array, timezone: string): TimeAxis {
  const count = instantsMs.length;
  const label = localLabeler(timezone);
  const local = new Array<string>(count);
  const interval = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    local[i] = label(instantsMs[i]);
    interval[i] = i;
  }
  const endMs = count === 0 ? Number.NaN : instantsMs[count - 1] + INTERVAL_MS;
  const withEnd = new Float64Array(count + 1);
  withEnd.set(instantsMs);
  withEnd[count] = endMs;
  return { count, instantsMs, endMs, utc: count === 0 ? [] : utcLabels(withEnd), local, interval };
}

export function runAxes(run: BacktestRun): RunAxes {
  const time = timeAxis(run.settlement.instantsMs, run.context.timezone);
  const day = new Int32Array(time.count);
  const dayStart = new Int32Array(run.days.length);
  let offset = 0;
  run.days.forEach((d, k) => {
    dayStart[k] = offset;
    day.fill(k, offset, offset + d.instantsMs.length);
    offset += d.instantsMs.length;
  });
  return {
    ...time,
    dates: run.days.map((d) => d.date),
    ...executedDecisions(run, dayStart, time.count),
    day,
    dayStart,
  };
}

/**
 * The decision whose plan was executed in each interval: the last of its day's decisions (in
 * the order they were taken) whose horizon covers it and whose plan was applied. A day-ahead
 * gate covers the day (after its reserve gate), a rebalance the rest of the day from its first
 * revisable interval, a revision its window; a skipped revision, one that kept the previous
 * plan, and a rebalance whose unchanged forecast kept the plan without a solve set nothing.
 * Code 0 is '' (an interval no decision set).
 */
function executedDecisions(run: BacktestRun, dayStart: Int32Array, count: number): { decisionIds: string[]; decisionOfInterval: Int32Array } {
  const decisionIds = [''];
  const decisionOfInterval = new Int32Array(count);
  run.days.forEach((day, d) => {
    for (const decision of day.decisions) {
      const keptPrevious = decision.revisionStatus === 'skipped' || decision.revisionStatus === 'infeasible_kept_previous';
      if (keptPrevious || (decision.decisionType === 'imbalance_rebalance' && decision.solveKind === 'reused')) {
        continue;
      }
      const code = decisionIds.push(decision.decisionId) - 1;
      for (let t = 0; t < day.instantsMs.length; t += 1) {
        const at = day.instantsMs[t];
        if (at >= decision.horizonStartMs && at < decision.horizonEndMs) {
          decisionOfInterval[dayStart[d] + t] = code;
        }
      }
    }
  });
  return { decisionIds, decisionOfInterval };
}

/** `codes` repeated `times` times, back to back (one block per asset, then the site). */
export function tiled(codes: Int32Array, times: number): Int32Array {
  const out = new Int32Array(codes.length * times);
  for (let b = 0; b < times; b += 1) {
    out.set(codes, b * codes.length);
  }
  return out;
}

/** Code `b` for every row of block `b`: `times` blocks of `size` rows. */
export function blockCodes(size: number, times: number): Int32Array {
  const out = new Int32Array(size * times);
  for (let b = 0; b < times; b += 1) {
    out.fill(b, b * size, (b + 1) * size);
  }
  return out;
}

/**
 * Codes of instants into the run's `timestamp_utc` labels; an instant off the axis (or not on a
 * whole second, which `format` may print differently) gets a label of its own, from `format`.
 * `labels` is the axis' own array until an instant is off the axis (the writers then reuse its
 * encoding).
 */
export class UtcCodes {
  labels: readonly string[];
  private readonly offAxis = new Map<number, number>();
  private own: string[] | undefined;

  constructor(
    private readonly ax: TimeAxis,
    private readonly format: (instantMs: number) => string,
    private readonly intervalMs: number,
  ) {
    this.labels = ax.utc;
  }

  codeOf(instantMs: number): number {
    const instants = this.ax.instantsMs;
    const k = (instantMs - instants[0]) / this.intervalMs;
    const onAxis = k === instants.length ? instantMs === this.ax.endMs : k >= 0 && k < instants.length && instants[k] === instantMs;
    if (onAxis && instantMs % 1000 === 0) {
      return k;
    }
    let code = this.offAxis.get(instantMs);
    if (code === undefined) {
      if (this.own === undefined) {
        this.own = [...this.ax.utc];
        this.labels = this.own;
      }
      code = this.own.length;
      this.own.push(this.format(instantMs));
      this.offAxis.set(instantMs, code);
    }
    return code;
  }
}
