import type { SeriesName } from '@euroflex/config';
import type { Series } from '@euroflex/markets';
import type { ForecastRequest } from '../../src/contract';

/** A series of the given values on consecutive quarter-hours from `startIso`. */
export function seriesOf(name: SeriesName, startIso: string, values: readonly number[]): Series {
  const startMs = Date.parse(startIso);
  return {
    name,
    instantsMs: Float64Array.from(values, (_, i) => startMs + i * 900_000),
    values: Float64Array.from(values),
    columns: {},
    provenance: { source: 'test', steps: [] },
  };
}

/** A request for `series` over `deliveryIsos`, with `history` as its visible history. */
export function simpleRequest(
  history: Series,
  decisionIso: string,
  deliveryIsos: readonly string[],
  visible: Partial<Record<SeriesName, Series>> = { [history.name]: history },
): ForecastRequest {
  return {
    series: history.name,
    marketId: 'belgium',
    timezone: 'Europe/Brussels',
    decisionTimeMs: Date.parse(decisionIso),
    deliveryInstantsMs: Float64Array.from(deliveryIsos, (iso) => Date.parse(iso)),
    history,
    visible,
  };
}
