import type { LabIssue } from '@euroflex/config';
import { isoUtc } from '../calendar';
import { INTERVAL_MS } from '../series';
import { findGapRuns, type QuarterHourAssembly } from './assembleQuarterHours';

const LISTED = 8;

/**
 * One issue per hole between consecutive rows, naming the rows on both sides and the
 * missing instants. Instants already reported for another reason (a row with a bad value)
 * are not reported again as a gap.
 */
export function reportGaps(
  assembly: Pick<QuarterHourAssembly, 'instantsMs' | 'sourceRows'>,
  alreadyReported: ReadonlySet<number>,
  lineOf: (rowIndex: number) => number,
): Omit<LabIssue, 'path' | 'code'>[] {
  const issues: Omit<LabIssue, 'path' | 'code'>[] = [];
  for (const gap of findGapRuns(assembly.instantsMs)) {
    const missing: number[] = [];
    for (let q = 0; q < gap.count; q += 1) {
      const instantMs = gap.firstMissingMs + q * INTERVAL_MS;
      if (!alreadyReported.has(instantMs)) {
        missing.push(instantMs);
      }
    }
    if (missing.length === 0) {
      continue;
    }
    const beforeRow = lineOf(assembly.sourceRows[gap.beforeIndex]);
    const afterRow = lineOf(assembly.sourceRows[gap.beforeIndex + 1]);
    issues.push({
      row: afterRow,
      instant: isoUtc(missing[0]),
      message:
        `${missing.length} quarter-hour${missing.length === 1 ? '' : 's'} missing between row ${beforeRow} ` +
        `(${isoUtc(assembly.instantsMs[gap.beforeIndex])}) and row ${afterRow} ` +
        `(${isoUtc(assembly.instantsMs[gap.beforeIndex + 1])}): ${listInstants(missing, LISTED)}; ` +
        'add the rows (nothing is zero-filled) or fill them explicitly with `euroflex normalize --fill same-hour|previous`',
    });
  }
  return issues;
}

/** `a, b, c` or `a, b, ... (+N more)` for long lists. */
export function listInstants(instantsMs: readonly number[], listed: number): string {
  const shown = instantsMs.slice(0, listed).map(isoUtc).join(', ');
  const more = instantsMs.length - listed;
  return more > 0 ? `${shown} (+${more} more)` : shown;
}
