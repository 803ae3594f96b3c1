import type { LabIssue, SeriesName } from '@euroflex/config';
import { isoUtc } from '../calendar';
import { countBefore, type Series } from '../series';
import { listInstants } from '../table/reportGaps';

/**
 * Every series must have the same UTC instants as day-ahead inside the window: one issue
 * per series that differs, naming the instants on either side.
 */
export function alignmentIssues(
  series: Partial<Record<SeriesName, Series>>,
  bounds: { startMs: number; endMs: number },
  files: Partial<Record<SeriesName, string>>,
): LabIssue[] {
  const reference = series.day_ahead;
  if (reference === undefined) {
    return [];
  }
  const base = instantsIn(reference, bounds);
  const issues: LabIssue[] = [];
  for (const [name, other] of Object.entries(series) as [SeriesName, Series | undefined][]) {
    if (name === 'day_ahead' || other === undefined) {
      continue;
    }
    const { onlyFirst: onlyBase, onlySecond: onlyMine } = difference(base, instantsIn(other, bounds));
    if (onlyBase.length === 0 && onlyMine.length === 0) {
      continue;
    }
    const parts = [
      onlyBase.length > 0 ? `${onlyBase.length} instant(s) of day_ahead missing in ${name}: ${listInstants(onlyBase, 4)}` : '',
      onlyMine.length > 0 ? `${onlyMine.length} instant(s) of ${name} missing in day_ahead: ${listInstants(onlyMine, 4)}` : '',
    ].filter((part) => part !== '');
    issues.push({
      path: `data.${name}`,
      code: 'misaligned',
      instant: isoUtc(Math.min(onlyBase[0] ?? Infinity, onlyMine[0] ?? Infinity)),
      message: `day_ahead and ${name} do not align on UTC delivery intervals in the window: ${parts.join('; ')}; supply both series for the same instants`,
      ...(files[name] === undefined ? {} : { file: files[name] }),
    });
  }
  return issues;
}

function instantsIn(series: Series, bounds: { startMs: number; endMs: number }): Float64Array {
  return series.instantsMs.subarray(countBefore(series, bounds.startMs), countBefore(series, bounds.endMs));
}

/** Instants only in `first` and only in `second`, by a merge walk over two ascending arrays. */
function difference(first: Float64Array, second: Float64Array): { onlyFirst: number[]; onlySecond: number[] } {
  const onlyFirst: number[] = [];
  const onlySecond: number[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    if (j >= second.length || (i < first.length && first[i] < second[j])) {
      onlyFirst.push(first[i]);
      i += 1;
    } else if (i >= first.length || second[j] < first[i]) {
      onlySecond.push(second[j]);
      j += 1;
    } else {
      i += 1;
      j += 1;
    }
  }
  return { onlyFirst, onlySecond };
}
