import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { loadConfig, UserError, type SeriesName } from '@euroflex/config';
import {
  BELGIUM,
  headOf,
  indexOfInstant,
  localDayGrid,
  localTimeToUtcMs,
  publicationRules,
  readSeriesFile,
  visibleCount,
  type Series,
} from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from '../src/contract';
import { createProviderAsync, type ForecastProviderSpec } from '../src/io/createProvider';
import { jointScenarios } from '../src/jointScenarios';
import { BRUSSELS } from './support/series';

/** The example custom modules of examples/custom on the reference sample days and on real 2024 prices. */

const ROOT = resolve(__dirname, '../../..');
const EXAMPLES = join(ROOT, 'examples/custom');
const SAMPLE = join(ROOT, 'examples/reference/examples/data');
const RULES = publicationRules(BELGIUM, { dayAheadGateLocal: '12:00' });
const RUN = { marketId: 'belgium', timezone: BRUSSELS } as const;

function read(path: string, name: SeriesName): Series {
  const result = readSeriesFile(path, { name, timezone: BRUSSELS });
  if (result.series === undefined) {
    throw new Error(`cannot read ${path}: ${result.issues.map((issue) => issue.message).join('; ')}`);
  }
  return result.series;
}

const sample: Partial<Record<SeriesName, Series>> = {
  day_ahead: read(join(SAMPLE, 'belgium_day_ahead_prices.csv'), 'day_ahead'),
  afrr_activation_price_up: read(join(SAMPLE, 'belgium_afrr_activation_price_up.csv'), 'afrr_activation_price_up'),
  afrr_activation_ratio_up: read(join(SAMPLE, 'belgium_afrr_activation_ratio_up.csv'), 'afrr_activation_ratio_up'),
};

/** The request the engine builds: every series clipped to what is public at the decision. */
function requestFor(data: Partial<Record<SeriesName, Series>>, series: SeriesName, decisionLocal: string, deliveryDate: string): ForecastRequest {
  const decisionTimeMs = localTimeToUtcMs(decisionLocal.slice(0, 10), decisionLocal.slice(11), BRUSSELS);
  const visible: Partial<Record<SeriesName, Series>> = {};
  for (const [name, full] of Object.entries(data) as [SeriesName, Series][]) {
    visible[name] = headOf(full, visibleCount(full, RULES[name], decisionTimeMs, BRUSSELS));
  }
  const history = visible[series] as Series;
  return { series, marketId: 'belgium', timezone: BRUSSELS, decisionTimeMs, deliveryInstantsMs: localDayGrid(deliveryDate, BRUSSELS), history, visible };
}

/** Value of `series` at a local wall-clock time. */
function at(series: Series, localIso: string): number {
  const index = indexOfInstant(series, DateTime.fromISO(localIso, { zone: BRUSSELS }).toMillis());
  if (index < 0) {
    throw new Error(`no value at ${localIso}`);
  }
  return series.values[index];
}

function provider(spec: Omit<ForecastProviderSpec, 'name'>, data: Partial<Record<SeriesName, Series>>): Promise<ForecastProvider> {
  return createProviderAsync({ name: 'custom_module', ...spec }, data, RUN);
}

function blended(file: string, data: Partial<Record<SeriesName, Series>>, blendWeight = 0.65): Promise<ForecastProvider> {
  return provider({ modulePath: join(EXAMPLES, file), className: 'BlendedPersistence', initKwargs: { blend_weight: blendWeight } }, data);
}

