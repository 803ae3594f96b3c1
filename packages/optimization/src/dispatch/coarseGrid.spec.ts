import fc from 'fast-check';
import { battery, canonicalSite, problemOf } from '../../test/support/problems';
import { sharedSolver } from '../../test/support/sharedSolver';
import { checkPlanInvariants } from '../checks/checkPlanInvariants';
import { coarseFactorOf, coarsenProblem, coarseSpans } from './coarseGrid';
import type { AfrrInput, ExtendedDispatchProblem, FcrInput } from './DispatchProblem';
import { solveDispatch } from './solveDispatch';

// Problems whose inputs are constant over aligned groups of intervals are solved on the grid
// of the groups (hourly day-ahead prices on the quarter-hour grid), with the same optimum.
const solver = sharedSolver();

/** Each hourly price repeated over its four quarter-hours. */
function hourly(prices: readonly number[]): Float64Array {
  return Float64Array.from(prices.flatMap((p) => [p, p, p, p]));
}

function fcrOf(n: number, blockIntervals: number, priceEurPerMwH: number): FcrInput {
  return {
    blockOfInterval: Int32Array.from({ length: n }, (_, t) => Math.floor(t / blockIntervals)),
    blockCount: Math.ceil(n / blockIntervals),
    capacityPriceEurPerMwH: new Float64Array(n).fill(priceEurPerMwH),
    penaltyEurPerMwH: 0,
    sustainHours: 0.25,
  };
}

