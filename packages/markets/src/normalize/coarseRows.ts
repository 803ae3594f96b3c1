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
 * Which quarter-hours make one block row:
 * - `input_rows` (`normalize --keep-resolution`): the quarter-hours one input row was expanded to;
 * - `equal_values` (`normalize --collapse-to`): quarter-hours of the input, none filled, with
 *   one value and one value in every extra column (a source that repeats an hourly price on
 *   its four quarter-hours).
 */
export type BlockRule = 'input_rows' | 'equal_values';

/**
 * The output rows of `series` with one row per whole block of `blockMinutes` that `rule`
 * accepts: that row is labelled with the block's resolution at its first quarter-hour, and
 * the reader holds it over the block again (docs/data.md, How a file is read: a local block,
 * 12 or 20 quarter-hours for the 00-04 block of a DST day). Every other quarter-hour (filled,
 * of a partial block, or of a block whose values differ) stays a PT15M row with its
 * `rowProvenance`. Block rows carry `provenance` without the `expanded_from_*` step, which the
 * reader records when it expands them. Pure.
 */
export function coarseRows(
  series: Series,
  rowProvenance: readonly string[],
  origin: GridOrigin,
  block: { readonly minutes: number; readonly rule: BlockRule },
  provenance: string,
  clock: ZoneClock,
): SeriesRows {
  const first: number[] = [];
  const resolution: string[] = [];
  const cells: string[] = [];
  const label = resolutionLabel(block.minutes);
  const { instantsMs, values } = series;
  const extras = Object.values(series.columns);
  const rowOf = (j: number): number => origin.inputRow[Math.round((instantsMs[j] - origin.startMs) / INTERVAL_MS)] ?? -1;
  const sameBlock = (j: number, k: number): boolean =>
    block.rule === 'input_rows'
      ? rowOf(k) === rowOf(j)
      : rowOf(k) >= 0 && Object.is(values[k], values[j]) && extras.every((column) => Object.is(column[k], column[j]));
  let j = 0;
  while (j < instantsMs.length) {
    // Only an unfilled quarter-hour on the block grid can start a block row (the rest of a partial block cannot).
    const covered = rowOf(j) >= 0 && isOnResolutionGrid(instantsMs[j], block.minutes, clock) ? quarterHoursCovered(instantsMs[j], block.minutes, clock) : 1;
    let length = 1;
    while (length < covered && j + length < instantsMs.length && sameBlock(j, j + length) && instantsMs[j + length] === instantsMs[j] + length * INTERVAL_MS) {
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
