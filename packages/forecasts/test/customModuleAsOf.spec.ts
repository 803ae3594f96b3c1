import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { SeriesName } from '@euroflex/config';
import { addDays, headOf, localDateOf, localDayGrid, visibleCount, type PublicationRule, type Series } from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from '../src/contract';
import type { CustomForecaster } from '../src/customModuleContract';
import { importFileUrl } from '../src/io/importFileUrl';
import { loadCustomModule } from '../src/io/loadCustomModule';
import { AFTER_INTERVAL_RULE, BRUSSELS, DAY_AHEAD_RULE, labelledSeries, poisonFrom } from './support/series';

/**
 * As-of safety of custom modules: a module sees only what was public at the decision, even
 * if it tries to read past the arrays it is given (their underlying buffers). Every value
 * published after the decision is poisoned (NaN, then 1e9) in every series, and the
 * outcome (snapshot or error) must stay byte-identical.
 */

const EXAMPLES = resolve(__dirname, '../../../examples/custom');
const POISONS = [Number.NaN, 1e9];
const RULES: Readonly<Partial<Record<SeriesName, PublicationRule>>> = { day_ahead: DAY_AHEAD_RULE, imbalance: AFTER_INTERVAL_RULE };

// Sums everything reachable from the request, including the whole buffer behind each array.
const SNOOP = `
export class Snoop {
  forecast(request) {
    let total = 0;
    for (const series of Object.values(request.visible)) {
      for (const value of new Float64Array(series.values.buffer)) total += value;
      total += new Float64Array(series.instantsMs.buffer).length;
    }
    for (const value of new Float64Array(request.history.values.buffer)) total += value;
    return { values: new Float64Array(request.deliveryInstantsMs.length).fill(total) };
  }
}`;

function bytesOf(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('hex');
}

function serialise(snapshot: ForecastSnapshot): string {
  const scenarios = (snapshot.scenarios ?? []).map((scenario) => `${scenario.id}:${scenario.weight}:${bytesOf(scenario.values)}`);
  return [snapshot.provider, snapshot.issueTimeMs, snapshot.availableFromMs, bytesOf(snapshot.values), ...scenarios].join('|');
}

async function outcome(run: () => Promise<ForecastSnapshot> | ForecastSnapshot): Promise<string> {
  try {
    return `ok:${serialise(await run())}`;
  } catch (error) {
    return `error:${(error as Error).message}`;
  }
}

const WEEKS: readonly [string, string][] = [
  ['2024-03-24', '2024-04-03'],
  ['2024-10-20', '2024-10-30'],
];

function seriesOfWeek([from, to]: readonly [string, string]): Record<'day_ahead' | 'imbalance', Series> {
  return { day_ahead: labelledSeries('day_ahead', from, to, BRUSSELS), imbalance: labelledSeries('imbalance', from, to, BRUSSELS) };
}

/** The engine's request: every series clipped to what is public at the decision (views, as the engine passes them). */
function requestAsOf(all: Record<string, Series>, series: SeriesName, decisionTimeMs: number, deliveryInstantsMs: Float64Array): ForecastRequest {
  const visible: Partial<Record<SeriesName, Series>> = {};
  for (const [name, full] of Object.entries(all) as [SeriesName, Series][]) {
    visible[name] = headOf(full, visibleCount(full, RULES[name] as PublicationRule, decisionTimeMs, BRUSSELS));
  }
  return { series, marketId: 'belgium', timezone: BRUSSELS, decisionTimeMs, deliveryInstantsMs, history: visible[series] as Series, visible };
}

function poisoned(all: Record<string, Series>, decisionTimeMs: number, poison: number): Record<string, Series> {
  return Object.fromEntries(
    Object.entries(all).map(([name, full]) => [
      name,
      poisonFrom(full, visibleCount(full, RULES[name as SeriesName] as PublicationRule, decisionTimeMs, BRUSSELS), poison),
    ]),
  );
}

