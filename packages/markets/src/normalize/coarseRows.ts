import { isOnResolutionGrid, quarterHoursCovered } from '../expand';
import { resolutionLabel } from '../resolution';
import { INTERVAL_MS, type Series } from '../series';
import type { SeriesRows } from '../table/formatSeriesCsv';
import type { ZoneClock } from '../time/zoneClock';

/** Where each quarter-hour of a normalised grid came from. */
export interface GridOrigin {
  /** First instant of the grid. */
  readonly startMs: number;
  /** Input data row of each grid slot, -1 where none (a gap, or a slot that was filled). */
  readonly inputRow: Int32Array;
}

/**
 * The output rows of `series` at the input's resolution (`normalize --keep-resolution`): each
 * input row whose whole block is in the output, unfilled, becomes one row labelled with the
 * input resolution at the block's first quarter-hour, which the reader holds over the block
 * again (docs/data.md, How a file is read: a local block, 12 or 20 quarter-hours for the
 * 00-04 block of a DST day). Every other quarter-hour (filled, or of a partial block) stays a
 * PT15M row with its `rowProvenance`. Block rows carry `provenance` without the
 * `expanded_from_*` step, which the reader records when it expands them. Pure.
 */
export function coarseRows(
  series: Series,
  rowProvenance: readonly string[],
  origin: GridOrigin,
  inputMinutes: number,
  provenance: string,
  clock: ZoneClock,
): SeriesRows {
  const first: number[] = [];
  const resolution: string[] = [];
  const cells: string[] = [];
  const label = resolutionLabel(inputMinutes);
  const rowOf = (j: number): number => origin.inputRow[Math.round((series.instantsMs[j] - origin.startMs) / INTERVAL_MS)] ?? -1;
  let j = 0;
  while (j < series.instantsMs.length) {
    const row = rowOf(j);
    // Only a quarter-hour on the input's grid can start a block row (the rest of a partial block cannot).
    const covered = row >= 0 && isOnResolutionGrid(series.instantsMs[j], inputMinutes, clock) ? quarterHoursCovered(series.instantsMs[j], inputMinutes, clock) : 1;
    let length = 1;
    while (length < covered && j + length < series.instantsMs.length && rowOf(j + length) === row && series.instantsMs[j + length] === series.instantsMs[j] + length * INTERVAL_MS) {
      length += 1;
    }
    if (covered > 1 && length === covered) {
      first.push(j);
      resolution.push(label);
      cells.push(provenance);
      j += covered;
    } else {
      first.push(j);
      resolution.push('PT15M');
      cells.push(rowProvenance[j]);
      j += 1;
    }
  }
  return { first: Int32Array.from(first), resolution, provenance: cells };
}
