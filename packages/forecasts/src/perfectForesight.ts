import { UserError, type SeriesName } from '@euroflex/config';
import { indexOfInstant, isoUtc, valuesAt, type Series } from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from './contract';

/** Name of the oracle provider, as written in configs and snapshot tables. */
export const PERFECT_FORESIGHT = 'perfect_foresight';

function missingInstants(series: Series, instantsMs: Float64Array): number[] {
  const missing: number[] = [];
  for (const instantMs of instantsMs) {
    if (indexOfInstant(series, instantMs) < 0) {
      missing.push(instantMs);
    }
  }
  return missing;
}

function deliveryNotCovered(series: SeriesName, missing: readonly number[]): UserError {
  const first = missing.slice(0, 3).map(isoUtc).join(', ');
  const message =
    `perfect_foresight has no actual \`${series}\` value for ${missing.length} delivery interval(s) ` +
    `(first: ${first}); extend data.${series} to cover the delivery window`;
  return new UserError(message, [{ path: `data.${series}`, code: 'actuals_missing', message, instant: isoUtc(missing[0]) }]);
}

/**
 * The oracle: returns the actual values (and extra columns, e.g. the Dutch surplus and
 * shortage prices) of the delivery intervals. It is the only provider that sees actuals,
 * and it gets them here, at construction, never through the request. Not auditable: its
 * snapshot is stamped as issued and available at the decision time.
 *
 * @param actuals the full loaded actual series, by name.
 */
export function createPerfectForesightProvider(actuals: Readonly<Partial<Record<SeriesName, Series>>>): ForecastProvider {
  return {
    name: PERFECT_FORESIGHT,
    auditable: false,
    forecast(request: ForecastRequest): ForecastSnapshot {
      const series = actuals[request.series];
      if (series === undefined) {
        const message = `perfect_foresight has no actual \`${request.series}\` series; add data.${request.series} to the config`;
        throw new UserError(message, [{ path: `data.${request.series}`, code: 'actuals_missing', message }]);
      }
      const values = valuesAt(series, request.deliveryInstantsMs);
      if (values === undefined) {
        throw deliveryNotCovered(request.series, missingInstants(series, request.deliveryInstantsMs));
      }
      const extra: Record<string, Float64Array> = {};
      for (const column of Object.keys(series.columns)) {
        extra[column] = valuesAt(series, request.deliveryInstantsMs, column) as Float64Array;
      }
      return {
        series: request.series,
        provider: PERFECT_FORESIGHT,
        issueTimeMs: request.decisionTimeMs,
        availableFromMs: request.decisionTimeMs,
        values,
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
      };
    },
  };
}
