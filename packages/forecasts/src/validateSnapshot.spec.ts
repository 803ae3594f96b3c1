import type { Series } from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from './contract';
import { SnapshotContractError, validateSnapshot } from './validateSnapshot';

const DECISION_MS = Date.parse('2024-04-01T10:00:00Z');
const history: Series = { name: 'day_ahead', instantsMs: new Float64Array(0), values: new Float64Array(0), columns: {}, provenance: { source: 'test', steps: [] } };
const request: ForecastRequest = {
  series: 'day_ahead',
  marketId: 'belgium',
  timezone: 'Europe/Brussels',
  decisionTimeMs: DECISION_MS,
  deliveryInstantsMs: Float64Array.of(Date.parse('2024-04-02T00:00:00Z'), Date.parse('2024-04-02T00:15:00Z')),
  history,
  visible: {},
};

function providerOf(auditable: boolean): ForecastProvider {
  return { name: auditable ? 'vendor' : 'oracle', auditable, forecast: () => good };
}

const good: ForecastSnapshot = {
  series: 'day_ahead',
  provider: 'vendor',
  issueTimeMs: DECISION_MS - 3_600_000,
  availableFromMs: DECISION_MS,
  values: Float64Array.of(50, 60),
};

describe('validateSnapshot', () => {
  it('accepts a complete, finite snapshot available at the decision time', () => {
    expect(() => validateSnapshot(good, request, providerOf(true))).not.toThrow();
  });

  it.each<[string, Partial<ForecastSnapshot>, string]>([
    ['a missing value', { values: Float64Array.of(50) }, 'values has 1 values for 2 delivery intervals'],
    ['a NaN value', { values: Float64Array.of(50, Number.NaN) }, 'values is NaN at 2024-04-02T00:15:00Z'],
    ['an infinite extra column', { extra: { shortage: Float64Array.of(Infinity, 1) } }, 'extra column shortage is Infinity at 2024-04-02T00:00:00Z'],
    ['another series', { series: 'imbalance' }, 'the snapshot is for `imbalance`'],
    ['issue after availability', { issueTimeMs: DECISION_MS + 1, availableFromMs: DECISION_MS }, 'issued at 2024-04-01T10:00:00.001Z'],
    ['look-ahead', { availableFromMs: DECISION_MS + 900_000 }, 'available only from 2024-04-01T10:15:00Z, after the decision'],
    [
      'scenario weights that do not sum to 1',
      { scenarios: [{ id: 'a', weight: 0.7, values: Float64Array.of(1, 2) }, { id: 'b', weight: 0.5, values: Float64Array.of(1, 2) }] },
      'scenario weights sum to 1.2',
    ],
    [
      'scenario weights 1e-7 away from 1 (the tolerance is 1e-9)',
      { scenarios: [{ id: 'a', weight: 0.4999999, values: Float64Array.of(1, 2) }, { id: 'b', weight: 0.5, values: Float64Array.of(1, 2) }] },
      'scenario weights sum to 0.99999989',
    ],
    ['a short scenario', { scenarios: [{ id: 'a', weight: 1, values: Float64Array.of(1) }] }, 'scenario a values has 1 values'],
  ])('rejects %s as a provider bug', (_, change, message) => {
    const run = (): void => validateSnapshot({ ...good, ...change }, request, providerOf(true));
    expect(run).toThrow(SnapshotContractError);
    expect(run).toThrow(message);
  });

  it('lets the oracle (not auditable) be stamped after the decision, but still checks values', () => {
    const late = { ...good, availableFromMs: DECISION_MS + 900_000 };
    expect(() => validateSnapshot(late, request, providerOf(false))).not.toThrow();
    expect(() => validateSnapshot({ ...late, values: Float64Array.of(1) }, request, providerOf(false))).toThrow(SnapshotContractError);
  });

  it('names the provider, the series and the decision', () => {
    expect(() => validateSnapshot({ ...good, values: Float64Array.of(1) }, request, providerOf(true))).toThrow(
      'forecast provider vendor broke the snapshot contract for `day_ahead` at decision 2024-04-01T10:00:00Z',
    );
  });

  it('rejects activation ratios outside [0, 1], counted once with the first instant', () => {
    const ratioRequest: ForecastRequest = { ...request, series: 'afrr_activation_ratio_down' };
    const snapshot: ForecastSnapshot = { ...good, series: 'afrr_activation_ratio_down', values: Float64Array.of(-0.5, 1.7) };
    expect(() => validateSnapshot(snapshot, ratioRequest, providerOf(true))).toThrow(
      'values has 2 activation ratios outside [0, 1] (first: -0.5 at 2024-04-02T00:00:00Z); ratios are fractions of the reserved capacity (0.25, not 25)',
    );
    expect(() => validateSnapshot({ ...snapshot, values: Float64Array.of(0, 1) }, ratioRequest, providerOf(true))).not.toThrow();
    // A price series may be anything finite.
    expect(() => validateSnapshot({ ...good, values: Float64Array.of(-500, 4000) }, request, providerOf(true))).not.toThrow();
  });
});
