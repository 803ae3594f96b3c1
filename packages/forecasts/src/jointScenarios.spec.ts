import type { ForecastScenario, ForecastSnapshot } from './contract';
import { jointScenarios } from './jointScenarios';

const DECISION_MS = Date.parse('2024-04-01T10:00:00Z');

function snapshot(series: ForecastSnapshot['series'], values: number[], scenarios?: [string, number, number[]][]): ForecastSnapshot {
  const bundle: ForecastScenario[] | undefined = scenarios?.map(([id, weight, scenarioValues]) => ({ id, weight, values: Float64Array.from(scenarioValues) }));
  return {
    series,
    provider: 'test',
    issueTimeMs: DECISION_MS,
    availableFromMs: DECISION_MS,
    values: Float64Array.from(values),
    ...(bundle === undefined ? {} : { scenarios: bundle }),
  };
}

const dayAhead = snapshot('day_ahead', [55, 65], [
  ['low', 0.5, [50, 60]],
  ['high', 0.5, [60, 70]],
]);
const fcr = snapshot('fcr_capacity', [9, 11], [
  ['high', 0.5, [10, 12]],
  ['low', 0.5, [8, 10]],
]);
const ratio = snapshot('afrr_activation_ratio_up', [0.2, 0.3]);

describe('jointScenarios', () => {
  it('is undefined for a point decision', () => {
    expect(jointScenarios([snapshot('day_ahead', [1]), ratio], DECISION_MS)).toBeUndefined();
  });

  it('matches scenarios by id across series; a series without scenarios is the same in every scenario', () => {
    const joint = jointScenarios([dayAhead, fcr, ratio], DECISION_MS) ?? [];
    expect(joint.map((scenario) => [scenario.id, scenario.weight])).toEqual([
      ['low', 0.5],
      ['high', 0.5],
    ]);
    const [low, high] = joint;
    expect(Array.from(low.series.day_ahead?.values ?? [])).toEqual([50, 60]);
    expect(Array.from(low.series.fcr_capacity?.values ?? [])).toEqual([8, 10]);
    expect(Array.from(high.series.fcr_capacity?.values ?? [])).toEqual([10, 12]);
    expect(low.series.afrr_activation_ratio_up?.values).toBe(ratio.values);
    expect(high.series.afrr_activation_ratio_up?.values).toBe(ratio.values);
  });

  it('refuses different ids, naming the decision and both series', () => {
    const other = snapshot('fcr_capacity', [1, 1], [
      ['low', 0.5, [1, 1]],
      ['mid', 0.5, [1, 1]],
    ]);
    expect(() => jointScenarios([dayAhead, other], DECISION_MS)).toThrow(
      'at decision 2024-04-01T10:00:00Z the scenario ids of `day_ahead` ("low" 0.5, "high" 0.5) and `fcr_capacity` ("low" 0.5, "mid" 0.5) differ',
    );
    const fewer = snapshot('fcr_capacity', [1, 1], [['low', 1, [1, 1]]]);
    expect(() => jointScenarios([dayAhead, fewer], DECISION_MS)).toThrow('scenario ids');
  });

  it('refuses the same ids with different weights, and tolerates 1e-9', () => {
    const skewed = snapshot('fcr_capacity', [1, 1], [
      ['low', 0.4, [1, 1]],
      ['high', 0.6, [1, 1]],
    ]);
    expect(() => jointScenarios([dayAhead, skewed], DECISION_MS)).toThrow('scenario weights of `day_ahead`');
    const rounded = snapshot('fcr_capacity', [1, 1], [
      ['low', 0.5 + 4e-10, [1, 1]],
      ['high', 0.5 - 4e-10, [1, 1]],
    ]);
    expect(jointScenarios([dayAhead, rounded], DECISION_MS)).toHaveLength(2);
  });
});
