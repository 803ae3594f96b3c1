import fc from 'fast-check';
import type { SeriesName } from '@euroflex/config';
import { addDays, localDateOf, localDayGrid, visibleCount, type PublicationRule, type Series } from '@euroflex/markets';
import type { ForecastProvider, ForecastSnapshot } from '../src/contract';
import { createCsvProvider } from '../src/csvProvider';
import type { ParsedForecastFile } from '../src/forecastFile';
import { createPersistenceProvider } from '../src/persistence';
import { AFTER_INTERVAL_RULE, BRUSSELS, DAY_AHEAD_RULE, labelledSeries, poisonFrom, requestAsOf } from './support/series';

/**
 * As-of safety: a provider's answer may depend only on what was public at the decision
 * time. Every value published later is replaced by NaN, then by 1e9, and the answer (a
 * snapshot, or an error) must stay byte-identical. Decision times are drawn at random over
 * weeks that contain both DST changes.
 */

const POISONS = [Number.NaN, 1e9];

function bytesOf(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('hex');
}

function serialise(snapshot: ForecastSnapshot): string {
  const extra = Object.entries(snapshot.extra ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([column, values]) => `${column}=${bytesOf(values)}`);
  return [snapshot.series, snapshot.provider, snapshot.issueTimeMs, snapshot.availableFromMs, bytesOf(snapshot.values), ...extra].join('|');
}

async function outcome(provider: ForecastProvider, run: () => Parameters<ForecastProvider['forecast']>[0]): Promise<string> {
  try {
    return `ok:${serialise(await provider.forecast(run()))}`;
  } catch (error) {
    return `error:${(error as Error).message}`;
  }
}

/** Delivery horizon of a decision: the rest of its local day, or all of the next local day. */
function horizonOf(decisionTimeMs: number, kind: 'rest_of_day' | 'next_day'): Float64Array {
  const today = localDateOf(decisionTimeMs, BRUSSELS);
  if (kind === 'next_day') {
    return localDayGrid(addDays(today, 1), BRUSSELS);
  }
  return localDayGrid(today, BRUSSELS).filter((instantMs) => instantMs > decisionTimeMs);
}

interface Case {
  readonly label: string;
  readonly series: Series;
  readonly rule: PublicationRule;
}

const WEEKS: readonly [string, string][] = [
  ['2024-03-26', '2024-04-03'],
  ['2024-10-22', '2024-10-30'],
];

function casesFor(name: SeriesName, rule: PublicationRule, extra: Record<string, number> = {}): Case[] {
  return WEEKS.map(([from, to]) => ({ label: `${name} ${from}`, series: labelledSeries(name, from, to, BRUSSELS, extra), rule }));
}

const CASES: Case[] = [
  ...casesFor('day_ahead', DAY_AHEAD_RULE),
  ...casesFor('afrr_activation_price_up', AFTER_INTERVAL_RULE),
  ...casesFor('imbalance', AFTER_INTERVAL_RULE, { imbalance_surplus_price_eur_per_mwh: -1, imbalance_shortage_price_eur_per_mwh: 1 }),
];

/** Random decision instants on the minute grid, from one day into the data to one day before its end. */
function decisionTimes(series: Series): fc.Arbitrary<number> {
  const first = series.instantsMs[0] + 86_400_000;
  const last = series.instantsMs[series.instantsMs.length - 1] - 86_400_000;
  return fc.integer({ min: 0, max: Math.floor((last - first) / 60_000) }).map((minutes) => first + minutes * 60_000);
}

