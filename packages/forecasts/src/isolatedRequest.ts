import type { SeriesName } from '@euroflex/config';
import type { Series } from '@euroflex/markets';
import type { ForecastRequest } from './contract';

function copySeries(series: Series): Series {
  const columns: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.columns)) {
    columns[name] = column.slice();
  }
  return {
    name: series.name,
    instantsMs: series.instantsMs.slice(),
    values: series.values.slice(),
    columns,
    provenance: { ...series.provenance, steps: [...series.provenance.steps] },
  };
}

/**
 * The request as given to untrusted-by-design code (a custom module): the same fields, but
 * every array is a copy in its own buffer. The engine's visible history is a view into the
 * full actual series, so `new Float64Array(view.buffer)` would reach values that were not
 * public yet, and writing to a view would corrupt the actuals used for settlement. Series
 * are copied on first access (a module that reads one covariate pays for one copy).
 */
export function isolatedRequest(request: ForecastRequest): ForecastRequest {
  const copies = new Map<Series, Series>();
  const copyOf = (series: Series): Series => {
    let copy = copies.get(series);
    if (copy === undefined) {
      copy = copySeries(series);
      copies.set(series, copy);
    }
    return copy;
  };
  const visible: Partial<Record<SeriesName, Series>> = {};
  for (const [name, series] of Object.entries(request.visible) as [SeriesName, Series | undefined][]) {
    if (series !== undefined) {
      Object.defineProperty(visible, name, { enumerable: true, get: () => copyOf(series) });
    }
  }
  const history = request.history;
  return Object.freeze({
    series: request.series,
    marketId: request.marketId,
    timezone: request.timezone,
    decisionTimeMs: request.decisionTimeMs,
    deliveryInstantsMs: request.deliveryInstantsMs.slice(),
    get history(): Series {
      return copyOf(history);
    },
    visible: Object.freeze(visible),
  });
}
