import type { SeriesName } from '@euroflex/config';

/**
 * A vintaged forecast file for one series, column-oriented, one entry per data row in file
 * order. `readForecastCsv` builds it from a CSV; tests and other readers may build it
 * directly. Times are UTC epoch ms.
 */
export interface ParsedForecastFile {
  /** The series this file forecasts (the CSV's `market` column). */
  readonly series: SeriesName;
  /** Where the rows came from, for messages (a path, or a description). */
  readonly path: string;
  /** `delivery_start_utc` per row: a quarter-hour interval start. */
  readonly deliveryStartMs: Float64Array;
  /** `issue_time_utc` per row: when the forecast was made; <= `availableFromMs`. */
  readonly issueTimeMs: Float64Array;
  /** `available_from_utc` per row: when the forecast became usable. */
  readonly availableFromMs: Float64Array;
  /** `forecast_price_eur_per_mwh` per row, in the unit of the series (`SERIES_UNITS`). */
  readonly values: Float64Array;
  /** `provider_name` per row. */
  readonly providerNames: readonly string[];
  /** `scenario_id` per row; undefined when the column is absent or the cell is empty. */
  readonly scenarioIds: readonly (string | undefined)[];
  /** `scenario_weight` per row; 1 when the column is absent or the cell is empty. */
  readonly scenarioWeights: Float64Array;
  /** Line of each row in its file (1-based, header is line 1), for messages. */
  readonly rows: Int32Array;
}