describe('blended_persistence on the reference sample days (2025-06-16/17)', () => {
  it('forecasts 2025-06-17 at the D-1 12:00 gate from 2025-06-16, the one visible day (latest = mean)', async () => {
    const snapshot = await (await blended('blended_persistence.mjs', sample)).forecast(requestFor(sample, 'day_ahead', '2025-06-16T12:00', '2025-06-17'));
    const da = sample.day_ahead as Series;
    expect(snapshot.values).toHaveLength(96);
    expect(snapshot.values[0]).toBeCloseTo(at(da, '2025-06-16T00:00'), 12);
    expect(snapshot.values[40]).toBeCloseTo(at(da, '2025-06-16T10:00'), 12);
    expect(snapshot.values[95]).toBeCloseTo(at(da, '2025-06-16T23:45'), 12);
    expect(snapshot.provider).toBe('custom_module:BlendedPersistence');
  });

  it('at the aFRR gate (D-1 09:00) uses the visible morning and holds the last visible value after it', async () => {
    const up = sample.afrr_activation_price_up as Series;
    const snapshot = await (await blended('blended_persistence.mjs', sample)).forecast(
      requestFor(sample, 'afrr_activation_price_up', '2025-06-16T09:00', '2025-06-17'),
    );
    expect(snapshot.values[12]).toBeCloseTo(at(up, '2025-06-16T03:00'), 12);
    expect(snapshot.values[35]).toBeCloseTo(at(up, '2025-06-16T08:45'), 12);
    expect(snapshot.values[36]).toBeCloseTo(at(up, '2025-06-16T08:45'), 12);
    expect(snapshot.values[95]).toBeCloseTo(at(up, '2025-06-16T08:45'), 12);
  });

  it('its TypeScript twin gives byte-identical forecasts', async () => {
    const [mjs, ts] = await Promise.all([blended('blended_persistence.mjs', sample), blended('blended_persistence.ts', sample)]);
    for (const [series, decision] of [
      ['day_ahead', '2025-06-16T12:00'],
      ['afrr_activation_ratio_up', '2025-06-16T09:00'],
    ] as const) {
      const request = requestFor(sample, series, decision, '2025-06-17');
      expect(Buffer.from((await ts.forecast(request)).values.buffer)).toEqual(Buffer.from((await mjs.forecast(request)).values.buffer));
    }
  });

  it('refuses the reference custom_python config: its .py module is not executed', async () => {
    const loaded = loadConfig(join(ROOT, 'examples/reference/examples/configs/custom/belgium_full_stack_custom_python.yaml'));
    const { forecast_provider: config } = loaded.config;
    expect(loaded.warnings.map((warning) => warning.code)).toContain('python_module');
    const spec = { modulePath: config.module_path, className: config.class_name, initKwargs: config.init_kwargs };
    const error = await provider(spec, sample).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('deterministic_visible_mean.py is a Python file');
  });
});

describe('two_scenario_bundle on the reference sample days', () => {
  it('gives every series the same two scenarios, persistence -/+15 %, ratios kept in [0, 1]', async () => {
    const bundle = await provider(
      { modulePath: join(EXAMPLES, 'two_scenario_bundle.mjs'), className: 'TwoScenarioBundle', mode: 'scenario_bundle' },
      sample,
    );
    const snapshots: ForecastSnapshot[] = [];
    for (const series of ['day_ahead', 'afrr_activation_price_up', 'afrr_activation_ratio_up'] as const) {
      snapshots.push(await bundle.forecast(requestFor(sample, series, '2025-06-16T12:00', '2025-06-17')));
    }
    const [da, , ratio] = snapshots;
    const price = at(sample.day_ahead as Series, '2025-06-16T10:00');
    expect(da.scenarios?.map((scenario) => [scenario.id, scenario.weight, scenario.values[40]])).toEqual([
      ['low', 0.5, price - 0.15 * Math.abs(price)],
      ['high', 0.5, price + 0.15 * Math.abs(price)],
    ]);
    expect(da.values[40]).toBeCloseTo(price, 9);
    const allRatios = (ratio.scenarios ?? []).flatMap((scenario) => Array.from(scenario.values));
    expect(Math.min(...allRatios)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...allRatios)).toBeLessThanOrEqual(1);
    const joint = jointScenarios(snapshots, da.issueTimeMs) ?? [];
    expect(joint.map((scenario) => scenario.id)).toEqual(['low', 'high']);
    expect(Object.keys(joint[0].series)).toEqual(['day_ahead', 'afrr_activation_price_up', 'afrr_activation_ratio_up']);
  });

  it('refuses to run in point mode', async () => {
    const error = await provider({ modulePath: join(EXAMPLES, 'two_scenario_bundle.mjs'), className: 'TwoScenarioBundle' }, sample).catch(
      (thrown: unknown) => thrown,
    );
    expect((error as UserError).message).toContain('set forecast_provider.mode: scenario_bundle');
  });
});

