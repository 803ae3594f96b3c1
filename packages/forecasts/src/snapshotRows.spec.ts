import type { Series } from '@euroflex/markets';
import type { ForecastRequest, ForecastSnapshot } from './contract';
import { snapshotRows } from './snapshotRows';

const history: Series = { name: 'imbalance', instantsMs: new Float64Array(0), values: new Float64Array(0), columns: {}, provenance: { source: 'test', steps: [] } };

function requestFor(instantsIso: readonly string[]): ForecastRequest {
  return {
    series: 'imbalance',
    marketId: 'netherlands',
    timezone: 'Europe/Amsterdam',
    decisionTimeMs: Date.parse('2024-04-01T10:00:00Z'),
    deliveryInstantsMs: Float64Array.from(instantsIso, (iso) => Date.parse(iso)),
    history,
    visible: {},
  };
}

const snapshot: ForecastSnapshot = {
  series: 'imbalance',
  provider: 'persistence',
  issueTimeMs: Date.parse('2024-04-01T09:45:00Z'),
  availableFromMs: Date.parse('2024-04-01T10:00:00Z'),
  values: Float64Array.of(81.5, -12),
};

describe('snapshotRows', () => {
  it('writes one row per delivery interval with ISO UTC times and the actual attached afterwards', () => {
    const rows = snapshotRows(snapshot, requestFor(['2024-04-01T10:15:00Z', '2024-04-01T10:30:00Z']), '2024-04-01-imb-3', Float64Array.of(90, -20));
    expect(rows).toEqual([
      {
        decision_id: '2024-04-01-imb-3',
        series: 'imbalance',
        provider_name: 'persistence',
        decision_time_utc: '2024-04-01T10:00:00Z',
        issue_time_utc: '2024-04-01T09:45:00Z',
        available_from_utc: '2024-04-01T10:00:00Z',
        delivery_start_utc: '2024-04-01T10:15:00Z',
        delivery_end_utc: '2024-04-01T10:30:00Z',
        forecast_value: 81.5,
        actual_value: 90,
      },
      expect.objectContaining({ delivery_start_utc: '2024-04-01T10:30:00Z', delivery_end_utc: '2024-04-01T10:45:00Z', forecast_value: -12, actual_value: -20 }),
    ]);
  });

  it('leaves the actual null when unknown and labels non-contiguous intervals correctly', () => {
    const rows = snapshotRows(snapshot, requestFor(['2024-04-01T10:15:00Z', '2024-04-01T12:00:00Z']), 'd');
    expect(rows.map((row) => [row.delivery_start_utc, row.delivery_end_utc, row.actual_value])).toEqual([
      ['2024-04-01T10:15:00Z', '2024-04-01T10:30:00Z', null],
      ['2024-04-01T12:00:00Z', '2024-04-01T12:15:00Z', null],
    ]);
  });

  it('refuses misaligned actuals', () => {
    expect(() => snapshotRows(snapshot, requestFor(['2024-04-01T10:15:00Z', '2024-04-01T10:30:00Z']), 'd', Float64Array.of(1))).toThrow(RangeError);
  });
});
