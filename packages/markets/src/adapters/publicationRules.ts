import { SERIES_NAMES, workflowSeries, type BaseWorkflow, type SeriesName } from '@euroflex/config';
import type { PublicationRule } from '../publication';
import type { MarketAdapter } from './marketAdapter';

/** Config values that change gates and lags (`timing.day_ahead_gate_closure_local`, `market.*`). */
export interface PublicationOverrides {
  /** Day-ahead gate closure, local HH:MM on D-1. */
  readonly dayAheadGateLocal: string;
  /** `market.gates`: reserve gate closures, local HH:MM on D-1. */
  readonly gates?: { readonly fcr?: string; readonly afrr?: string };
  /** `market.publication_lags`: minutes per series. */
  readonly publicationLags?: Partial<Record<SeriesName, number>>;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Which gate publishes each daily-auction series; the rest are public after their interval. */
const AUCTION_GATE: Readonly<Partial<Record<SeriesName, 'day_ahead' | 'fcr' | 'afrr'>>> = {
  day_ahead: 'day_ahead',
  fcr_capacity: 'fcr',
  afrr_capacity_up: 'afrr',
  afrr_capacity_down: 'afrr',
};

/** Local HH:MM (D-1) of a gate after overrides. */
export function gateLocal(adapter: MarketAdapter, gate: 'day_ahead' | 'fcr' | 'afrr', overrides: PublicationOverrides): string {
  if (gate === 'day_ahead') {
    return overrides.dayAheadGateLocal;
  }
  return overrides.gates?.[gate] ?? adapter.defaultGates[gate];
}

/**
 * The publication rule of every series: day-ahead and reserve capacity prices of day D are
 * public at their gate on D-1 plus the lag; imbalance and activation values when their
 * interval ends plus the lag. Throws a RangeError for an invalid HH:MM or a negative lag
 * (the config schema reports those first, with paths).
 */
export function publicationRules(
  adapter: MarketAdapter,
  overrides: PublicationOverrides,
): Record<SeriesName, PublicationRule> {
  const rules = {} as Record<SeriesName, PublicationRule>;
  for (const name of SERIES_NAMES) {
    const lagMinutes = overrides.publicationLags?.[name] ?? adapter.defaultPublicationLagsMinutes[name];
    if (!Number.isFinite(lagMinutes) || lagMinutes < 0) {
      throw new RangeError(`publication lag of ${name} must be a number of minutes >= 0, got ${lagMinutes}`);
    }
    const gate = AUCTION_GATE[name];
    if (gate === undefined) {
      rules[name] = { kind: 'after_interval', lagMinutes };
      continue;
    }
    const local = gateLocal(adapter, gate, overrides);
    if (!HHMM.test(local)) {
      throw new RangeError(`gate closure of ${gate} must be a local HH:MM time, got "${local}"`);
    }
    rules[name] = { kind: 'daily_auction', gateLocal: local, lagMinutes };
  }
  return rules;
}

/**
 * The adapter's assumptions that apply to a run of `workflow`: those about a series the
 * workflow uses (`workflowSeries`; a da_only run gets no aFRR gate, imbalance or reserve
 * assumption) and that the config has not overridden (an overridden default is the user's
 * choice, not an adapter assumption). Sentences for the run summary.
 */
export function activeAssumptions(adapter: MarketAdapter, overrides: PublicationOverrides, workflow: BaseWorkflow): string[] {
  const overridden = new Set<string>();
  for (const gate of ['fcr', 'afrr'] as const) {
    if (overrides.gates?.[gate] !== undefined) {
      overridden.add(`gates.${gate}`);
    }
  }
  for (const name of Object.keys(overrides.publicationLags ?? {})) {
    overridden.add(`publication_lags.${name}`);
  }
  const dropped = new Set(
    Object.entries(adapter.assumedDefaults)
      .filter(([key]) => overridden.has(key))
      .map(([, assumption]) => assumption),
  );
  const used = new Set<SeriesName>(workflowSeries(workflow));
  return adapter.assumptions
    .filter((assumption) => !dropped.has(assumption) && assumption.series.some((name) => used.has(name)))
    .map((assumption) => assumption.text);
}
