import type { DispatchAsset, DispatchProblem } from '../../src';

/** A 1 MW battery with efficiencies 1 and no degradation; override what a scenario needs. */
export function battery(overrides: Partial<DispatchAsset> & { intervals: number; powerMw?: number }): DispatchAsset {
  const { intervals, powerMw = 1, ...rest } = overrides;
  return {
    id: 'be-bess-1',
    powerLimitMw: new Float64Array(intervals).fill(powerMw),
    socMinMwh: 0,
    socMaxMwh: 1,
    initialSocMwh: 0.5,
    terminalSocMwh: 0.5,
    chargeEfficiency: 1,
    dischargeEfficiency: 1,
    degradationEurPerMwh: 0,
    ...rest,
  };
}

/** A quarter-hourly problem over the given prices. POI limits default to no limit. */
export function problemOf(
  prices: readonly number[],
  assets: readonly DispatchAsset[],
  overrides: Partial<DispatchProblem> = {},
): DispatchProblem {
  return {
    intervalCount: prices.length,
    intervalHours: 0.25,
    assets,
    site: { importLimitMw: Infinity, exportLimitMw: Infinity },
    dayAheadPriceEurPerMwh: Float64Array.from(prices),
    terminalSoc: 'equal',
    ...overrides,
  };
}

/**
 * The canonical two-battery Belgian site (reference belgium_full_stack.yaml): POI 1.5 MW,
 * be-bess-1 1 MW in [0.3, 1.7] MWh from/to 0.9 at 0.95/0.95, be-bess-2 1 MW in [0.2, 1.3] MWh
 * from/to 0.7 at 0.94/0.94, degradation 4 EUR/MWh.
 */
export function canonicalSite(prices: Float64Array): DispatchProblem {
  const n = prices.length;
  const common = { powerLimitMw: new Float64Array(n).fill(1), degradationEurPerMwh: 4 };
  return {
    intervalCount: n,
    intervalHours: 0.25,
    site: { importLimitMw: 1.5, exportLimitMw: 1.5 },
    dayAheadPriceEurPerMwh: prices,
    terminalSoc: 'equal',
    assets: [
      { id: 'be-bess-1', ...common, socMinMwh: 0.3, socMaxMwh: 1.7, initialSocMwh: 0.9, terminalSocMwh: 0.9, chargeEfficiency: 0.95, dischargeEfficiency: 0.95 },
      { id: 'be-bess-2', ...common, socMinMwh: 0.2, socMaxMwh: 1.3, initialSocMwh: 0.7, terminalSocMwh: 0.7, chargeEfficiency: 0.94, dischargeEfficiency: 0.94 },
    ],
  };
}
