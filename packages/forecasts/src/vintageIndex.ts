import { DataError, UserError, type LabIssue, type SeriesName } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import type { ParsedForecastFile } from './forecastFile';

/**
 * The rows of one forecast file that a point forecast may use, sorted by delivery start,
 * then `available_from`, then `issue_time`: within one delivery start, the last row that is
 * available at the decision time is the latest vintage, ties going to the latest issue.
 */
export interface VintageIndex {
  readonly file: ParsedForecastFile;
  /** File row positions, in sorted order. */
  readonly order: Int32Array;
  /** Delivery start of each sorted row (for binary search). */
  readonly deliveryStartMs: Float64Array;
  /** Available-from time of each sorted row. */
  readonly availableFromMs: Float64Array;
}

function describeScenario(id: string | undefined): string {
  return id === undefined ? '(no scenario_id)' : `"${id}"`;
}

/** Row positions of the one scenario a point forecast reads; throws if that is ambiguous. */
function pointRows(file: ParsedForecastFile, scenarioId: string | undefined): number[] {
  const all = file.scenarioIds.map((_, position) => position);
  if (scenarioId !== undefined) {
    const kept = all.filter((position) => file.scenarioIds[position] === scenarioId);
    if (kept.length === 0) {
      const found = [...new Set(file.scenarioIds)].map(describeScenario).join(', ');
      const message = `${file.path}: no rows have scenario_id "${scenarioId}" (found: ${found}); fix forecast_provider.scenario_id`;
      throw new UserError(message, [{ path: 'forecast_provider.scenario_id', code: 'unknown_scenario', message, file: file.path }]);
    }
    return kept;
  }
  const ids = [...new Set(file.scenarioIds)];
  if (ids.length > 1) {
    const message =
      `${file.path} holds ${ids.length} scenarios (${ids.map(describeScenario).join(', ')}); a point forecast ` +
      `needs one: set forecast_provider.scenario_id, or use forecast_provider.mode: scenario_bundle`;
    throw new UserError(message, [{ path: 'forecast_provider.scenario_id', code: 'ambiguous_scenario', message, file: file.path }]);
  }
  return all;
}

/** Two rows with the same delivery start, issue and availability would make the choice arbitrary. */
function duplicateIssues(file: ParsedForecastFile, order: Int32Array): LabIssue[] {
  const issues: LabIssue[] = [];
  for (let k = 1; k < order.length; k += 1) {
    const a = order[k - 1];
    const b = order[k];
    if (
      file.deliveryStartMs[a] === file.deliveryStartMs[b] &&
      file.availableFromMs[a] === file.availableFromMs[b] &&
      file.issueTimeMs[a] === file.issueTimeMs[b]
    ) {
      const [first, second] = file.rows[a] < file.rows[b] ? [a, b] : [b, a];
      issues.push({
        path: 'delivery_start_utc',
        code: 'duplicate_vintage',
        message:
          `same delivery_start_utc, issue_time_utc and available_from_utc as row ${file.rows[first]}: ` +
          `keep one of the two rows or give them different vintages`,
        file: file.path,
        row: file.rows[second],
        instant: isoUtc(file.deliveryStartMs[b]),
      });
    }
  }
  return issues;
}

/** Index the rows of `file` for point forecasts of `series`, optionally of one scenario. */
export function buildVintageIndex(file: ParsedForecastFile, series: SeriesName, scenarioId?: string): VintageIndex {
  if (file.series !== series) {
    throw new RangeError(`forecast file ${file.path} holds \`${file.series}\`, not \`${series}\``);
  }
  const positions = pointRows(file, scenarioId);
  positions.sort(
    (a, b) =>
      file.deliveryStartMs[a] - file.deliveryStartMs[b] ||
      file.availableFromMs[a] - file.availableFromMs[b] ||
      file.issueTimeMs[a] - file.issueTimeMs[b],
  );
  const order = Int32Array.from(positions);
  const issues = duplicateIssues(file, order);
  if (issues.length > 0) {
    throw new DataError(issues, file.path);
  }
  return {
    file,
    order,
    deliveryStartMs: Float64Array.from(order, (position) => file.deliveryStartMs[position]),
    availableFromMs: Float64Array.from(order, (position) => file.availableFromMs[position]),
  };
}

/** First position in [lo, hi) of ascending `sorted` whose value is >= `target`. */
export function lowerBound(sorted: Float64Array, target: number, lo = 0, hi = sorted.length): number {
  let low = lo;
  let high = hi;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < target) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

/** First position in [lo, hi) of ascending `sorted` whose value is > `target`. */
export function upperBound(sorted: Float64Array, target: number, lo = 0, hi = sorted.length): number {
  let low = lo;
  let high = hi;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= target) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
