import type { SeriesName } from '@euroflex/config';

/** One quarter-hour, the only supported resolution. */
export const INTERVAL_MS = 15 * 60 * 1000;
/** Interval length in hours: every MW to MWh conversion goes through this. */
export const INTERVAL_H = 0.25;

/** Where a series came from and what was done to it on the way in. */
export interface SeriesProvenance {
  /** Absolute path of the file the series was read from, if any. */
  readonly path?: string;
  /** The `source` column of the file (e.g. `entsoe`), or a description. */
  readonly source: string;
  /** Bidding zone EIC code, when the file names one. */
  readonly zone?: string;
  /** Ordered list of transformations: `expanded_from_PT60M`, `filled_same_hour:8`, ... */
  readonly steps: readonly string[];
}

/**
 * A canonical 15-minute series keyed by UTC instant.
 *
 * `instantsMs` are interval starts (epoch milliseconds, UTC), strictly ascending, and
 * `values[i]` belongs to the interval starting at `instantsMs[i]`. The unit of `values`
 * follows the series name (`SERIES_UNITS`). Extra numeric columns, such as the Dutch
 * `imbalance_surplus_price_eur_per_mwh`, live in `columns` with the same indexing.
 */
export interface Series {
  readonly name: SeriesName;
  readonly instantsMs: Float64Array;
  readonly values: Float64Array;
  readonly columns: Readonly<Record<string, Float64Array>>;
  readonly provenance: SeriesProvenance;
}

/** Index of the interval starting at `instantMs`, or -1. Binary search: instants are sorted. */
export function indexOfInstant(series: Pick<Series, 'instantsMs'>, instantMs: number): number {
  const instants = series.instantsMs;
  let lo = 0;
  let hi = instants.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = instants[mid];
    if (value === instantMs) {
      return mid;
    }
    if (value < instantMs) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return -1;
}

/** Number of leading intervals whose start is strictly before `instantMs`. */
export function countBefore(series: Pick<Series, 'instantsMs'>, instantMs: number): number {
  const instants = series.instantsMs;
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (instants[mid] < instantMs) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The first `count` intervals of a series, sharing memory with it (no copy). */
export function headOf(series: Series, count: number): Series {
  const columns: Record<string, Float64Array> = {};
  for (const [key, column] of Object.entries(series.columns)) {
    columns[key] = column.subarray(0, count);
  }
  return {
    name: series.name,
    instantsMs: series.instantsMs.subarray(0, count),
    values: series.values.subarray(0, count),
    columns,
    provenance: series.provenance,
  };
}

/**
 * Values of `series` at each of `instantsMs`, or undefined if any instant is missing.
 * Used to slice a delivery window out of a validated series.
 */
export function valuesAt(series: Series, instantsMs: ArrayLike<number>, column?: string): Float64Array | undefined {
  const source = column === undefined ? series.values : series.columns[column];
  if (source === undefined) {
    return undefined;
  }
  const out = new Float64Array(instantsMs.length);
  if (instantsMs.length === 0) {
    return out;
  }
  let index = indexOfInstant(series, instantsMs[0]);
  for (let i = 0; i < instantsMs.length; i += 1) {
    if (index < 0 || index >= series.instantsMs.length || series.instantsMs[index] !== instantsMs[i]) {
      index = indexOfInstant(series, instantsMs[i]);
      if (index < 0) {
        return undefined;
      }
    }
    out[i] = source[index];
    index += 1;
  }
  return out;
}
