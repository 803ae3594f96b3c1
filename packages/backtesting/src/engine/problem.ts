import type { ExtendedDispatchProblem, ScenarioInput } from '@euroflex/optimization';
import { blockOfInterval } from './blocks';
import { powerLimitsMw } from './assetModels';
import type { EngineContext } from './types';

/** Forecast prices (and ratios) a decision plans with, over its horizon's intervals. */
export interface PlanningPrices {
  readonly dayAheadEurPerMwh: Float64Array;
  readonly fcrCapacityEurPerMwH?: Float64Array;
  readonly afrr?: {
    readonly capacityUpEurPerMwH: Float64Array;
    readonly capacityDownEurPerMwH: Float64Array;
    readonly activationUpEurPerMwh: Float64Array;
    readonly activationDownEurPerMwh: Float64Array;
    readonly ratioUp: Float64Array;
    readonly ratioDown: Float64Array;
  };
  /** Imbalance prices the solve uses (single-price markets: the same array twice). */
  readonly imbalance?: { readonly surplusEurPerMwh: Float64Array; readonly shortageEurPerMwh: Float64Array };
  /** Scenario bundle: each scenario's prices where they differ from the point forecasts above. */
  readonly scenarios?: readonly ScenarioInput[];
}

/** Reserve awards already locked, `[asset][block]` MW (NaN = free). */
export interface LockedReserves {
  readonly fcrMw?: readonly Float64Array[];
  readonly afrrUpMw?: readonly Float64Array[];
  readonly afrrDownMw?: readonly Float64Array[];
}

/** Everything that defines one decision's model besides the config. */
export interface ProblemSpec {
  readonly instantsMs: Float64Array;
  readonly startSocMwh: readonly number[];
  /** Per asset: the SoC to end the horizon at (null: free); defaults to the asset's terminal SoC. */
  readonly endSocMwh?: readonly (number | null)[];
  readonly prices: PlanningPrices;
  readonly locked?: LockedReserves;
  /** Imbalance workflows: the nomination to deviate from, or `free` to choose it jointly. */
  readonly baseline?: Float64Array | 'free';
  /** Per asset: stored energy that may still be discharged in this horizon, or in each of its days (max_cycles_per_day). */
  readonly cycleBudgetMwh?: Float64Array;
  /** A horizon of several days (the joint oracle): the first interval of each day after the first. */
  readonly dayStarts?: Int32Array;
  /** Revision windows: the fixed, realized start SoC is not held to the reserve energy rows. */
  readonly realizedStart?: boolean;
}

/** The dispatch problem of one decision (spec/model.md) in the optimization layer's terms. */
export function buildProblem(context: EngineContext, spec: ProblemSpec): ExtendedDispatchProblem {
  const { config, model, timezone } = context;
  const n = spec.instantsMs.length;
  const problem: ExtendedDispatchProblem = {
    intervalCount: n,
    intervalHours: 0.25,
    assets: context.assets.map((asset, a) => ({
      id: asset.id,
      powerLimitMw: powerLimitsMw(asset, spec.instantsMs),
      socMinMwh: asset.socMinMwh,
      socMaxMwh: asset.socMaxMwh,
      initialSocMwh: spec.startSocMwh[a],
      terminalSocMwh: spec.endSocMwh ? spec.endSocMwh[a] : asset.terminalSocMwh,
      chargeEfficiency: asset.chargeEfficiency,
      dischargeEfficiency: asset.dischargeEfficiency,
      degradationEurPerMwh: asset.degradationEurPerMwh,
    })),
    site: {
      importLimitMw: config.site.poi_import_limit_mw,
      exportLimitMw: config.site.poi_export_limit_mw,
    },
    dayAheadPriceEurPerMwh: spec.prices.dayAheadEurPerMwh,
    terminalSoc: model.switches.terminal_soc,
    reserveEnergy: model.switches.reserve_energy,
    ...(spec.cycleBudgetMwh ? { cycles: { dischargeBudgetMwh: spec.cycleBudgetMwh } } : {}),
    ...(spec.realizedStart ? { reserveEnergyFromSecondInstant: true } : {}),
    ...(spec.dayStarts ? { dayStarts: spec.dayStarts } : {}),
  };
  const withReserves: { -readonly [K in keyof ExtendedDispatchProblem]: ExtendedDispatchProblem[K] } = { ...problem };
  if (spec.prices.fcrCapacityEurPerMwH && config.fcr) {
    withReserves.fcr = {
      ...blockOfInterval(spec.instantsMs, timezone, model.fcr_block_minutes),
      capacityPriceEurPerMwH: spec.prices.fcrCapacityEurPerMwH,
      penaltyEurPerMwH: config.fcr.non_delivery_penalty_eur_per_mw ?? 0,
      sustainHours: (config.fcr.sustain_duration_minutes ?? 15) / 60,
      ...(spec.locked?.fcrMw ? { fixedMw: spec.locked.fcrMw } : {}),
    };
  }
  if (spec.prices.afrr && config.afrr) {
    const afrr = spec.prices.afrr;
    withReserves.afrr = {
      ...blockOfInterval(spec.instantsMs, timezone, model.afrr_block_minutes),
      capacityUpPriceEurPerMwH: afrr.capacityUpEurPerMwH,
      capacityDownPriceEurPerMwH: afrr.capacityDownEurPerMwH,
      activationUpPriceEurPerMwh: afrr.activationUpEurPerMwh,
      activationDownPriceEurPerMwh: afrr.activationDownEurPerMwh,
      activationUpRatio: afrr.ratioUp,
      activationDownRatio: afrr.ratioDown,
      downActivationSign: model.switches.afrr_down_activation === 'bsp_pays' ? -1 : 1,
      penaltyEurPerMwH: config.afrr.non_delivery_penalty_eur_per_mw ?? 0,
      sustainHours: (config.afrr.sustain_duration_minutes ?? 15) / 60,
      ...(spec.locked?.afrrUpMw ? { fixedUpMw: spec.locked.afrrUpMw } : {}),
      ...(spec.locked?.afrrDownMw ? { fixedDownMw: spec.locked.afrrDownMw } : {}),
    };
  }
  if (spec.prices.scenarios && spec.prices.scenarios.length > 0) {
    const risk = config.risk;
    withReserves.scenarios = spec.prices.scenarios;
    withReserves.risk = {
      mode: risk.mode === 'cvar' ? 'cvar' : risk.mode === 'downside_penalty' ? 'downside_penalty' : 'expected_value',
      lambda: risk.penalty_lambda ?? 0,
      tailMass: risk.tail_alpha ?? 1,
    };
  }
  if (spec.prices.imbalance && spec.baseline !== undefined) {
    withReserves.imbalance = {
      baseline: spec.baseline,
      surplusPriceEurPerMwh: spec.prices.imbalance.surplusEurPerMwh,
      shortagePriceEurPerMwh: spec.prices.imbalance.shortageEurPerMwh,
      // The joint nomination is a commercial position: its copy may net charge and discharge
      // within an interval, which keeps the daily model an LP (docs/backtesting.md).
      ...(spec.baseline === 'free' ? { baselineExclusivity: 'relaxed' as const } : {}),
    };
  }
  return withReserves;
}
