import { join } from 'node:path';
import type { SeriesName } from '@euroflex/config';
import { createPersistenceProvider } from '@euroflex/forecasts';
import { localMidnightMs, publicationTimeMs, type Series } from '@euroflex/markets';
import { runWalkForward, type EngineContext } from '../src';
import { backtest, configVariant, REPO } from './support/runs';

const YEAR = join(REPO, 'examples/configs/real/belgium_2024_da_only_persistence.yaml');

/** The series with every value published after `decisionTimeMs` replaced by `poison`. */
function poisonAfter(context: EngineContext, decisionTimeMs: number, poison: number): EngineContext {
  const actuals: Partial<Record<SeriesName, Series>> = {};
  for (const [name, series] of Object.entries(context.actuals) as [SeriesName, Series][]) {
    const values = Float64Array.from(series.values);
    for (let i = 0; i < values.length; i += 1) {
      if (publicationTimeMs(context.publication[name], series.instantsMs[i], context.timezone) > decisionTimeMs) {
        values[i] = poison;
      }
    }
    actuals[name] = { ...series, values };
  }
  return { ...context, actuals };
}

describe('providers see only what was public at the decision', () => {
  it('poisoning every value published after the last decision changes no forecast and no plan', async () => {
    const file = configVariant(YEAR, (doc) => {
      const timing = doc.timing as Record<string, unknown>;
      timing.delivery_start_date = '2024-05-10';
      timing.delivery_end_date = '2024-05-13';
    });
    const { run } = await backtest(file, { dryRun: true });
    const lastDecision = run.days[run.days.length - 1].decisions[0].decisionTimeMs;
    // Day-ahead prices of 2024-05-13 are public at 13:00 on 2024-05-12, after the 12:00 decision.
    expect(lastDecision).toBe(localMidnightMs('2024-05-12', 'Europe/Brussels') + 12 * 3_600_000);
    const clean = await runWalkForward(run.context, createPersistenceProvider());
    for (const poison of [Number.NaN, 1e9]) {
      const poisoned = await runWalkForward(poisonAfter(run.context, lastDecision, poison), createPersistenceProvider());
      poisoned.days.forEach((day, d) => {
        expect(Array.from((day.series.day_ahead?.forecast as Float64Array))).toEqual(Array.from((clean.days[d].series.day_ahead?.forecast as Float64Array)));
        day.assets.forEach((asset, a) => {
          expect(Array.from(asset.chargeMw)).toEqual(Array.from(clean.days[d].assets[a].chargeMw));
          expect(Array.from(asset.dischargeMw)).toEqual(Array.from(clean.days[d].assets[a].dischargeMw));
        });
      });
    }
    // The poison is real: it does reach the actuals the run is settled with.
    const settledDay = poisonAfter(run.context, lastDecision, 1e9).actuals.day_ahead as Series;
    expect(Array.from(settledDay.values).filter((v) => v === 1e9).length).toBeGreaterThanOrEqual(96);
  });
});
