import type { EuroflexConfig } from '@euroflex/config';

/** One battery as the engine sees it: effective limits, degradation rate, outages. */
export interface AssetModel {
  readonly id: string;
  /** min(power_mw, connection_limit_mw), before availability. */
  readonly effectivePowerMw: number;
  /** Effective SoC band: soc_min + headroom .. soc_max - headroom. */
  readonly socMinMwh: number;
  readonly socMaxMwh: number;
  readonly initialSocMwh: number;
  readonly terminalSocMwh: number | null;
  readonly chargeEfficiency: number;
  readonly dischargeEfficiency: number;
  /** Degradation cost per MWh of grid-side throughput used in the solve (0 for rainflow_offline). */
  readonly degradationEurPerMwh: number;
  /** Outages as UTC instants, `factor` multiplies the power limit on [startMs, endMs). */
  readonly outages: readonly { readonly startMs: number; readonly endMs: number; readonly factor: number }[];
}

/**
 * Degradation cost per MWh of grid-side throughput (spec/model.md, Degradation):
 * throughput_linear -> the configured cost; equivalent_cycle_linear -> EUR per cycle over
 * twice the usable (headroom-shrunk) energy; rainflow_offline -> 0 in the solve.
 */
export function degradationRateEurPerMwh(config: EuroflexConfig, usableEnergyMwh: number): number {
  const degradation = config.degradation;
  switch (degradation.mode) {
    case 'throughput_linear':
      return degradation.throughput_cost_eur_per_mwh ?? 0;
    case 'equivalent_cycle_linear':
      return (degradation.eur_per_equivalent_cycle ?? 0) / (2 * usableEnergyMwh);
    default:
      return 0;
  }
}

/** The assets of a config, in config order. */
export function assetModels(config: EuroflexConfig): AssetModel[] {
  return config.assets.map((asset) => {
    const battery = asset.battery;
    const headroomMwh = battery.minimum_headroom_mwh ?? 0;
    const socMinMwh = battery.soc_min_mwh + headroomMwh;
    const socMaxMwh = battery.soc_max_mwh - headroomMwh;
    const effectivePowerMw = Math.min(battery.power_mw, battery.connection_limit_mw ?? battery.power_mw);
    return {
      id: asset.id,
      effectivePowerMw,
      socMinMwh,
      socMaxMwh,
      initialSocMwh: battery.initial_soc_mwh,
      terminalSocMwh: battery.terminal_soc_mwh ?? null,
      chargeEfficiency: battery.charge_efficiency,
      dischargeEfficiency: battery.discharge_efficiency,
      degradationEurPerMwh: degradationRateEurPerMwh(config, socMaxMwh - socMinMwh),
      outages: (battery.availability?.outages ?? []).map((outage) => ({
        startMs: Date.parse(outage.start),
        endMs: Date.parse(outage.end),
        factor: outage.availability_factor ?? 0,
      })),
    };
  });
}

/** Length of an interval of the 15-minute grid, ms. */
const INTERVAL_MS = 900_000;

/**
 * Availability factor per interval [instant, instant + 15 min): the minimum over the outages
 * that cover any part of it, else 1. A plan holds its power for the whole interval, so a
 * window starting at 01:10 derates the interval from 01:00, and one ending at 03:20 the
 * interval to 03:30.
 */
export function availabilityFactors(asset: AssetModel, instantsMs: ArrayLike<number>): Float64Array {
  const factors = new Float64Array(instantsMs.length).fill(1);
  for (const outage of asset.outages) {
    for (let t = 0; t < instantsMs.length; t += 1) {
      const instant = instantsMs[t];
      if (instant < outage.endMs && instant + INTERVAL_MS > outage.startMs && outage.factor < factors[t]) {
        factors[t] = outage.factor;
      }
    }
  }
  return factors;
}

/** P_a * alpha_{a,t} for each interval. */
export function powerLimitsMw(asset: AssetModel, instantsMs: ArrayLike<number>): Float64Array {
  const limits = availabilityFactors(asset, instantsMs);
  for (let t = 0; t < limits.length; t += 1) {
    limits[t] *= asset.effectivePowerMw;
  }
  return limits;
}
