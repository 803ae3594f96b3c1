import { UserError, type ForecastMode } from '@euroflex/config';
import { seriesOf, simpleRequest } from '../test/support/request';
import type { ForecastSnapshot } from './contract';
import type { CustomForecaster } from './customModuleContract';
import { createCustomModuleProvider } from './customModuleProvider';

const MODULE = { className: 'MyModel', modulePath: '/models/my_model.mjs' };
const history = seriesOf('day_ahead', '2024-04-01T00:00:00Z', [10, 20]);
const request = simpleRequest(history, '2024-04-01T10:00:00Z', ['2024-04-02T00:00:00Z', '2024-04-02T00:15:00Z']);
const DECISION_MS = request.decisionTimeMs;

function returning(result: unknown): CustomForecaster {
  return { forecast: () => result as ReturnType<CustomForecaster['forecast']> };
}

async function forecastWith(result: unknown, mode: ForecastMode = 'point'): Promise<ForecastSnapshot> {
  return createCustomModuleProvider(returning(result), { ...MODULE, mode }).forecast(request);
}

async function failureOf(result: unknown, mode: ForecastMode = 'point'): Promise<UserError> {
  const error = await forecastWith(result, mode).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof UserError)) {
    throw new Error(`expected a UserError, got ${String(error)}`);
  }
  return error;
}

describe('custom module results', () => {
  it('accepts plain arrays and Float64Arrays, copies them, and stamps the decision time by default', async () => {
    const values = [1, 2];
    const snapshot = await forecastWith({ values });
    values[0] = 99;
    expect(Array.from(snapshot.values)).toEqual([1, 2]);
    expect(snapshot).toMatchObject({ series: 'day_ahead', provider: 'custom_module:MyModel', issueTimeMs: DECISION_MS, availableFromMs: DECISION_MS });
    const typed = await forecastWith({ values: Float64Array.of(3, 4), issueTimeMs: DECISION_MS - 5, availableFromMs: DECISION_MS - 1 });
    expect([Array.from(typed.values), typed.issueTimeMs, typed.availableFromMs]).toEqual([[3, 4], DECISION_MS - 5, DECISION_MS - 1]);
  });

  it.each<[string, unknown, string]>([
    ['a wrong length', { values: [1] }, 'values has 1 values for 2 delivery intervals'],
    ['a NaN', { values: [1, Number.NaN] }, 'values is NaN at 2024-04-02T00:15:00Z'],
    ['a string among the values', { values: [1, '2'] }, 'values[1] is "2", not a number'],
    ['null among the values', { values: [null, 2] }, 'values[0] is null, not a number'],
    ['no values', { extra: {} }, 'values is missing'],
    ['not an object', 42, 'forecast() must return an object {values, ...}, not number'],
    ['values of the wrong type', { values: 'fast' }, 'values must be an array of numbers or a Float64Array, not "fast"'],
    ['an availability after the decision', { values: [1, 2], availableFromMs: DECISION_MS + 1 }, 'available only from 2024-04-01T10:00:00.001Z, after the decision'],
    ['an issue after availability', { values: [1, 2], issueTimeMs: DECISION_MS, availableFromMs: DECISION_MS - 1 }, 'issued at 2024-04-01T10:00:00Z, after it became available'],
    ['a Date as a time', { values: [1, 2], issueTimeMs: new Date(DECISION_MS) }, 'issueTimeMs must be UTC epoch milliseconds'],
    ['a short extra column', { values: [1, 2], extra: { shortage: [1] } }, 'extra column shortage has 1 values'],
    ['scenarios in point mode', { scenarios: [{ id: 'a', weight: 1, values: [1, 2] }] }, 'forecast_provider.mode is point: set mode: scenario_bundle'],
  ])('reports %s as a UserError naming the module, the series and the decision', async (_, result, why) => {
    const error = await failureOf(result);
    expect(error.message).toContain(why);
    expect(error.message).toContain('custom module MyModel (/models/my_model.mjs) returned an invalid forecast');
    expect(error.message).toContain('for `day_ahead` at decision 2024-04-01T10:00:00Z');
    expect(error.issues[0]).toMatchObject({ path: 'forecast_provider.module_path', code: 'custom_module_contract', file: MODULE.modulePath });
  });

  it('reports activation ratios outside [0, 1] once per series, counted, with the first instant and the fix', async () => {
    const ratios = seriesOf('afrr_activation_ratio_up', '2024-04-01T00:00:00Z', [0.1]);
    const ratioRequest = simpleRequest(ratios, '2024-04-01T10:00:00Z', ['2024-04-02T00:00:00Z', '2024-04-02T00:15:00Z', '2024-04-02T00:30:00Z']);
    const provider = createCustomModuleProvider(returning({ values: [0.5, 25, 25] }), { ...MODULE, mode: 'point' });
    const error = (await Promise.resolve()
      .then(() => provider.forecast(ratioRequest))
      .catch((thrown: unknown) => thrown)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      'custom module MyModel (/models/my_model.mjs) returned an invalid forecast (values has 2 activation ratios outside [0, 1] ' +
        '(first: 25 at 2024-04-02T00:15:00Z); ratios are fractions of the reserved capacity (0.25, not 25)) ' +
        'for `afrr_activation_ratio_up` at decision 2024-04-01T10:00:00Z',
    );
    expect(error.issues).toHaveLength(1);
    const scenarioProvider = createCustomModuleProvider(
      returning({ scenarios: [{ id: 'low', weight: 0.5, values: [0, 0, 0] }, { id: 'high', weight: 0.5, values: [1, 1.5, 1] }] }),
      { ...MODULE, mode: 'scenario_bundle' },
    );
    const scenarioError = (await Promise.resolve()
      .then(() => scenarioProvider.forecast(ratioRequest))
      .catch((thrown: unknown) => thrown)) as UserError;
    expect(scenarioError.message).toContain('scenario high values has 1 activation ratio outside [0, 1] (first: 1.5 at 2024-04-02T00:15:00Z)');
  });

  it('wraps what the module throws, keeping it as the cause', async () => {
    const cause = new RangeError('model file is stale');
    const provider = createCustomModuleProvider({ forecast: async () => Promise.reject(cause) }, MODULE);
    const error = (await Promise.resolve()
      .then(() => provider.forecast(request))
      .catch((thrown: unknown) => thrown)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      'custom module MyModel (/models/my_model.mjs) threw while forecasting (RangeError: model file is stale) for `day_ahead` at decision 2024-04-01T10:00:00Z',
    );
    expect(error.cause).toBe(cause);
  });
});