/** Vintages of every interval of `series`: D-2 12:30, D-1 10:00 and D-1 11:45 (local), values offset by 0, 0.25, 0.5. */
function vintagesOf(series: Series): ParsedForecastFile {
  const deliveryStartMs: number[] = [];
  const issueTimeMs: number[] = [];
  const availableFromMs: number[] = [];
  const values: number[] = [];
  const dayStartMs = (instantMs: number, offsetDays: number): number =>
    localDayGrid(addDays(localDateOf(instantMs, BRUSSELS), offsetDays), BRUSSELS)[0];
  series.instantsMs.forEach((instantMs, i) => {
    for (const [days, issuedMinutes, availableMinutes, offset] of [
      [-2, 720, 750, 0],
      [-1, 540, 600, 0.25],
      [-1, 660, 705, 0.5],
    ]) {
      const dayMs = dayStartMs(instantMs, days);
      deliveryStartMs.push(instantMs);
      issueTimeMs.push(dayMs + issuedMinutes * 60_000);
      availableFromMs.push(dayMs + availableMinutes * 60_000);
      values.push(series.values[i] + offset);
    }
  });
  return {
    series: series.name,
    path: 'vintages.csv',
    deliveryStartMs: Float64Array.from(deliveryStartMs),
    issueTimeMs: Float64Array.from(issueTimeMs),
    availableFromMs: Float64Array.from(availableFromMs),
    values: Float64Array.from(values),
    providerNames: deliveryStartMs.map(() => 'vendor'),
    scenarioIds: deliveryStartMs.map(() => undefined),
    scenarioWeights: Float64Array.from(deliveryStartMs, () => 1),
    rows: Int32Array.from(deliveryStartMs, (_, i) => i + 2),
  };
}

function poisonVintages(file: ParsedForecastFile, decisionTimeMs: number, poison: number): ParsedForecastFile {
  const values = Float64Array.from(file.values, (value, i) => (file.availableFromMs[i] > decisionTimeMs ? poison : value));
  return { ...file, values };
}

describe.each(CASES)('as-of safety: $label', ({ series, rule }) => {
  it('persistence gives byte-identical answers when the unpublished future is poisoned', async () => {
    const provider = createPersistenceProvider();
    let snapshots = 0;
    await fc.assert(
      fc.asyncProperty(decisionTimes(series), fc.constantFrom('rest_of_day' as const, 'next_day' as const), async (decisionTimeMs, kind) => {
        const delivery = horizonOf(decisionTimeMs, kind);
        const visible = visibleCount(series, rule, decisionTimeMs, BRUSSELS);
        const clean = await outcome(provider, () => requestAsOf(series, rule, decisionTimeMs, delivery));
        for (const poison of POISONS) {
          const poisoned = poisonFrom(series, visible, poison);
          expect(await outcome(provider, () => requestAsOf(poisoned, rule, decisionTimeMs, delivery))).toBe(clean);
        }
        snapshots += clean.startsWith('ok:') ? 1 : 0;
      }),
      { numRuns: 40, seed: 20240331 },
    );
    expect(snapshots).toBeGreaterThan(20);
  });

  it('csv gives byte-identical answers when later vintages and the unpublished future are poisoned', async () => {
    const file = vintagesOf(series);
    const provider = createCsvProvider({ [series.name]: file });
    let snapshots = 0;
    await fc.assert(
      fc.asyncProperty(decisionTimes(series), fc.constantFrom('rest_of_day' as const, 'next_day' as const), async (decisionTimeMs, kind) => {
        const delivery = horizonOf(decisionTimeMs, kind);
        const visible = visibleCount(series, rule, decisionTimeMs, BRUSSELS);
        const clean = await outcome(provider, () => requestAsOf(series, rule, decisionTimeMs, delivery));
        for (const poison of POISONS) {
          const poisonedProvider = createCsvProvider({ [series.name]: poisonVintages(file, decisionTimeMs, poison) });
          const poisoned = poisonFrom(series, visible, poison);
          expect(await outcome(poisonedProvider, () => requestAsOf(poisoned, rule, decisionTimeMs, delivery))).toBe(clean);
        }
        snapshots += clean.startsWith('ok:') ? 1 : 0;
      }),
      { numRuns: 25, seed: 20241027 },
    );
    expect(snapshots).toBeGreaterThan(5);
  });
});
