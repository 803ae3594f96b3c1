import type { RunReport } from '../buildRunReport';
import { dayTicks, intervalTicks } from '../timeline';

/** A site column, or undefined when the run's workflow does not write it. */
export function siteColumn(report: RunReport, name: string): Float64Array | undefined {
  const table = report.run.table('site_dispatch');
  return table.has(name) ? table.numbers(name) : undefined;
}

/** Asset a's values of an asset_dispatch column (aligned with the site rows). */
export function assetColumn(report: RunReport, name: string, a: number): Float64Array {
  const block = report.assetBlocks[a];
  return report.run.table('asset_dispatch').numbers(name).subarray(block.from, block.to);
}

/** True when asset_dispatch has the column. */
export function hasAssetColumn(report: RunReport, name: string): boolean {
  return report.run.table('asset_dispatch').has(name);
}

/** The detail window's slice of a per-interval series. */
export function detailOf(report: RunReport, values: Float64Array): Float64Array {
  return values.subarray(report.detail.from, report.detail.to);
}

/** X ticks of the detail window (interval resolution). */
export function detailTicks(report: RunReport): { index: number; label: string }[] {
  return intervalTicks(report.timeline, report.detail.from, report.detail.to);
}

/** X ticks of the run's days. */
export function runDayTicks(report: RunReport): { index: number; label: string }[] {
  return dayTicks(report.timeline.dates);
}

/** Element-wise a - b. */
export function minus(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i += 1) {
    out[i] = a[i] - b[i];
  }
  return out;
}

/** Element-wise -a. */
export function negate(a: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i += 1) {
    out[i] = -a[i];
  }
  return out;
}

/** "2025-06-17" or "2025-06-17 .. 2025-06-23". */
export function dateSpan(first: string, last: string): string {
  return first === last ? first : `${first} .. ${last}`;
}
