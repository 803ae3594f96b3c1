import { seriesOf, simpleRequest } from '../test/support/request';
import type { ForecastSnapshot } from './contract';
import { scenarioSnapshotRows } from './scenarioSnapshotRows';

const request = simpleRequest(seriesOf('day_ahead', '2024-04-01T00:00:00Z', [1]), '2024-04-01T10:00:00Z', [
  '2024-04-02T00:00:00Z',
  '2024-04-02T00:15:00Z',
]);
const point: ForecastSnapshot = {
  series: 'day_ahead',
  provider: 'custom_module:TwoScenarioBundle',
  issueTimeMs: request.decisionTimeMs,
  availableFromMs: request.decisionTimeMs,
  values: Float64Array.of(50, 60),
};

describe('scenarioSnapshotRows', () => {
  it('writes each scenario of a bundle with its id, weight and values, and the same actuals', () => {
    const bundle: ForecastSnapshot = {
      ...point,
      scenarios: [
        { id: 'low', weight: 0.5, values: Float64Array.of(40, 50) },
        { id: 'high', weight: 0.5, values: Float64Array.of(60, 70) },
      ],
    };
    const rows = scenarioSnapshotRows(bundle, request, '2024-04-02-da-0', Float64Array.of(55, 66));
    expect(rows.map((row) => [row.scenario_id, row.scenario_weight, row.delivery_start_utc, row.forecast_value, row.actual_value])).toEqual([
      ['low', 0.5, '2024-04-02T00:00:00Z', 40, 55],
      ['low', 0.5, '2024-04-02T00:15:00Z', 50, 66],
      ['high', 0.5, '2024-04-02T00:00:00Z', 60, 55],
      ['high', 0.5, '2024-04-02T00:15:00Z', 70, 66],
    ]);
    expect(rows[0]).toMatchObject({ decision_id: '2024-04-02-da-0', provider_name: 'custom_module:TwoScenarioBundle' });
  });

  it('is empty for a point snapshot', () => {
    expect(scenarioSnapshotRows(point, request, 'd')).toEqual([]);
  });
});
