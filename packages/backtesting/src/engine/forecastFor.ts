import type { SeriesName } from '@euroflex/config';
import { validateSnapshot, type ForecastProvider, type ForecastSnapshot } from '@euroflex/forecasts';
import { valuesAt } from '@euroflex/markets';
import type { EngineContext, SnapshotRecord } from './types';
import { visibleHistory } from './visibility';

/**
 * Ask `provider` for `series` over `deliveryInstantsMs` as of `decisionTimeMs`, with only
 * the visible history. The actual values are attached to the record afterwards.
 */
export async function forecastFor(
  context: EngineContext,
  provider: ForecastProvider,
  series: SeriesName,
  decisionId: string,
  decisionTimeMs: number,
  deliveryInstantsMs: Float64Array,
): Promise<{ snapshot: ForecastSnapshot; record: SnapshotRecord }> {
  const visible = visibleHistory(context, decisionTimeMs);
  const history = visible[series];
  if (history === undefined) {
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
  const actualSeries = context.actuals[series];
  const actual = actualSeries ? valuesAt(actualSeries, deliveryInstantsMs) : undefined;
  if (actual === undefined) {
    throw new RangeError(`actual ${series} values are missing for decision ${decisionId}`);
  }
  return { snapshot, record: { decisionId, request, snapshot, actual } };
}
