import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '@euroflex/config';
import type { Series } from '@euroflex/markets';
import type { ForecastRequest } from '../contract';
import { createProvider } from './createProvider';

const HEADER = 'market,delivery_start_utc,delivery_end_utc,forecast_price_eur_per_mwh,issue_time_utc,available_from_utc,provider_name';
const DELIVERY_MS = Date.parse('2024-04-02T00:00:00Z');
const actual: Series = {
  name: 'day_ahead',
  instantsMs: Float64Array.of(DELIVERY_MS),
  values: Float64Array.of(42),
  columns: {},
  provenance: { source: 'test', steps: [] },
};
const request: ForecastRequest = {
  series: 'day_ahead',
  marketId: 'belgium',
  timezone: 'Europe/Brussels',
  decisionTimeMs: Date.parse('2024-04-01T10:00:00Z'),
  deliveryInstantsMs: Float64Array.of(DELIVERY_MS),
  history: { ...actual, instantsMs: new Float64Array(0), values: new Float64Array(0) },
  visible: {},
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forecast-provider-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('createProvider', () => {
  it('gives the actuals to perfect foresight only', async () => {
    const oracle = createProvider({ name: 'perfect_foresight' }, { day_ahead: actual });
    expect(Array.from((await oracle.forecast(request)).values)).toEqual([42]);
    expect(createProvider({ name: 'persistence' }, { day_ahead: actual })).toMatchObject({ name: 'persistence', auditable: true });
  });

  it('reads the csv files of the config, with the scenario filter', async () => {
    const path = join(dir, 'da.csv');
    writeFileSync(
      path,
      [
        `${HEADER},scenario_id`,
        'day_ahead,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,55,2024-04-01T08:00:00Z,2024-04-01T09:00:00Z,vendor,p50',
        'day_ahead,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,80,2024-04-01T08:00:00Z,2024-04-01T09:00:00Z,vendor,p90',
      ].join('\n'),
    );
    const provider = createProvider({ name: 'csv', files: { day_ahead: path }, scenarioId: 'p90' }, { day_ahead: actual });
    const snapshot = await provider.forecast(request);
    expect([provider.name, snapshot.provider, snapshot.values[0]]).toEqual(['csv', 'vendor', 80]);
  });

  it('reads scenario bundles from the scenario_id and scenario_weight columns', async () => {
    const path = join(dir, 'bundle.csv');
    writeFileSync(
      path,
      [
        `${HEADER},scenario_id,scenario_weight`,
        'day_ahead,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,40,2024-04-01T08:00:00Z,2024-04-01T09:00:00Z,vendor,dry,0.25',
        'day_ahead,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,80,2024-04-01T08:00:00Z,2024-04-01T09:00:00Z,vendor,wet,0.75',
      ].join('\n'),
    );
    const provider = createProvider({ name: 'csv', mode: 'scenario_bundle', files: { day_ahead: path } }, {});
    const snapshot = await provider.forecast(request);
    expect(Array.from(snapshot.values)).toEqual([70]);
    expect(snapshot.scenarios?.map((scenario) => [scenario.id, scenario.weight, scenario.values[0]])).toEqual([
      ['dry', 0.25, 40],
      ['wet', 0.75, 80],
    ]);
  });

  it('reports invalid csv files when the provider is created', () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, `${HEADER}\nimbalance,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,55,2024-04-01T08:00:00Z,2024-04-01T09:00:00Z,v\n`);
    expect(() => createProvider({ name: 'csv', files: { day_ahead: path } }, {})).toThrow(DataError);
  });

  it('asks for at least the day-ahead file', () => {
    expect(() => createProvider({ name: 'csv', files: {} }, {})).toThrow('needs at least forecast_provider.day_ahead_path');
  });

  it('sends custom_module to createProviderAsync, which loads modules', () => {
    expect(() => createProvider({ name: 'custom_module' }, {})).toThrow('create the provider with createProviderAsync');
  });
});