describe('blended_persistence on real 2024 Belgian day-ahead prices', () => {
  const real = { day_ahead: read(join(ROOT, 'examples/data/real/belgium_day_ahead_2024_filled.csv'), 'day_ahead') };
  const da = real.day_ahead;

  it('blends the last visible day with the 7-day mean of the same quarter-hour (checked by hand for 10:00)', async () => {
    const module = await blended('blended_persistence.mjs', real);
    for (const [decision, delivery, days] of [
      ['2024-03-07T12:00', '2024-03-08', ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07']],
      // The day after spring-forward: the week holds the 23-hour day.
      ['2024-03-31T12:00', '2024-04-01', ['2024-03-25', '2024-03-26', '2024-03-27', '2024-03-28', '2024-03-29', '2024-03-30', '2024-03-31']],
    ] as const) {
      const snapshot = await module.forecast(requestFor(real, 'day_ahead', decision, delivery));
      const mean = days.reduce((sum, day) => sum + at(da, `${day}T10:00`), 0) / days.length;
      const expected = 0.65 * at(da, `${days[6]}T10:00`) + 0.35 * mean;
      const slot = localDayGrid(delivery, BRUSSELS).indexOf(DateTime.fromISO(`${delivery}T10:00`, { zone: BRUSSELS }).toMillis());
      expect(snapshot.values[slot]).toBeCloseTo(expected, 9);
    }
  });

  it('works on and after both DST changes; the two 02:xx hours of the autumn day get the same forecast', async () => {
    const module = await blended('blended_persistence.mjs', real);
    for (const [decision, delivery, intervals] of [
      ['2024-03-30T12:00', '2024-03-31', 92],
      ['2024-03-31T12:00', '2024-04-01', 96],
      ['2024-10-26T12:00', '2024-10-27', 100],
      ['2024-10-27T12:00', '2024-10-28', 96],
    ] as const) {
      const snapshot = await module.forecast(requestFor(real, 'day_ahead', decision, delivery));
      expect(snapshot.values).toHaveLength(intervals);
      expect(snapshot.values.every(Number.isFinite)).toBe(true);
      if (intervals === 100) {
        // 02:00 CEST is interval 8, 02:00 CET interval 12.
        expect(snapshot.values[12]).toBe(snapshot.values[8]);
      }
    }
  });
});

describe('the example configs of examples/custom', () => {
  const configs = readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));

  it.each(configs)('%s validates and its module loads', async (name) => {
    const { config, warnings } = loadConfig(join(EXAMPLES, name));
    expect(warnings).toEqual([]);
    const spec = config.forecast_provider;
    const loaded = await createProviderAsync(
      { name: spec.name, mode: spec.mode, modulePath: spec.module_path, className: spec.class_name, initKwargs: spec.init_kwargs },
      sample,
      RUN,
    );
    const snapshot = await loaded.forecast(requestFor(sample, 'day_ahead', '2025-06-16T12:00', '2025-06-17'));
    expect(snapshot.values).toHaveLength(96);
    expect(snapshot.scenarios?.length ?? 0).toBe(spec.mode === 'scenario_bundle' ? 2 : 0);
  });

  it('covers the three examples', () => {
    expect(configs).toHaveLength(3);
  });
});
