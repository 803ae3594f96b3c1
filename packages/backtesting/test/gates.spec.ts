import { join } from 'node:path';
import type { SeriesName } from '@euroflex/config';
import { createPersistenceProvider } from '@euroflex/forecasts';
import { publicationTimeMs, type Series } from '@euroflex/markets';
import { checkRunInvariants, runWalkForward, visibleHistory, type EngineContext } from '../src';
import { backtest, configVariant, REPO } from './support/runs';

const FCR_PERSISTENCE = join(REPO, 'examples/configs/real/belgium_2024_da_plus_fcr_persistence.yaml');

function window(base: string, startDate: string, endDate: string, profile?: 'reference_v1'): string {
  return configVariant(base, (doc) => {
    const timing = doc.timing as Record<string, unknown>;
    timing.delivery_start_date = startDate;
    timing.delivery_end_date = endDate;
    if (profile) {
      doc.model = { profile };
    }
  });
}

/** `series` with every value published after `afterMs` replaced by 1e9. */
function poisoned(context: EngineContext, name: SeriesName, afterMs: number): EngineContext {
  const series = context.actuals[name] as Series;
  const values = Float64Array.from(series.values);
  for (let i = 0; i < values.length; i += 1) {
    if (publicationTimeMs(context.publication[name], series.instantsMs[i], context.timezone) > afterMs) {
      values[i] = 1e9;
    }
  }
  return { ...context, actuals: { ...context.actuals, [name]: { ...series, values } } };
}

describe.each(['strict', 'reference_v1'] as const)('reserve gates (%s)', (profile) => {
  it('never lets a reserve price of day D reach the decision that chose that reserve', async () => {
    const { run } = await backtest(window(FCR_PERSISTENCE, '2024-06-10', '2024-06-12', profile === 'strict' ? undefined : profile), { dryRun: true });
    expect(checkRunInvariants(run)).toEqual([]);
    const last = run.days[run.days.length - 1];
    const fcrGateMs = Date.parse('2024-06-11T06:00:00Z'); // 08:00 CEST on D-1
    const daGateMs = Date.parse('2024-06-11T10:00:00Z'); // 12:00 CEST on D-1
    if (profile === 'strict') {
      expect(last.decisions.map((d) => [d.decisionType, d.decisionTimeMs])).toEqual([
        ['fcr_gate', fcrGateMs],
        ['day_ahead_nomination', daGateMs],
      ]);
    } else {
      expect(last.decisions.map((d) => d.decisionType)).toEqual(['day_ahead_nomination']);
    }
    // The FCR prices of the last day are public at 09:00 on D-1: after the FCR gate, before the day-ahead gate.
    const visibleAtDayAheadGate = visibleHistory(run.context, daGateMs).fcr_capacity as Series;
    expect(visibleAtDayAheadGate.instantsMs[visibleAtDayAheadGate.instantsMs.length - 1]).toBe(last.instantsMs[last.instantsMs.length - 1]);
    // Poison them: the awards of every day must not move.
    const clean = await runWalkForward(run.context, createPersistenceProvider());
    const dirty = await runWalkForward(poisoned(run.context, 'fcr_capacity', fcrGateMs), createPersistenceProvider());
    dirty.days.forEach((day, d) => {
      day.assets.forEach((asset, a) => {
        expect(Array.from(asset.fcrMw as Float64Array)).toEqual(Array.from(clean.days[d].assets[a].fcrMw as Float64Array));
      });
    });
    // The awards are real: some FCR is held.
    expect(clean.days.some((day) => day.assets.some((asset) => (asset.fcrMw as Float64Array).some((mw) => mw > 0)))).toBe(true);
  });
});
