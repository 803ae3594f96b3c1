import {
  executionWorkflow,
  marketTimezone,
  reserveProductOf,
  resolveModel,
  workflowSeries,
  type EuroflexConfig,
  type SeriesName,
} from '@euroflex/config';
import { addDays, gateLocal, localTimeToUtcMs, marketAdapter, publicationRules, type PublicationOverrides, type PublicationRule } from '@euroflex/markets';

/** The parts of a validated config that decide when forecasts are asked for and what is public then. */
export type ScheduleConfig = Pick<EuroflexConfig, 'market' | 'timing' | 'workflow' | 'revision' | 'model' | 'fcr' | 'afrr' | 'solver'>;

/** `timing.day_ahead_gate_closure_local`, `market.gates` and `market.publication_lags` of a config. */
export function publicationOverridesOf(config: ScheduleConfig): PublicationOverrides {
  return {
    dayAheadGateLocal: config.timing.day_ahead_gate_closure_local,
    gates: config.market.gates,
    publicationLags: config.market.publication_lags,
  };
}

/** The publication rule of every series under the config's market and overrides. */
export function configPublicationRules(config: ScheduleConfig): Record<SeriesName, PublicationRule> {
  return publicationRules(marketAdapter(config.market.id), publicationOverridesOf(config));
}

/**
 * When the walk-forward first asks for each series the workflow forecasts, for delivery day
 * `date` (UTC ms): the reserve product's gate on D-1 for every series under sequential
 * gates, else the product's gate for its own series and the day-ahead gate for the rest
 * (docs/backtesting.md). Later decisions of the day (rebalances, revision checkpoints) see
 * at least as much.
 */
export function firstForecastTimesMs(config: ScheduleConfig, date: string): Map<SeriesName, number> {
  const workflow = executionWorkflow(config);
  const timezone = marketTimezone(config.market.id);
  const product = reserveProductOf(workflow);
  const sequential = resolveModel(config).switches.gates === 'sequential';
  const dayBefore = addDays(date, -1);
  const dayAheadGateMs = localTimeToUtcMs(dayBefore, config.timing.day_ahead_gate_closure_local, timezone);
  const productGateMs =
    product === undefined ? undefined : localTimeToUtcMs(dayBefore, gateLocal(marketAdapter(config.market.id), product, publicationOverridesOf(config)), timezone);
  const times = new Map<SeriesName, number>();
  for (const series of workflowSeries(workflow)) {
    const atProductGate = productGateMs !== undefined && (sequential || series !== 'day_ahead');
    times.set(series, atProductGate ? productGateMs : dayAheadGateMs);
  }
  return times;
}
