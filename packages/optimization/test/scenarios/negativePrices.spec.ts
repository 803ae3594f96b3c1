import { burnThresholdEurPerMwh, checkPlanInvariants, solveDispatch } from '../../src';
import { enumerateModes } from '../support/enumerateModes';
import { battery, canonicalSite, problemOf } from '../support/problems';
import { sharedSolver } from '../support/sharedSolver';

const solver = sharedSolver();

/** A [0, 1] MWh, 1 MW battery from 0.9 back to 0.9 (nearly full), eta 0.9/0.9, k 4 EUR/MWh. */
const nearlyFull = (intervals: number) =>
  battery({ intervals, initialSocMwh: 0.9, terminalSocMwh: 0.9, chargeEfficiency: 0.9, dischargeEfficiency: 0.9, degradationEurPerMwh: 4 });

describe('negative prices: never charge and discharge at once', () => {
  it('the burn threshold is p* = -k (1 + etaC etaD) / (1 - etaC etaD)', () => {
    // k 4, eta 0.9/0.9: -4 x 1.81 / 0.19 = -38.105... EUR/MWh; the reference's Q1 example
    // (k 4, eta 0.95/0.95): -4 x 1.9025 / 0.0975 = -78.05 EUR/MWh; no losses: never.
    expect(burnThresholdEurPerMwh(nearlyFull(1))).toBeCloseTo(-(4 * 1.81) / 0.19, 9);
    expect(burnThresholdEurPerMwh({ ...nearlyFull(1), chargeEfficiency: 0.95, dischargeEfficiency: 0.95 })).toBeCloseTo(-78.0513, 4);
    expect(burnThresholdEurPerMwh({ ...nearlyFull(1), chargeEfficiency: 1, dischargeEfficiency: 1 })).toBe(-Infinity);
  });

  // Prices [-462, 100]. Without overlap: charge c0 at -462 until full (0.9 + 0.225 c0 <= 1,
  // c0 = 4/9 MW), then sell it back at t1: d1 = 0.81 c0. Objective
  //   0.25 c0 [462 + 0.81 x 100 - 4 (1 + 0.81)] = 0.25 x 4/9 x 535.76 = 59.528... EUR.
  // The LP would instead charge 1 MW and discharge 0.45 MW at t0 (burning 0.1 MWh of
  // energy at a profit): 70.715 EUR, which no battery can do.
  it('the -462 EUR/MWh interval with SoC near full is solved as a MILP, 59.5289 EUR', () => {
    const problem = problemOf([-462, 100], [nearlyFull(2)]);
    const result = solveDispatch(solver(), problem);
    expect(result.status).toBe('optimal');
    expect(result.solvedAs).toBe('milp');
    expect(result.stats.milpSolves).toBe(1);
    expect(result.stats.binaryCount).toBe(1);
    expect(result.stats.mipGap).toBeLessThanOrEqual(1e-6);
    expect(result.objectiveEur).toBeCloseTo(0.25 * (4 / 9) * 535.76, 6);
    // The proven bound sits on the optimum (gap 1e-6); the LP's 70.715 EUR is far above it.
    expect(result.stats.mipBoundEur).toBeGreaterThanOrEqual(result.objectiveEur - 1e-9);
    expect(result.stats.mipBoundEur).toBeLessThanOrEqual(result.objectiveEur * (1 + 1e-6) + 1e-9);
    expect(result.assets[0].chargeMw[0]).toBeCloseTo(4 / 9, 9);
    expect(result.assets[0].dischargeMw[0]).toBe(0);
    expect(checkPlanInvariants(problem, result)).toEqual([]);
  });

  it.each([
    { label: 'one deep dip', prices: [-462, 100, 80, 120] },
    { label: 'two dips around a peak', prices: [-462, 200, -300, 50] },
    { label: 'make room at -100 to be paid 400', prices: [-100, -400, -400, 60] },
    { label: 'mild negatives only', prices: [-20, -30, 40, 90] },
    { label: 'a negative day', prices: [-80, -462, -200, -150, -90, 30] },
  ])('equals the enumerated optimum of fixed-direction LPs: $label', ({ prices }) => {
    const problem = problemOf(prices, [nearlyFull(prices.length)]);
    const result = solveDispatch(solver(), problem);
    expect(result.status).toBe('optimal');
    expect(checkPlanInvariants(problem, result)).toEqual([]);
    expect(result.objectiveEur).toBeCloseTo(enumerateModes(solver(), problem), 6);
  });

  it('the reference formulation (a binary in every interval) reaches the same optimum', () => {
    const problem = problemOf([-80, -462, -200, -150, -90, 30], [nearlyFull(6)]);
    const lpFirst = solveDispatch(solver(), problem);
    const everywhere = solveDispatch(solver(), problem, { exclusivity: 'always_milp' });
    expect(everywhere.stats.binaryCount).toBe(6);
    expect(everywhere.objectiveEur).toBeCloseTo(lpFirst.objectiveEur, 6);
  });

  it('the canonical two-battery site on a sunny Sunday (-462 EUR/MWh at noon) plans without overlap', () => {
    // Evening peak 180, night 60, a midday dip to -462 for two hours and -40 around it.
    const prices = Float64Array.from({ length: 96 }, (_, t) => {
      if (t >= 48 && t < 56) {
        return -462;
      }
      if (t >= 40 && t < 64) {
        return -40;
      }
      return t >= 72 && t < 84 ? 180 : 60;
    });
    const problem = canonicalSite(prices);
    const result = solveDispatch(solver(), problem);
    expect(result.status).toBe('optimal');
    expect(checkPlanInvariants(problem, result)).toEqual([]);
    const everywhere = solveDispatch(solver(), problem, { exclusivity: 'always_milp' });
    expect(result.objectiveEur).toBeCloseTo(everywhere.objectiveEur, 6);
    // Only the 8 intervals at -462 are below the thresholds (-78.05 and -64.7 EUR/MWh):
    // 8 binaries per asset.
    expect(result.solvedAs).toBe('milp');
    expect(result.stats.binaryCount).toBe(16);
    expect(result.stats.mipGap).toBeLessThanOrEqual(1e-6);
  });
});