describe('custom module scenario bundles', () => {
  const low = { id: 'low', weight: 0.25, values: [8, 40] };
  const high = { id: 'high', weight: 0.75, values: [12, 80] };

  it('takes the weighted mean as the point forecast and keeps every scenario', async () => {
    const snapshot = await forecastWith({ scenarios: [low, high] }, 'scenario_bundle');
    expect(Array.from(snapshot.values)).toEqual([0.25 * 8 + 0.75 * 12, 0.25 * 40 + 0.75 * 80]);
    expect(snapshot.scenarios?.map((scenario) => [scenario.id, scenario.weight, Array.from(scenario.values)])).toEqual([
      ['low', 0.25, [8, 40]],
      ['high', 0.75, [12, 80]],
    ]);
  });

  it('accepts given values equal to the mean, and a series without scenarios (deterministic)', async () => {
    expect(Array.from((await forecastWith({ values: [11, 70], scenarios: [low, high] }, 'scenario_bundle')).values)).toEqual([11, 70]);
    const deterministic = await forecastWith({ values: [1, 2] }, 'scenario_bundle');
    expect(deterministic.scenarios).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['weights not summing to 1', { scenarios: [low, { ...high, weight: 0.7 }] }, 'scenario weights sum to 0.95, not 1'],
    ['a weight above 1', { scenarios: [{ ...low, weight: 1.5 }] }, 'scenario low has weight 1.5, outside [0, 1]'],
    ['a duplicate id', { scenarios: [{ ...low, weight: 0.5 }, { ...low, weight: 0.5 }] }, 'scenario low appears twice'],
    ['an empty id', { scenarios: [{ ...low, id: '', weight: 1 }] }, 'scenarios[0].id must be a non-empty string'],
    ['a short scenario', { scenarios: [low, { ...high, values: [1] }] }, 'scenario high values has 1 values'],
    ['a NaN in a scenario', { scenarios: [low, { ...high, values: [1, Number.NaN] }] }, 'scenario high values is NaN'],
    ['an empty list', { scenarios: [] }, 'empty scenarios list'],
    ['values that are not the mean', { values: [11, 71], scenarios: [low, high] }, "values[1] is 71 but the scenarios' weighted mean there is 70"],
  ])('reports %s', async (_, result, why) => {
    const error = await failureOf(result, 'scenario_bundle');
    expect(error.message).toContain(why);
    expect(error.message).toContain('custom module MyModel');
  });
});
