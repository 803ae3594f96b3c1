import { SERIES_UNITS } from '@euroflex/config';
import type { Series } from '../series';
import { formatOffset, zoneClock } from '../time/zoneClock';
import { CANONICAL_COLUMNS } from './csvTable';

/** What the canonical CSV needs beyond the series itself. */
export interface WriteSeriesOptions {
  /** Market time zone of `timestamp_local`. */
  readonly timezone: string;
  /** Provenance cell per row (e.g. fills); default: the series' provenance steps joined by `;`. */
  readonly rowProvenance?: readonly string[];
  /** `quality_status` cell; default `unknown`. */
  readonly qualityStatus?: string;
  /** Marks the rows as forecasts (`is_actual` False, `is_forecast` True); default false. */
  readonly isForecast?: boolean;
  /**
   * Coarse rows: write only the quarter-hours listed in `first` (series indices, ascending),
   * each labelled with its `resolution` (e.g. `PT4H` for the first quarter-hour of a 4-hour
   * block, which the reader holds over the block) and its provenance cell (`rowProvenance`
   * is then unused). Default: every quarter-hour, `PT15M`.
   */
  readonly rows?: SeriesRows;
}

/** Which quarter-hours of a series start a written row, each row's resolution label and provenance cell. */
export interface SeriesRows {
  readonly first: Int32Array;
  readonly resolution: readonly string[];
  readonly provenance: readonly string[];
}

/**
 * The canonical CSV text of a quarter-hour series: the twelve canonical columns, then the
 * numeric extra columns; one row per quarter-hour, or the coarse rows of `options.rows`.
 * `currency` is `EUR` for prices and `ratio` for activation ratios.
 */
export function formatSeriesCsv(series: Series, options: WriteSeriesOptions): string {
  const clock = zoneClock(options.timezone);
  const extraNames = Object.keys(series.columns);
  const defaultProvenance = quote(series.provenance.steps.join(';') || series.provenance.source);
  const currency = SERIES_UNITS[series.name] === 'frac' ? 'ratio' : 'EUR';
  const constant = {
    market: series.name,
    zone: quote(series.provenance.zone ?? ''),
    source: quote(series.provenance.source),
    actual: options.isForecast === true ? 'False' : 'True',
    forecast: options.isForecast === true ? 'True' : 'False',
    quality: quote(options.qualityStatus ?? 'unknown'),
  };
  const lines: string[] = [[...CANONICAL_COLUMNS, ...extraNames].join(',')];
  const offsetLabels = new Map<number, string>();
  const rowCount = options.rows === undefined ? series.instantsMs.length : options.rows.first.length;
  for (let row = 0; row < rowCount; row += 1) {
    const i = options.rows === undefined ? row : options.rows.first[row];
    const instant = series.instantsMs[i];
    const provenance =
      options.rows !== undefined
        ? quote(options.rows.provenance[row])
        : options.rowProvenance === undefined
          ? defaultProvenance
          : quote(options.rowProvenance[i] ?? '');
    // One Date per label instead of luxon: this runs for every row of a year.
    const offset = clock.offsetMinutes(instant);
    let offsetLabel = offsetLabels.get(offset);
    if (offsetLabel === undefined) {
      offsetLabel = formatOffset(offset);
      offsetLabels.set(offset, offsetLabel);
    }
    const cells = [
      `${new Date(instant).toISOString().slice(0, 19)}Z`,
      `${new Date(instant + offset * 60_000).toISOString().slice(0, 19)}${offsetLabel}`,
      constant.market,
      options.rows === undefined ? 'PT15M' : options.rows.resolution[row],
      String(series.values[i]),
      currency,
      constant.zone,
      constant.source,
      constant.actual,
      constant.forecast,
      constant.quality,
      provenance,
    ];
    for (const name of extraNames) {
      cells.push(String(series.columns[name][i]));
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
