import type { SeriesName } from '@euroflex/config';
import type { ParsedForecastFile } from '../../src/forecastFile';

/** One vintage row, times as ISO-8601 UTC strings. */
export interface VintageRow {
  readonly delivery: string;
  readonly issued: string;
  readonly available: string;
  readonly value: number;
  readonly provider?: string;
  readonly scenario?: string;
  /** `scenario_weight`; defaults to 1 as in a CSV without the column. */
  readonly weight?: number;
}

/** A forecast file built in memory; row i is "line" i + 2 as in a CSV with a header. */
export function forecastFile(series: SeriesName, rows: readonly VintageRow[], path = 'memory.csv'): ParsedForecastFile {
  return {
    series,
    path,
    deliveryStartMs: Float64Array.from(rows, (row) => Date.parse(row.delivery)),
    issueTimeMs: Float64Array.from(rows, (row) => Date.parse(row.issued)),
    availableFromMs: Float64Array.from(rows, (row) => Date.parse(row.available)),
    values: Float64Array.from(rows, (row) => row.value),
    providerNames: rows.map((row) => row.provider ?? 'vendor_a'),
    scenarioIds: rows.map((row) => row.scenario),
    scenarioWeights: Float64Array.from(rows, (row) => row.weight ?? 1),
    rows: Int32Array.from(rows, (_, i) => i + 2),
  };
}
