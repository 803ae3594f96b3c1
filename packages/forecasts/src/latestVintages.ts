import type { ForecastRequest } from './contract';
import { lowerBound, upperBound, type VintageIndex } from './vintageIndex';

/** What one indexed forecast file offers at one decision, per requested delivery instant. */
export interface VintagePick {
  /** File position of the latest visible vintage per delivery instant; -1 when none is visible. */
  readonly chosen: Int32Array;
  /** Requested instants without any row. */
  readonly absent: readonly number[];
  /** Requested instants whose rows all become available after the decision. */
  readonly hidden: readonly number[];
  /** Earliest `available_from_utc` among the rows of the hidden instants (Infinity if none). */
  readonly earliestHiddenMs: number;
}

/**
 * Per delivery instant, the latest vintage with `available_from_utc <= decision time`
 * (ties: latest `issue_time_utc`, by the index order). Binary searches only: the cost is
 * O(instants x log rows) whatever the file size.
 */
export function latestVintages(index: VintageIndex, request: ForecastRequest): VintagePick {
  const count = request.deliveryInstantsMs.length;
  const chosen = new Int32Array(count).fill(-1);
  const absent: number[] = [];
  const hidden: number[] = [];
  let earliestHiddenMs = Infinity;
  for (let i = 0; i < count; i += 1) {
    const instantMs = request.deliveryInstantsMs[i];
    const lo = lowerBound(index.deliveryStartMs, instantMs);
    const hi = upperBound(index.deliveryStartMs, instantMs, lo);
    if (lo === hi) {
      absent.push(instantMs);
      continue;
    }
    const visibleEnd = upperBound(index.availableFromMs, request.decisionTimeMs, lo, hi);
    if (visibleEnd === lo) {
      hidden.push(instantMs);
      earliestHiddenMs = Math.min(earliestHiddenMs, index.availableFromMs[lo]);
      continue;
    }
    chosen[i] = index.order[visibleEnd - 1];
  }
  return { chosen, absent, hidden, earliestHiddenMs };
}
