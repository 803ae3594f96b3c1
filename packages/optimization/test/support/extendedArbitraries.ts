import fc from 'fast-check';
import type { DispatchProblem, ExtendedDispatchProblem, RiskInput } from '../../src';
import { priceArb, problemArb } from './arbitraries';
import { blocksOf } from './extensions';

/** Which optional parts a random problem gets. */
export type Workflow = 'fcr' | 'afrr' | 'fcr_afrr' | 'imbalance_fixed' | 'imbalance_free' | 'scenarios';

const fraction = (min: number, max: number) => fc.integer({ min: 0, max: 1000 }).map((x) => min + ((max - min) * x) / 1000);
const series = (n: number, arb: fc.Arbitrary<number>) => fc.array(arb, { minLength: n, maxLength: n }).map((values) => Float64Array.from(values));

/** Random problems of one workflow on top of `problemArb` (terminal = initial, so idle is feasible). */
export function extendedProblemArb(workflow: Workflow, maxIntervals = 10, maxAssets = 2): fc.Arbitrary<ExtendedDispatchProblem> {
  return problemArb({ maxIntervals, maxAssets, socTarget: 'initial' }).chain((problem) => extend(problem, workflow));
}

function extend(problem: DispatchProblem, workflow: Workflow): fc.Arbitrary<ExtendedDispatchProblem> {
  const n = problem.intervalCount;
  const blocks = fc.integer({ min: 1, max: 4 }).map((size) => blocksOf(n, size));
  const rule = fc.constantFrom('additive' as const, 'independent' as const);
  const fcr = fc.record({ blocks, prices: series(n, fraction(0, 60)), penalty: fraction(0, 5), sustain: fc.constantFrom(0, 0.25, 0.5) }).map((r) => ({
    ...r.blocks,
    capacityPriceEurPerMwH: r.prices,
    penaltyEurPerMwH: r.penalty,
    sustainHours: r.sustain,
  }));
  const afrr = fc
    .record({
      blocks,
      capUp: series(n, fraction(0, 40)),
      capDown: series(n, fraction(0, 40)),
      actUp: series(n, priceArb),
      actDown: series(n, priceArb),
      ratioUp: series(n, fraction(0, 0.5)),
      ratioDown: series(n, fraction(0, 0.5)),
      sign: fc.constantFrom(1 as const, -1 as const),
      sustain: fc.constantFrom(0.25, 0.5),
    })
    .map((r) => ({
      ...r.blocks,
      capacityUpPriceEurPerMwH: r.capUp,
      capacityDownPriceEurPerMwH: r.capDown,
      activationUpPriceEurPerMwh: r.actUp,
      activationDownPriceEurPerMwh: r.actDown,
      activationUpRatio: r.ratioUp,
      activationDownRatio: r.ratioDown,
      downActivationSign: r.sign,
      penaltyEurPerMwH: 1,
      sustainHours: r.sustain,
    }));
  switch (workflow) {
    case 'fcr':
      return fc.record({ fcr, reserveEnergy: rule }).map((extra) => ({ ...problem, ...extra }));
    case 'afrr':
      return fc.record({ afrr, reserveEnergy: rule }).map((extra) => ({ ...problem, ...extra }));
    case 'fcr_afrr':
      return fc.record({ fcr, afrr, reserveEnergy: rule }).map((extra) => ({ ...problem, ...extra }));
    case 'imbalance_fixed':
    case 'imbalance_free':
      return fc
        .record({ surplus: series(n, priceArb), shortage: series(n, priceArb), baseline: series(n, fraction(-1, 1)) })
        .map(({ surplus, shortage, baseline }) => ({
          ...problem,
          imbalance: {
            baseline: workflow === 'imbalance_free' ? ('free' as const) : baseline,
            surplusPriceEurPerMwh: surplus,
            shortagePriceEurPerMwh: shortage,
          },
        }));
    case 'scenarios':
      return fc
        .record({
          count: fc.integer({ min: 2, max: 3 }),
          prices: fc.array(series(n, priceArb), { minLength: 3, maxLength: 3 }),
          weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
          risk: fc.oneof(
            fc.constant<RiskInput>({ mode: 'expected_value', lambda: 0, tailMass: 1 }),
            fraction(0, 3).map((lambda): RiskInput => ({ mode: 'downside_penalty', lambda, tailMass: 1 })),
            fc.record({ lambda: fraction(0, 3), tailMass: fraction(0.1, 1) }).map((r): RiskInput => ({ mode: 'cvar', ...r })),
          ),
        })
        .map(({ count, prices, weights, risk }) => {
          const total = weights.slice(0, count).reduce((a, b) => a + b, 0);
          return {
            ...problem,
            scenarios: prices.slice(0, count).map((p, k) => ({ id: `s${k}`, weight: weights[k] / total, dayAheadPriceEurPerMwh: p })),
            risk,
          };
        });
  }
}
