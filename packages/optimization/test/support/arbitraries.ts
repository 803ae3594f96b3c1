import fc from 'fast-check';
import type { DispatchAsset, DispatchProblem } from '../../src';

/** Prices in [-500, 600] EUR/MWh at 0.1 EUR resolution (strongly negative ones included), so failures shrink. */
export const priceArb = fc.integer({ min: -5000, max: 6000 }).map((tenths) => tenths / 10);

const fraction = (min: number, max: number) => fc.integer({ min: 0, max: 1000 }).map((x) => min + ((max - min) * x) / 1000);

function assetArb(intervals: number, index: number, socTarget: 'initial' | 'any'): fc.Arbitrary<DispatchAsset> {
  return fc
    .record({
      powerMw: fraction(0.2, 2),
      outages: fc.array(fc.integer({ min: 0, max: intervals - 1 }), { maxLength: 2 }),
      socMinMwh: fraction(0, 0.5),
      bandMwh: fraction(0.2, 2),
      initialFrac: fraction(0, 1),
      terminal: fc.oneof(fc.constant<null>(null), fraction(0, 1)),
      chargeEfficiency: fraction(0.8, 1),
      dischargeEfficiency: fraction(0.8, 1),
      degradationEurPerMwh: fc.oneof(fc.constant(0), fraction(0, 10)),
    })
    .map((r) => {
      const powerLimitMw = new Float64Array(intervals).fill(r.powerMw);
      for (const t of r.outages) {
        powerLimitMw[t] = 0;
      }
      const initialSocMwh = r.socMinMwh + r.initialFrac * r.bandMwh;
      const terminalSocMwh =
        socTarget === 'initial' ? initialSocMwh : r.terminal === null ? null : r.socMinMwh + r.terminal * r.bandMwh;
      return {
        id: `bess-${index}`,
        powerLimitMw,
        socMinMwh: r.socMinMwh,
        socMaxMwh: r.socMinMwh + r.bandMwh,
        initialSocMwh,
        terminalSocMwh,
        chargeEfficiency: r.chargeEfficiency,
        dischargeEfficiency: r.dischargeEfficiency,
        degradationEurPerMwh: r.degradationEurPerMwh,
      };
    });
}

export interface ProblemArbOptions {
  readonly minIntervals?: number;
  readonly maxIntervals: number;
  readonly maxAssets: number;
  /** `initial`: terminal = initial SoC (idle is feasible); `any`: random target or none. */
  readonly socTarget: 'initial' | 'any';
}

/** Random dispatch problems: 1..maxAssets batteries behind a random (or no) POI, random prices. */
export function problemArb(options: ProblemArbOptions): fc.Arbitrary<DispatchProblem> {
  return fc
    .record({
      intervals: fc.integer({ min: options.minIntervals ?? 2, max: options.maxIntervals }),
      assetCount: fc.integer({ min: 1, max: options.maxAssets }),
      poiMw: fc.oneof(fc.constant(Infinity), fraction(0.3, 3)),
      terminalSoc: fc.constantFrom('equal' as const, 'at_least' as const),
    })
    .chain(({ intervals, assetCount, poiMw, terminalSoc }) =>
      fc
        .record({
          prices: fc.array(priceArb, { minLength: intervals, maxLength: intervals }),
          assets: fc.tuple(...Array.from({ length: assetCount }, (_, a) => assetArb(intervals, a, options.socTarget))),
        })
        .map(({ prices, assets }) => ({
          intervalCount: intervals,
          intervalHours: 0.25,
          assets,
          site: { importLimitMw: poiMw, exportLimitMw: poiMw },
          dayAheadPriceEurPerMwh: Float64Array.from(prices),
          terminalSoc,
        })),
    );
}