describe('coarse grid', () => {
  describe('coarseFactorOf', () => {
    const day = canonicalSite(hourly(Array.from({ length: 24 }, (_, h) => 40 + h)));

    it('is 4 for hourly prices, the gcd of N and every change point otherwise', () => {
      expect(coarseFactorOf(day)).toBe(4);
      const prices = hourly(Array.from({ length: 24 }, (_, h) => 40 + h));
      // A change at interval 2 leaves pairs of equal quarter-hours.
      prices[2] = prices[3] = 0;
      expect(coarseFactorOf({ ...day, dayAheadPriceEurPerMwh: prices })).toBe(2);
      // A change at an odd interval leaves nothing to merge.
      prices[3] = 1;
      expect(coarseFactorOf({ ...day, dayAheadPriceEurPerMwh: prices })).toBe(1);
      // One price all day: one interval of 24 h.
      expect(coarseFactorOf(canonicalSite(new Float64Array(96).fill(50)))).toBe(96);
      // Two-hour prices on a DST day of 92 quarter-hours (gcd(92, 8) = 4).
      expect(coarseFactorOf(canonicalSite(Float64Array.from({ length: 92 }, (_, t) => Math.floor(t / 8))))).toBe(4);
    });

    it('starts every day of a horizon of several days on a group boundary', () => {
      const flat = canonicalSite(new Float64Array(192).fill(50));
      expect(coarseFactorOf({ ...flat, dayStarts: Int32Array.of(96) })).toBe(96);
      // A 92-quarter-hour day first: gcd(192, 92) = 4.
      expect(coarseFactorOf({ ...flat, dayStarts: Int32Array.of(92) })).toBe(4);
      const coarse = coarsenProblem({ ...flat, dayStarts: Int32Array.of(92) }, coarseSpans(192, 4));
      expect(Array.from(coarse.dayStarts ?? [])).toEqual([23]);
    });

    it('follows power limits and reserve blocks and inputs', () => {
      const limited = day.assets[0].powerLimitMw.slice();
      limited[5] = 0.5;
      expect(coarseFactorOf({ ...day, assets: [{ ...day.assets[0], powerLimitMw: limited }, day.assets[1]] })).toBe(1);
      expect(coarseFactorOf({ ...day, fcr: fcrOf(96, 16, 12) })).toBe(4);
      // reference_v1 blocks of one quarter-hour.
      expect(coarseFactorOf({ ...day, fcr: fcrOf(96, 1, 12) })).toBe(1);
      const afrr: AfrrInput = {
        blockOfInterval: new Int32Array(96),
        blockCount: 1,
        capacityUpPriceEurPerMwH: new Float64Array(96).fill(5),
        capacityDownPriceEurPerMwH: new Float64Array(96).fill(5),
        activationUpPriceEurPerMwh: new Float64Array(96).fill(100),
        activationDownPriceEurPerMwh: new Float64Array(96).fill(20),
        activationUpRatio: new Float64Array(96).fill(0.1),
        activationDownRatio: Float64Array.from({ length: 96 }, (_, t) => (t === 48 ? 0.3 : 0.1)),
        downActivationSign: -1,
        penaltyEurPerMwH: 0,
        sustainHours: 0.25,
      };
      expect(coarseFactorOf({ ...day, afrr: { ...afrr, activationDownRatio: new Float64Array(96).fill(0.1) } })).toBe(4);
      // A quarter-hourly activation ratio (t = 48 is a multiple of 4, t = 49 is not).
      expect(coarseFactorOf({ ...day, afrr })).toBe(1);
    });

    it('is 1 where the coarse rows would not cover the fine ones, or the problem has parts it does not carry', () => {
      const fcr = fcrOf(96, 16, 12);
      expect(coarseFactorOf({ ...day, fcr, reserveEnergy: 'independent' })).toBe(1);
      expect(coarseFactorOf({ ...day, fcr, reserveEnergyFromSecondInstant: true })).toBe(1);
      // Without reserves the flag has no rows to move.
      expect(coarseFactorOf({ ...day, reserveEnergyFromSecondInstant: true })).toBe(4);
      const flat = new Float64Array(96).fill(30);
      expect(coarseFactorOf({ ...day, imbalance: { baseline: new Float64Array(96), surplusPriceEurPerMwh: flat, shortagePriceEurPerMwh: flat } })).toBe(1);
      expect(coarseFactorOf({ ...day, locks: { chargeMw: day.assets.map(() => new Float64Array(96).fill(Number.NaN)), dischargeMw: day.assets.map(() => new Float64Array(96).fill(Number.NaN)) } })).toBe(1);
      expect(coarseFactorOf({ ...day, scenarios: [{ id: 'a', weight: 1 }] })).toBe(1);
    });
  });

  it('coarsens every per-interval input to one value per group, durations times k', () => {
    const problem: ExtendedDispatchProblem = { ...problemOf([1, 1, 2, 2, 3, 3], [battery({ intervals: 6 })]), fcr: fcrOf(6, 2, 7) };
    const coarse = coarsenProblem(problem, coarseSpans(6, 2));
    expect(coarse.intervalCount).toBe(3);
    expect(coarse.intervalHours).toBe(0.5);
    expect([...coarse.dayAheadPriceEurPerMwh]).toEqual([1, 2, 3]);
    expect([...coarse.assets[0].powerLimitMw]).toEqual([1, 1, 1]);
    expect([...(coarse.fcr?.blockOfInterval ?? [])]).toEqual([0, 1, 2]);
    expect(coarse.fcr?.blockCount).toBe(3);
  });

  it('charges the cheap hour and discharges the dear one, by hand', () => {
    // One lossless 1 MW / 1 MWh battery from 0 back to 0, 10 EUR/MWh then 50 EUR/MWh: a full
    // hour of charging (1 MWh) and of discharging earns 50 - 10 = 40 EUR.
    const problem = problemOf(Array.from(hourly([10, 50])), [battery({ intervals: 8, initialSocMwh: 0, terminalSocMwh: 0 })]);
    const result = solveDispatch(solver(), problem);
    expect(result.status).toBe('optimal');
    expect(result.stats.coarseFactor).toBe(4);
    expect(result.stats.lpSolves).toBe(1);
    expect(result.objectiveEur).toBeCloseTo(40, 9);
    expect([...result.assets[0].chargeMw]).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect([...result.assets[0].dischargeMw]).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect([...result.assets[0].socMwh]).toEqual([0, 0.25, 0.5, 0.75, 1, 0.75, 0.5, 0.25, 0]);
    expect(checkPlanInvariants(problem, result)).toEqual([]);
  });

  it('keeps the quarter-hours of an hour where burning pays, with their binaries, and merges the others (mixed grid)', () => {
    // A deeply negative hour with losses: charging and discharging at once would pay, which
    // needs the binaries of its quarter-hours (the MILP alternates instead). The other hours
    // stay merged.
    const problem = canonicalSite(hourly([-500, 40, 60, 40]));
    const spans = coarseSpans(16, 4, (g) => g === 0);
    expect([...spans]).toEqual([0, 1, 2, 3, 4, 8, 12, 16]);
    const mixed = coarsenProblem(problem, spans);
    expect([...(mixed.intervalHoursEach ?? [])]).toEqual([0.25, 0.25, 0.25, 0.25, 1, 1, 1]);
    // A grid of unequal intervals is not coarsened again.
    expect(coarseFactorOf(mixed)).toBe(1);
    const result = solveDispatch(solver(), problem);
    const fine = solveDispatch(solver(), problem, { coarseGrid: false });
    expect(result.status).toBe('optimal');
    expect(result.solvedAs).toBe('milp');
    expect(result.stats.coarseFactor).toBe(4);
    // The burning hour's binaries only, as on the fine grid.
    expect(result.stats.binaryCount).toBe(8);
    expect(fine.stats.binaryCount).toBe(8);
    expect(result.objectiveEur).toBeCloseTo(fine.objectiveEur, 6);
    expect(checkPlanInvariants(problem, result)).toEqual([]);
    // The merged hours hold one power each.
    const plan = result.assets[0];
    for (let t = 4; t < 16; t++) {
      expect(plan.chargeMw[t]).toBe(plan.chargeMw[t - (t % 4)]);
    }
  });

  it('leaves a day that burns in every hour to the fine grid (where a flat window can be proven)', () => {
    const problem = canonicalSite(hourly([-500, -400, -450, -500]));
    const result = solveDispatch(solver(), problem);
    expect(result.stats.coarseFactor).toBeUndefined();
    expect(checkPlanInvariants(problem, result)).toEqual([]);
  });

  it('has the optimum of the quarter-hour problem on random hourly days, burning hours, FCR and cycle budgets included (property)', () => {
    const problemArb = fc
      .record({
        hours: fc.integer({ min: 2, max: 8 }),
        // Down to -400 EUR/MWh: some hours burn, and the mixed grid's MILP decides them.
        prices: fc.array(fc.integer({ min: -400, max: 200 }), { minLength: 8, maxLength: 8 }),
        twoAssets: fc.boolean(),
        terminal: fc.constantFrom('equal' as const, 'at_least' as const, null),
        poiMw: fc.constantFrom(0.8, 1.5, Infinity),
        fcrPrice: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        cycles: fc.option(fc.double({ min: 0.2, max: 2, noNaN: true }), { nil: undefined }),
      })
      .map(({ hours, prices, twoAssets, terminal, poiMw, fcrPrice, cycles }) => {
        const base = canonicalSite(hourly(prices.slice(0, hours)));
        const n = base.intervalCount;
        const assets = (twoAssets ? base.assets : base.assets.slice(0, 1)).map((asset) => ({ ...asset, terminalSocMwh: terminal === null ? null : asset.terminalSocMwh }));
        const problem: ExtendedDispatchProblem = {
          ...base,
          assets,
          terminalSoc: terminal ?? 'equal',
          site: { importLimitMw: poiMw, exportLimitMw: poiMw },
          ...(fcrPrice !== undefined ? { fcr: fcrOf(n, 8, fcrPrice) } : {}),
          ...(cycles !== undefined ? { cycles: { dischargeBudgetMwh: new Float64Array(assets.length).fill(cycles) } } : {}),
        };
        return problem;
      });
    let coarseSolves = 0;
    let mixedSolves = 0;
    fc.assert(
      fc.property(problemArb, (problem) => {
        const coarse = solveDispatch(solver(), problem);
        const fine = solveDispatch(solver(), problem, { coarseGrid: false });
        expect(coarse.status).toBe('optimal');
        expect(fine.status).toBe('optimal');
        // Both within the MILP's relative gap (1e-6) of the same optimum.
        expect(Math.abs(coarse.objectiveEur - fine.objectiveEur)).toBeLessThanOrEqual(2e-6 * Math.max(1, Math.abs(fine.objectiveEur)));
        expect(checkPlanInvariants(problem, coarse)).toEqual([]);
        expect(checkPlanInvariants(problem, fine)).toEqual([]);
        if (coarse.stats.coarseFactor !== undefined) {
          expect(coarse.stats.coarseFactor).toBe(coarseFactorOf(problem));
          coarseSolves += 1;
          mixedSolves += coarse.solvedAs === 'milp' ? 1 : 0;
        }
      }),
      { numRuns: 150 },
    );
    // Both paths are exercised: coarse LPs and mixed-grid MILPs.
    expect(coarseSolves - mixedSolves).toBeGreaterThan(30);
    expect(mixedSolves).toBeGreaterThan(15);
  });
});
