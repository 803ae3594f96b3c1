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
    const mine = instantsIn(other, bounds);
    const onlyBase = [...base].filter((instant) => !mine.has(instant));
    const onlyMine = [...mine].filter((instant) => !base.has(instant));
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

function instantsIn(series: Series, bounds: { startMs: number; endMs: number }): Set<number> {
  const from = countBefore(series, bounds.startMs);
  const to = countBefore(series, bounds.endMs);
  return new Set(series.instantsMs.subarray(from, to));
}
