import type { SeriesName } from '@euroflex/config';
import type { ReconciliationInput } from './reconciliation';
import type { RunSettlement } from './settlement';
import type { EngineContext, ExecutedAsset, ExecutedDay } from './types';

/** Concatenate a per-day array over the run. */
function concat(days: readonly ExecutedDay[], pick: (day: ExecutedDay) => Float64Array | undefined): Float64Array | undefined {
  const total = days.reduce((sum, day) => sum + day.instantsMs.length, 0);
  const out = new Float64Array(total);
  let offset = 0;
  for (const day of days) {
    const values = pick(day);
    if (values === undefined) {
      return undefined;
    }
    out.set(values.subarray(0, day.instantsMs.length), offset);
    offset += day.instantsMs.length;
  }
  return out;
}

/**
 * The reconciliation input of a run in memory: exactly the values its tables hold (the same
 * arrays), so that `euroflex reconcile` on the run directory reproduces the inline numbers.
 */
export function reconciliationInputFromRun(
  context: Pick<EngineContext, 'assets' | 'model'>,
  days: readonly ExecutedDay[],
  settlement: RunSettlement,
  baseline: RunSettlement,
): ReconciliationInput {
  const series = (name: SeriesName, kind: 'forecast' | 'actual') => concat(days, (day) => day.series[name]?.[kind]);
  const reserve = (a: number, key: keyof Pick<ExecutedAsset, 'afrrUpMw' | 'afrrDownMw'>) => concat(days, (day) => day.assets[a][key]);
  const ratioUpForecast = series('afrr_activation_ratio_up', 'forecast');
  const activation = ratioUpForecast
    ? {
        ratioUpForecast,
        ratioUpActual: series('afrr_activation_ratio_up', 'actual') as Float64Array,
        ratioDownForecast: series('afrr_activation_ratio_down', 'forecast') as Float64Array,
        ratioDownActual: series('afrr_activation_ratio_down', 'actual') as Float64Array,
        priceUpActual: series('afrr_activation_price_up', 'actual') as Float64Array,
        priceDownActual: series('afrr_activation_price_down', 'actual') as Float64Array,
      }
    : undefined;
  return {
    assets: context.assets.map((asset, a) => {
      const money = settlement.assets[a];
      const up = reserve(a, 'afrrUpMw');
      const down = reserve(a, 'afrrDownMw');
      return {
        id: asset.id,
        baselineExpectedPnlEur: baseline.assets[a].expected_pnl_eur,
        expectedPnlEur: money.expected_pnl_eur,
        realizedPnlEur: money.realized_pnl_eur,
        imbalanceRevenueEur: money.imbalance_revenue_eur,
        expectedImbalanceRevenueEur: money.expected_imbalance_revenue_eur,
        reserveActivationRevenueEur: money.reserve_activation_revenue_eur,
        reservePenaltyEur: money.reserve_penalty_eur,
        expectedReservePenaltyEur: money.expected_reserve_penalty_eur,
        degradationCostEur: money.degradation_cost_eur,
        expectedDegradationCostEur: money.expected_degradation_cost_eur,
        ...(up ? { afrrUpMw: up } : {}),
        ...(down ? { afrrDownMw: down } : {}),
      };
    }),
    ...(activation ? { activation } : {}),
    downActivationSign: context.model.switches.afrr_down_activation === 'bsp_pays' ? -1 : 1,
  };
}
