import { isOnResolutionGrid, quarterHoursCovered } from '../expand';
import { INTERVAL_MS } from '../series';
import type { ZoneClock } from '../time/zoneClock';

/** The usable rows of a table, in file order. `rowIndex` points into the table's data rows. */
export interface RowSamples {
  readonly instantsMs: number[];
  readonly rowIndex: number[];
  readonly resolutionMinutes: number[];
}

/** Rows expanded to quarter-hours, sorted and de-duplicated, each traced to its source row. */
export interface QuarterHourAssembly {
  readonly instantsMs: Float64Array;
  /** Source data-row index of each quarter-hour. */
  readonly sourceRows: Int32Array;
  /** False when the rows had to be sorted. */
  readonly wasSorted: boolean;
  /** Instants given by more than one row; the first row in file order is kept. */
  readonly duplicates: { instantMs: number; keptRow: number; droppedRow: number }[];
  /** Rows that do not start on their resolution's grid (dropped). */
  readonly offGrid: { instantMs: number; rowIndex: number; resolutionMinutes: number }[];
  /** Distinct resolutions (minutes) of the kept rows, in order of appearance. */
  readonly resolutions: number[];
}

/** Expand, sort and de-duplicate row samples (pure; see expand.ts for the DST rules). */
export function assembleQuarterHours(samples: RowSamples, clock: ZoneClock): QuarterHourAssembly {
  const offGrid: QuarterHourAssembly['offGrid'] = [];
  const resolutions: number[] = [];
  const counts = new Int32Array(samples.instantsMs.length);
  let total = 0;
  for (let i = 0; i < samples.instantsMs.length; i += 1) {
    const start = samples.instantsMs[i];
    const minutes = samples.resolutionMinutes[i];
    if (!isOnResolutionGrid(start, minutes, clock)) {
      offGrid.push({ instantMs: start, rowIndex: samples.rowIndex[i], resolutionMinutes: minutes });
      continue;
    }
    if (!resolutions.includes(minutes)) {
      resolutions.push(minutes);
    }
    counts[i] = quarterHoursCovered(start, minutes, clock);
    total += counts[i];
  }
  let instants = new Float64Array(total);
  let rows = new Int32Array(total);
  let out = 0;
  let wasSorted = true;
  for (let i = 0; i < samples.instantsMs.length; i += 1) {
    for (let q = 0; q < counts[i]; q += 1) {
      instants[out] = samples.instantsMs[i] + q * INTERVAL_MS;
      rows[out] = samples.rowIndex[i];
      if (out > 0 && instants[out] < instants[out - 1]) {
        wasSorted = false;
      }
      out += 1;
    }
  }
  if (!wasSorted) {
    // Stable on file order, so "first row wins" below means first in the file.
    const order = Array.from({ length: total }, (_, k) => k);
    const byInstant = instants;
    order.sort((a, b) => byInstant[a] - byInstant[b] || a - b);
    const sortedInstants = new Float64Array(total);
    const sortedRows = new Int32Array(total);
    for (let k = 0; k < total; k += 1) {
      sortedInstants[k] = instants[order[k]];
      sortedRows[k] = rows[order[k]];
    }
    instants = sortedInstants;
    rows = sortedRows;
  }
  const duplicates: QuarterHourAssembly['duplicates'] = [];
  let kept = 0;
  for (let k = 0; k < total; k += 1) {
    if (kept > 0 && instants[k] === instants[kept - 1]) {
      duplicates.push({ instantMs: instants[k], keptRow: rows[kept - 1], droppedRow: rows[k] });
      continue;
    }
    instants[kept] = instants[k];
    rows[kept] = rows[k];
    kept += 1;
  }
  return {
    instantsMs: instants.slice(0, kept),
    sourceRows: rows.slice(0, kept),
    wasSorted,
    duplicates,
    offGrid,
    resolutions,
  };
}

/** A run of missing quarter-hours between two consecutive instants. */
export interface GapRun {
  /** Index of the last instant before the gap. */
  readonly beforeIndex: number;
  readonly firstMissingMs: number;
  readonly count: number;
}

/** Holes in an ascending quarter-hour series (not before its first or after its last instant). */
export function findGapRuns(instantsMs: ArrayLike<number>): GapRun[] {
  const gaps: GapRun[] = [];
  for (let i = 1; i < instantsMs.length; i += 1) {
    const step = instantsMs[i] - instantsMs[i - 1];
    if (step > INTERVAL_MS) {
      gaps.push({
        beforeIndex: i - 1,
        firstMissingMs: instantsMs[i - 1] + INTERVAL_MS,
        count: Math.round(step / INTERVAL_MS) - 1,
      });
    }
  }
  return gaps;
}
