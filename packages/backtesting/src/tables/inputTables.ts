import type { SeriesName } from '@euroflex/config';
import { indexOfInstant, type Series } from '@euroflex/markets';
import { sameInstants, timeAxis, type TimeAxis } from './runAxes';
import { coded, constant, makeTable, num, type Table } from './table';

/**
 * The window of each loaded series in the canonical format (`normalized_inputs/`), so a
 * run directory holds the exact inputs it was settled with.
 */
export function inputTables(
  actuals: Readonly<Partial<Record<SeriesName, Series>>>,
  window: Float64Array,
  timezone: string,
): Table[] {
  const tables: Table[] = [];
  // Series on the window's grid (all of them, normally) share its labels.
  let windowAxis: TimeAxis | undefined;
  for (const [name, series] of Object.entries(actuals) as [SeriesName, Series][]) {
    const first = indexOfInstant(series, window[0]);
    if (first < 0) {
      continue;
    }
    const count = window.length;
    const instants = series.instantsMs.subarray(first, first + count);
    windowAxis ??= timeAxis(window, timezone);
    const axis = sameInstants(instants, window) ? windowAxis : timeAxis(instants, timezone);
    const extra = Object.entries(series.columns)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([column, values]) => num(column, values.subarray(first, first + count)));
    tables.push(
      makeTable(name, [
        coded('timestamp_utc', axis.utc, axis.interval),
        coded('timestamp_local', axis.local, axis.interval),
        constant('market', name, count),
        constant('resolution', 'PT15M', count),
        num('price_eur_per_mwh', series.values.subarray(first, first + count)),
        ...extra,
        constant('source', series.provenance.source, count),
        constant('zone', series.provenance.zone ?? '', count),
        constant('provenance', series.provenance.steps.join(';'), count),
      ]),
    );
  }
  return tables;
}