/** D-1 gate decisions for the next day, and intraday decisions for the rest of the day. */
const decisions = (all: Record<string, Series>): fc.Arbitrary<{ decisionTimeMs: number; delivery: Float64Array; series: SeriesName }> => {
  const instants = all.day_ahead.instantsMs;
  const first = instants[0] + 8 * 86_400_000;
  const last = instants[instants.length - 1] - 86_400_000;
  return fc
    .record({
      minutes: fc.integer({ min: 0, max: Math.floor((last - first) / 60_000) }),
      nextDay: fc.boolean(),
      series: fc.constantFrom<SeriesName>('day_ahead', 'imbalance'),
    })
    .map(({ minutes, nextDay, series }) => {
      const decisionTimeMs = first + minutes * 60_000;
      const today = localDateOf(decisionTimeMs, BRUSSELS);
      const delivery = nextDay
        ? localDayGrid(addDays(today, 1), BRUSSELS)
        : localDayGrid(today, BRUSSELS).filter((instantMs) => instantMs > decisionTimeMs);
      return { decisionTimeMs, delivery, series };
    });
};

let dir: string;
const providers: Record<string, ForecastProvider> = {};
let rawSnoop: CustomForecaster;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custom-as-of-'));
  const snoopPath = join(dir, 'snoop.mjs');
  writeFileSync(snoopPath, SNOOP);
  const run = { marketId: 'belgium', timezone: BRUSSELS, seriesNames: ['day_ahead', 'imbalance'] } as const;
  providers.snoop = await loadCustomModule({ modulePath: snoopPath, className: 'Snoop' }, run);
  providers.blended = await loadCustomModule({ modulePath: join(EXAMPLES, 'blended_persistence.mjs'), className: 'BlendedPersistence', initKwargs: { blend_weight: 0.65 } }, run);
  providers.bundle = await loadCustomModule(
    { modulePath: join(EXAMPLES, 'two_scenario_bundle.mjs'), className: 'TwoScenarioBundle', mode: 'scenario_bundle' },
    run,
  );
  const namespace = await importFileUrl(pathToFileURL(snoopPath).href);
  rawSnoop = new (namespace.Snoop as new () => CustomForecaster)();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each(WEEKS)('custom modules are as-of safe in the week from %s', (from, to) => {
  const all = seriesOfWeek([from, to]);

  it.each(['snoop', 'blended', 'bundle'])('%s gives byte-identical answers when the unpublished future is poisoned', async (name) => {
    let snapshots = 0;
    await fc.assert(
      fc.asyncProperty(decisions(all), async ({ decisionTimeMs, delivery, series }) => {
        const provider = providers[name];
        const clean = await outcome(() => provider.forecast(requestAsOf(all, series, decisionTimeMs, delivery)));
        for (const poison of POISONS) {
          const dirty = poisoned(all, decisionTimeMs, poison);
          expect(await outcome(() => provider.forecast(requestAsOf(dirty, series, decisionTimeMs, delivery)))).toBe(clean);
        }
        snapshots += clean.startsWith('ok:') ? 1 : 0;
      }),
      { numRuns: 15, seed: 20241027 },
    );
    expect(snapshots).toBeGreaterThan(10);
  });

  it('the same snoop handed the raw request would see the poison (so the check above can fail)', async () => {
    const decisionTimeMs = all.day_ahead.instantsMs[0] + 8 * 86_400_000;
    const delivery = Float64Array.of(decisionTimeMs + 86_400_000);
    const seen = async (data: Record<string, Series>): Promise<number> => {
      const result = (await rawSnoop.forecast(requestAsOf(data, 'day_ahead', decisionTimeMs, delivery))) as { values: Float64Array };
      return result.values[0];
    };
    expect(await seen(poisoned(all, decisionTimeMs, 1e9))).toBeGreaterThan((await seen(all)) + 1e9);
  });
});
