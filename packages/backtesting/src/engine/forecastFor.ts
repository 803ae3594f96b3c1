import type { SeriesName } from '@euroflex/config';
import { validateSnapshot, type ForecastProvider } from '@euroflex/forecasts';
import { valuesAt } from '@euroflex/markets';
import type { EngineContext, SnapshotRecord } from './types';
import { visibleHistory } from './visibility';

/** A forecast of one series for one decision, with the actuals of the same instants. */
export interface SeriesForecast {
  readonly values: Float64Array;
  readonly extra: Readonly<Record<string, Float64Array>>;
  readonly actual: Float64Array;
  readonly actualExtra: Readonly<Record<string, Float64Array>>;
  readonly record: SnapshotRecord;
}

/**
 * Ask `provider` for `series` over `deliveryInstantsMs` as of `decisionTimeMs`, with only
 * the visible history. The actual values are looked up afterwards, for the record and for
 * settlement; the provider never sees them.
 */
export async function forecastFor(
  context: EngineContext,
  provider: ForecastProvider,
  series: SeriesName,
  decisionId: string,
  decisionTimeMs: number,
  deliveryInstantsMs: Float64Array,
): Promise<SeriesForecast> {
  const visible = visibleHistory(context, decisionTimeMs);
  const history = visible[series];
  const actualSeries = context.actuals[series];
  if (history === undefined || actualSeries === undefined) {
    throw new RangeError(`series ${series} is not loaded`);
  }
  const request = {
    series,
    marketId: context.config.market.id,
    timezone: context.timezone,
    decisionTimeMs,
    deliveryInstantsMs,
    history,
    visible,
  };
  const snapshot = await provider.forecast(request);
  validateSnapshot(snapshot, request, provider);
  const actual = valuesAt(actualSeries, deliveryInstantsMs);
  if (actual === undefined) {
    throw new RangeError(`actual ${series} values are missing for decision ${decisionId}`);
  }
  const actualExtra: Record<string, Float64Array> = {};
  for (const column of Object.keys(actualSeries.columns)) {
    const values = valuesAt(actualSeries, deliveryInstantsMs, column);
    if (values) {
      actualExtra[column] = values;
    }
  }
  return {
    values: snapshot.values,
    extra: snapshot.extra ?? {},
    actual,
    actualExtra,
    record: { decisionId, request, snapshot, actual },
  };
}
