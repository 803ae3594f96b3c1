import type { ForecastRequest } from './contract';
import type { ParsedForecastFile } from './forecastFile';

/** Name of the vintaged CSV provider, as written in configs. */
export const CSV_PROVIDER = 'csv';

/** Issue and available times and provider label of a snapshot made of file rows. */
export interface VintageStamps {
  /** Latest `issue_time_utc` over the rows; the decision time when there are none. */
  readonly issueTimeMs: number;
  /** Latest `available_from_utc` over the rows; the decision time when there are none. */
  readonly availableFromMs: number;
  /** The rows' distinct `provider_name`s joined with `+`, in order of use; `csv` when there are none. */
  readonly provider: string;
}

/** Stamps of the snapshot made of the file rows at `positions` (every entry >= 0). */
export function vintageStamps(file: ParsedForecastFile, positions: Iterable<number>, request: ForecastRequest): VintageStamps {
  let issueTimeMs = -Infinity;
  let availableFromMs = -Infinity;
  const names = new Set<string>();
  for (const row of positions) {
    issueTimeMs = Math.max(issueTimeMs, file.issueTimeMs[row]);
    availableFromMs = Math.max(availableFromMs, file.availableFromMs[row]);
    names.add(file.providerNames[row]);
  }
  if (names.size === 0) {
    return { issueTimeMs: request.decisionTimeMs, availableFromMs: request.decisionTimeMs, provider: CSV_PROVIDER };
  }
  return { issueTimeMs, availableFromMs, provider: [...names].join('+') };
}

/** The file's values at `chosen` positions (one per delivery instant). */
export function valuesOfRows(file: ParsedForecastFile, chosen: Int32Array): Float64Array {
  return Float64Array.from(chosen, (row) => file.values[row]);
}
