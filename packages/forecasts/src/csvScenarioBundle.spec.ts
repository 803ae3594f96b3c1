import { DataError, UserError } from '@euroflex/config';
import { forecastFile, type VintageRow } from '../test/support/forecastFile';
import { seriesOf, simpleRequest } from '../test/support/request';
import type { ForecastSnapshot } from './contract';
import { createCsvProvider } from './csvProvider';

const T0 = '2024-04-02T00:00:00Z';
const T1 = '2024-04-02T00:15:00Z';
const T2 = '2024-04-02T00:30:00Z';
const EARLY = { issued: '2024-04-01T09:00:00Z', available: '2024-04-01T10:00:00Z' };
const LATER = { issued: '2024-04-01T10:30:00Z', available: '2024-04-01T11:00:00Z' };
const NOON = { issued: '2024-04-01T11:45:00Z', available: '2024-04-01T12:00:00Z' };

const rows: VintageRow[] = [
  { delivery: T0, ...EARLY, value: 40, scenario: 'low', weight: 0.3 },
  { delivery: T0, ...LATER, value: 45, scenario: 'low', weight: 0.3, provider: 'vendor_b' },
  { delivery: T1, ...EARLY, value: 50, scenario: 'low', weight: 0.3 },
  { delivery: T0, ...EARLY, value: 60, scenario: 'high', weight: 0.7 },
  { delivery: T0, ...NOON, value: 99, scenario: 'high', weight: 0.7 },
  { delivery: T1, ...EARLY, value: 70, scenario: 'high', weight: 0.7 },
  { delivery: T2, ...EARLY, value: 80, scenario: 'high', weight: 0.7 },
  // A scenario first published at noon: it does not exist before, and then breaks the sum.
  { delivery: T0, ...NOON, value: 1, scenario: 'spike', weight: 0.2 },
  { delivery: T1, ...NOON, value: 1, scenario: 'spike', weight: 0.2 },
];

const history = seriesOf('day_ahead', '2024-04-01T00:00:00Z', [1]);
const bundle = createCsvProvider({ day_ahead: forecastFile('day_ahead', rows, 'bundle.csv') }, { mode: 'scenario_bundle' });

function forecast(decisionIso: string, deliveries: readonly string[]): ForecastSnapshot {
  return bundle.forecast(simpleRequest(history, decisionIso, deliveries)) as ForecastSnapshot;
}

