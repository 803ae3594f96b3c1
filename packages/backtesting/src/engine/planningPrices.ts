import { UserError, type SeriesName } from '@euroflex/config';
import type { ScenarioInput } from '@euroflex/optimization';
import type { SeriesForecast } from './forecastFor';
import type { PlanningPrices } from './problem';
import type { EngineContext } from './types';

/** The imbalance prices a solve uses: dual (surplus, shortage) or the single value column. */
export function imbalancePrices(context: EngineContext, forecast: SeriesForecast) {
  const columns = context.adapter.imbalanceColumns;
  if (context.adapter.imbalanceSettlement === 'dual_price' && columns && context.model.switches.imbalance_prices === 'dual') {
    const surplus = forecast.extra[columns.surplus];
    const shortage = forecast.extra[columns.shortage];
    if (surplus === undefined || shortage === undefined) {
      throw new UserError(
        `the ${context.adapter.id} imbalance forecast has no ${columns.surplus} / ${columns.shortage}; ` +
          'the provider must forecast both dual prices, or set model.imbalance_prices: single',
      );
    }
    return { surplusEurPerMwh: surplus, shortageEurPerMwh: shortage };
  }
  return { surplusEurPerMwh: forecast.values, shortageEurPerMwh: forecast.values };
}

/** Which scenario field carries each series (a scenario is a joint outcome of every series). */
const SCENARIO_FIELD: Readonly<Partial<Record<SeriesName, keyof ScenarioInput>>> = {
  day_ahead: 'dayAheadPriceEurPerMwh',
  fcr_capacity: 'fcrCapacityPriceEurPerMwH',
  afrr_capacity_up: 'afrrCapacityUpPriceEurPerMwH',
  afrr_capacity_down: 'afrrCapacityDownPriceEurPerMwH',
  afrr_activation_price_up: 'afrrActivationUpPriceEurPerMwh',
  afrr_activation_price_down: 'afrrActivationDownPriceEurPerMwh',
  afrr_activation_ratio_up: 'afrrActivationUpRatio',
  afrr_activation_ratio_down: 'afrrActivationDownRatio',
};

/**
 * The scenario bundle of a decision: scenarios are matched by id across series; a series
 * without scenarios is deterministic (every scenario takes its point forecast). Weights
 * must agree across series.
 */
function scenariosFrom(forecasts: ReadonlyMap<SeriesName, SeriesForecast>): ScenarioInput[] | undefined {
  const bundles = [...forecasts].filter(([, f]) => (f.record.snapshot.scenarios?.length ?? 0) > 0);
  if (bundles.length === 0) {
    return undefined;
  }
  const [firstName, first] = bundles[0];
  const ids = (first.record.snapshot.scenarios ?? []).map((scenario) => scenario.id);
  return ids.map((id, k) => {
    const weight = (first.record.snapshot.scenarios ?? [])[k].weight;
    const scenario: Record<string, unknown> = { id, weight };
    for (const [name, forecast] of bundles) {
      const match = forecast.record.snapshot.scenarios?.find((candidate) => candidate.id === id);
      if (match === undefined || Math.abs(match.weight - weight) > 1e-9) {
        throw new UserError(
          `scenario ${id} of ${firstName} ${match === undefined ? 'is missing from' : 'has another weight in'} the ${name} forecast of decision ${forecast.record.decisionId}: scenario ids and weights must match across series`,
        );
      }
      const field = SCENARIO_FIELD[name];
      if (field) {
        scenario[field] = match.values;
      }
    }
    return scenario as unknown as ScenarioInput;
  });
}

/** The prices a decision plans with, from its forecasts (with the imbalance forecast when `withImbalance`). */
export function pricesFrom(context: EngineContext, forecasts: ReadonlyMap<SeriesName, SeriesForecast>, withImbalance: boolean): PlanningPrices {
  const scenarios = scenariosFrom(forecasts);
  const get = (name: SeriesName) => forecasts.get(name)?.values;
  const dayAhead = get('day_ahead') as Float64Array;
  const imbalance = forecasts.get('imbalance');
  const afrrSeries = ['afrr_capacity_up', 'afrr_capacity_down', 'afrr_activation_price_up', 'afrr_activation_price_down', 'afrr_activation_ratio_up', 'afrr_activation_ratio_down'] as const;
  const afrr = afrrSeries.every((name) => forecasts.has(name))
    ? {
        capacityUpEurPerMwH: get('afrr_capacity_up') as Float64Array,
        capacityDownEurPerMwH: get('afrr_capacity_down') as Float64Array,
        activationUpEurPerMwh: get('afrr_activation_price_up') as Float64Array,
        activationDownEurPerMwh: get('afrr_activation_price_down') as Float64Array,
        ratioUp: get('afrr_activation_ratio_up') as Float64Array,
        ratioDown: get('afrr_activation_ratio_down') as Float64Array,
      }
    : undefined;
  return {
    dayAheadEurPerMwh: dayAhead,
    ...(forecasts.has('fcr_capacity') ? { fcrCapacityEurPerMwH: get('fcr_capacity') as Float64Array } : {}),
    ...(afrr ? { afrr } : {}),
    ...(withImbalance && imbalance ? { imbalance: imbalancePrices(context, imbalance) } : {}),
    ...(scenarios ? { scenarios } : {}),
  };
}
