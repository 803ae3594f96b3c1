import { UserError } from '@euroflex/config';
import type { Series } from '@euroflex/markets';
import type { ForecastRequest } from './contract';
import { createPerfectForesightProvider } from './perfectForesight';

const Q = 900_000;
const START = Date.parse('2024-04-01T22:00:00Z');
const imbalance: Series = {
  name: 'imbalance',
  instantsMs: Float64Array.of(START, START + Q, START + 2 * Q),
  values: Float64Array.of(10, 20, 30),
  columns: { imbalance_surplus_price_eur_per_mwh: Float64Array.of(9, 19, 29) },
  provenance: { source: 'test', steps: [] },
};

function request(series: ForecastRequest['series'], instants: readonly number[]): ForecastRequest {
  return {
    series,
    marketId: 'netherlands',
    timezone: 'Europe/Amsterdam',
    decisionTimeMs: START - 3_600_000,
    deliveryInstantsMs: Float64Array.from(instants),
    history: { ...imbalance, instantsMs: new Float64Array(0), values: new Float64Array(0), columns: {} },
    visible: {},
  };
}

describe('perfect foresight', () => {
  const oracle = createPerfectForesightProvider({ imbalance });

  it('returns the actual values and extra columns of the delivery instants, stamped at the decision', async () => {
    const snapshot = await oracle.forecast(request('imbalance', [START + Q, START + 2 * Q]));
    expect(Array.from(snapshot.values)).toEqual([20, 30]);
    expect(Array.from(snapshot.extra?.imbalance_surplus_price_eur_per_mwh ?? [])).toEqual([19, 29]);
    expect([snapshot.issueTimeMs, snapshot.availableFromMs]).toEqual([START - 3_600_000, START - 3_600_000]);
    expect([oracle.name, oracle.auditable]).toEqual(['perfect_foresight', false]);
  });

  it('names the uncovered instants and the missing series', () => {
    expect(() => oracle.forecast(request('imbalance', [START + 2 * Q, START + 3 * Q]))).toThrow(
      'no actual `imbalance` value for 1 delivery interval(s) (first: 2024-04-01T22:45:00Z)',
    );
    expect(() => oracle.forecast(request('day_ahead', [START]))).toThrow(UserError);
  });
});