function userErrorOf(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('csv scenario bundles', () => {
  it('takes the latest visible vintage per scenario and the probability-weighted mean as the point forecast', () => {
    const snapshot = forecast('2024-04-01T11:30:00Z', [T0, T1]);
    expect(snapshot.scenarios?.map((scenario) => [scenario.id, scenario.weight, Array.from(scenario.values)])).toEqual([
      ['low', 0.3, [45, 50]],
      ['high', 0.7, [60, 70]],
    ]);
    expect(Array.from(snapshot.values)).toEqual([0.3 * 45 + 0.7 * 60, 0.3 * 50 + 0.7 * 70]);
    expect(snapshot.issueTimeMs).toBe(Date.parse(LATER.issued));
    expect(snapshot.availableFromMs).toBe(Date.parse(LATER.available));
    expect(snapshot.provider).toBe('vendor_b+vendor_a');
  });

  it('checks coverage per scenario', () => {
    const error = userErrorOf(() => forecast('2024-04-01T11:30:00Z', [T0, T1, T2]));
    expect(error.message).toBe('bundle.csv: the `day_ahead` scenario "low" forecast does not cover the delivery window at 2024-04-01T11:30:00Z');
    expect(error.issues[0]).toMatchObject({ code: 'forecast_missing', instant: T2 });
  });

  it('reports a weight sum other than 1, naming the file, the decision and the sum', () => {
    const error = userErrorOf(() => forecast('2024-04-01T12:00:00Z', [T0, T1]));
    expect(error.message).toContain('bundle.csv: the scenario weights of `day_ahead` at decision 2024-04-01T12:00:00Z sum to 1.2, not 1');
    expect(error.message).toContain('"low" 0.3, "high" 0.7, "spike" 0.2');
    expect(error.issues[0]).toMatchObject({ code: 'scenario_weights_sum', file: 'bundle.csv' });
  });

  it('sums weights within 1e-9: six-digit thirds are refused, ten-digit thirds accepted', () => {
    const thirds = (weight: number): VintageRow[] =>
      ['a', 'b', 'c'].map((scenario) => ({ delivery: T0, ...EARLY, value: 3, scenario, weight }));
    const coarse = createCsvProvider({ day_ahead: forecastFile('day_ahead', thirds(0.333333)) }, { mode: 'scenario_bundle' });
    expect(() => coarse.forecast(simpleRequest(history, '2024-04-01T11:00:00Z', [T0]))).toThrow('sum to 0.999999');
    const fine = createCsvProvider({ day_ahead: forecastFile('day_ahead', thirds(0.3333333333)) }, { mode: 'scenario_bundle' });
    expect((fine.forecast(simpleRequest(history, '2024-04-01T11:00:00Z', [T0])) as ForecastSnapshot).scenarios).toHaveLength(3);
  });

  it('refuses a scenario whose vintages in use carry different weights', () => {
    const drifting: VintageRow[] = [
      { delivery: T0, ...EARLY, value: 1, scenario: 'only', weight: 1 },
      { delivery: T1, ...EARLY, value: 1, scenario: 'only', weight: 0.9 },
    ];
    const provider = createCsvProvider({ day_ahead: forecastFile('day_ahead', drifting, 'drift.csv') }, { mode: 'scenario_bundle' });
    expect(() => provider.forecast(simpleRequest(history, '2024-04-01T11:00:00Z', [T0, T1]))).toThrow(
      'drift.csv: scenario "only" of `day_ahead` has different scenario_weight values among the vintages used at decision 2024-04-01T11:00:00Z (1 on line 2, 0.9 on line 3)',
    );
  });

  it('says when no scenario is visible yet', () => {
    const error = userErrorOf(() => forecast('2024-04-01T09:00:00Z', [T0]));
    expect(error.issues[0]).toMatchObject({ code: 'forecast_lookahead', instant: T0 });
    expect(error.issues[0].message).toContain('earliest available_from_utc 2024-04-01T10:00:00Z');
  });

  it('reads a file without scenario ids as a deterministic series', () => {
    const plain = forecastFile('fcr_capacity', [{ delivery: T0, ...EARLY, value: 7 }]);
    const provider = createCsvProvider({ fcr_capacity: plain }, { mode: 'scenario_bundle' });
    const snapshot = provider.forecast({ ...simpleRequest(history, '2024-04-01T11:00:00Z', [T0]), series: 'fcr_capacity' }) as ForecastSnapshot;
    expect([Array.from(snapshot.values), snapshot.scenarios]).toEqual([[7], undefined]);
  });

  it('refuses, when the provider is created, rows without scenario_id next to rows with one, and scenario_id with a bundle', () => {
    const mixed = forecastFile('day_ahead', [rows[0], { delivery: T1, ...EARLY, value: 1 }], 'mixed.csv');
    let error: unknown;
    try {
      createCsvProvider({ day_ahead: mixed }, { mode: 'scenario_bundle' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).issues[0]).toMatchObject({ code: 'scenario_id_missing', file: 'mixed.csv', row: 3 });
    expect(() => createCsvProvider({ day_ahead: forecastFile('day_ahead', rows) }, { mode: 'scenario_bundle', scenarioId: 'low' })).toThrow(
      'scenario_id is only valid for point-mode csv forecasts',
    );
  });

  it('refuses two rows with the same vintage within a scenario', () => {
    const twice = forecastFile('day_ahead', [rows[0], { ...rows[0], value: 41 }], 'twice.csv');
    expect(() => createCsvProvider({ day_ahead: twice }, { mode: 'scenario_bundle' })).toThrow(DataError);
  });
});
