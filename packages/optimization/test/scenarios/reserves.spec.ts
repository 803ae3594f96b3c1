import { checkPlanInvariants, solveDispatch } from '../../src';
import type { ExtendedDispatchProblem } from '../../src';
import { afrrOf, fcrOf } from '../support/extensions';
import { battery, problemOf } from '../support/problems';
import { sharedSolver } from '../support/sharedSolver';

const solver = sharedSolver();

const solveChecked = (problem: ExtendedDispatchProblem) => {
  const result = solveDispatch(solver(), problem);
  expect(result.status).toBe('optimal');
  expect(checkPlanInvariants(problem, result)).toEqual([]);
  return result;
};

describe('FCR (dt = 0.25 h, eta 1, k 0 unless stated)', () => {
  // One 4-hour block (16 quarter-hours), flat day-ahead price (no arbitrage), [0, 1] MWh from
  // 0.5 back to 0.5, 1 MW, sustain 15 min. FCR is priced 64 EUR/MW/h in interval 5 only.
  // r is one column for the whole block, so it earns the block's average: 64 / 16 = 4 EUR/MW/h,
  // i.e. 0.25 x 64 = 16 EUR per MW over the block; the fee is pen x 4 h per MW.
  // Headroom (r <= 1) binds before energy (0.5 - 0.25 r >= 0 -> r <= 2).
  // pen 0: r = 1, 16 EUR. pen 3: 16 - 12 = 4 EUR per MW, r = 1, 4 EUR.
  // pen 5: 16 - 20 < 0, r = 0 (a per-interval award would have sold interval 5 alone: 64 > 5).
  it.each([
    { penalty: 0, fcrMw: 1, expectedEur: 16 },
    { penalty: 3, fcrMw: 1, expectedEur: 4 },
    { penalty: 5, fcrMw: 0, expectedEur: 0 },
  ])('a block priced in one quarter-hour earns its average (penalty $penalty EUR/MW/h -> r = $fcrMw MW)', ({ penalty, fcrMw, expectedEur }) => {
    const prices = Array.from({ length: 16 }, (_, t) => (t === 5 ? 64 : 0));
    const problem = { ...problemOf(new Array(16).fill(50), [battery({ intervals: 16 })]), fcr: fcrOf(prices, { penaltyEurPerMwH: penalty }) };
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    expect(Array.from(result.reserves?.[0].fcrMw ?? [])).toEqual(new Array(16).fill(expect.closeTo(fcrMw, 9)));
    expect(result.terms?.reserveCapacityEur).toBeCloseTo(16 * fcrMw, 9);
    expect(result.terms?.reservePenaltyEur).toBeCloseTo(-penalty * 4 * fcrMw, 9);
  });

  // Four intervals, one block, prices [0, 100, 0, 100]: the battery trades (1 - r) MW four
  // times, worth 2 x 0.25 x 100 x (1 - r) = 50 (1 - r) EUR, since r takes headroom in both
  // directions (c + r <= 1, d + r <= 1). FCR at p EUR/MW/h earns p r over the hour.
  // p 40: 50 - 50 r + 40 r is best at r = 0 (50 EUR); p 60: best at r = 1 (60 EUR).
  it.each([
    { priceEur: 40, fcrMw: 0, expectedEur: 50 },
    { priceEur: 60, fcrMw: 1, expectedEur: 60 },
  ])('FCR takes headroom from trading in both directions (p $priceEur -> r = $fcrMw)', ({ priceEur, fcrMw, expectedEur }) => {
    const problem = { ...problemOf([0, 100, 0, 100], [battery({ intervals: 4 })]), fcr: fcrOf(new Array(4).fill(priceEur)) };
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    expect(result.reserves?.[0].fcrMw?.[0]).toBeCloseTo(fcrMw, 9);
  });

  // Flat day-ahead price, FCR 10 EUR/MW/h, sustain 1 h, 1 MW, [0, 1] MWh, start = end = s0.
  // Floor: s - r / etaD >= 0 -> r <= s0 etaD. Ceiling: s + r etaC <= 1 -> r <= (1 - s0) / etaC.
  // s0 0.2, eta 1: floor binds, r = 0.2; s0 0.8: ceiling binds, r = 0.2; s0 0.5: r = 0.5.
  // eta 0.9: s0 0.2 -> r = 0.18 (floor); s0 0.8 -> r = 0.2 / 0.9 (ceiling).
  it.each([
    { s0: 0.2, eta: 1, fcrMw: 0.2, binds: 'floor' },
    { s0: 0.8, eta: 1, fcrMw: 0.2, binds: 'ceiling' },
    { s0: 0.5, eta: 1, fcrMw: 0.5, binds: 'both' },
    { s0: 0.2, eta: 0.9, fcrMw: 0.18, binds: 'floor' },
    { s0: 0.8, eta: 0.9, fcrMw: 0.2 / 0.9, binds: 'ceiling' },
  ])('FCR needs energy for its sustain duration both ways: s0 $s0, eta $eta -> r = $fcrMw ($binds)', ({ s0, eta, fcrMw }) => {
    const asset = battery({ intervals: 4, initialSocMwh: s0, terminalSocMwh: s0, chargeEfficiency: eta, dischargeEfficiency: eta });
    const problem = { ...problemOf([50, 50, 50, 50], [asset]), fcr: fcrOf([10, 10, 10, 10], { sustainHours: 1 }) };
    const result = solveChecked(problem);
    expect(result.reserves?.[0].fcrMw?.[0]).toBeCloseTo(fcrMw, 9);
    expect(result.objectiveEur).toBeCloseTo(10 * fcrMw, 9);
  });

  it('blocks of 3 and 5 hours (DST days) each get one award; the POI counts reserves', () => {
    // 8 intervals in blocks [0..2] and [3..7]; FCR 10 EUR/MW/h in block 0, 0 in block 1; POI
    // 0.6 MW each way limits r + c (and r + d) of the site.
    const problem = {
      ...problemOf(new Array(8).fill(50), [battery({ intervals: 8 })], { site: { importLimitMw: 0.6, exportLimitMw: 0.6 } }),
      fcr: { ...fcrOf([10, 10, 10, 0, 0, 0, 0, 0]), blockOfInterval: Int32Array.of(0, 0, 0, 1, 1, 1, 1, 1), blockCount: 2 },
    };
    const result = solveChecked(problem);
    expect(Array.from(result.reserves?.[0].fcrMw ?? [])).toEqual([0.6, 0.6, 0.6, 0, 0, 0, 0, 0].map((v) => expect.closeTo(v, 9)));
    expect(result.objectiveEur).toBeCloseTo(0.25 * 3 * 10 * 0.6, 9);
  });
});

describe('aFRR with expected activation', () => {
  // One hour (4 intervals, one block), day-ahead flat 0 with k = 1 (trading only costs), no
  // terminal target, [0, 2] MWh from 1, 1 MW, eta 0.9/0.9, sustain 15 min.
  // Up: pCU 10, rhoU 0.2, pAU 100: u earns 10 + 0.2 x 100 = 30 EUR/MW/h -> u = 1, 30 EUR;
  // each interval delivers 0.2 x 1 x 0.25 = 0.05 MWh, taking 0.05 / 0.9 from storage:
  // SoC 1, 0.9444, 0.8889, 0.8333, 0.7778.
  it('upward activation drains the SoC by rhoU u dt / etaD per interval', () => {
    const asset = battery({ intervals: 4, socMaxMwh: 2, initialSocMwh: 1, terminalSocMwh: null, chargeEfficiency: 0.9, dischargeEfficiency: 0.9, degradationEurPerMwh: 1 });
    const problem = { ...problemOf([0, 0, 0, 0], [asset]), afrr: afrrOf(4, { capUp: 10, ratioUp: 0.2, actUp: 100 }) };
    const result = solveChecked(problem);
    expect(result.reserves?.[0].afrrUpMw?.[0]).toBeCloseTo(1, 9);
    expect(result.reserves?.[0].afrrDownMw?.[0]).toBeCloseTo(0, 9);
    expect(Array.from(result.assets[0].socMwh)).toEqual([1, 1 - 0.05 / 0.9, 1 - 0.1 / 0.9, 1 - 0.15 / 0.9, 1 - 0.2 / 0.9].map((v) => expect.closeTo(v, 9)));
    expect(result.objectiveEur).toBeCloseTo(30, 9);
    expect(result.terms?.reserveActivationEur).toBeCloseTo(20, 9);
  });

  // Down: pCD, rhoD 0.2, pAD 100 EUR/MWh (positive). sigma = -1 (bsp_pays): the provider buys
  // the activated energy, w earns pCD - 0.2 x 100 = pCD - 20 EUR/MW/h; sigma = +1 earns pCD + 20.
  // Each interval of w = 1 stores 0.9 x 0.2 x 0.25 = 0.045 MWh.
  it.each([
    { sign: -1 as const, capDown: 10, downMw: 0, expectedEur: 0 },
    { sign: 1 as const, capDown: 10, downMw: 1, expectedEur: 30 },
    { sign: -1 as const, capDown: 30, downMw: 1, expectedEur: 10 },
  ])('downward activation at a positive price with sigma $sign and pCD $capDown: w = $downMw, $expectedEur EUR', ({ sign, capDown, downMw, expectedEur }) => {
    const asset = battery({ intervals: 4, socMaxMwh: 2, initialSocMwh: 1, terminalSocMwh: null, chargeEfficiency: 0.9, dischargeEfficiency: 0.9, degradationEurPerMwh: 1 });
    const problem = { ...problemOf([0, 0, 0, 0], [asset]), afrr: afrrOf(4, { capDown, ratioDown: 0.2, actDown: 100 }, { downActivationSign: sign }) };
    const result = solveChecked(problem);
    expect(result.reserves?.[0].afrrDownMw?.[0]).toBeCloseTo(downMw, 9);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    expect(result.assets[0].socMwh[4]).toBeCloseTo(1 + 4 * 0.045 * downMw, 9);
  });
});

describe('reserve energy rule', () => {
  // FCR and aFRR up together, both 10 EUR/MW/h, sustain 0.5 h each, s = 0.5 in [0, 1] MWh, 2 MW.
  // independent: r <= 0.5 / 0.5 = 1 and u <= 1 separately: r = u = 1, 2 MW x 10 x 1 h = 20 EUR.
  // additive: (r + u) 0.5 <= 0.5, so r + u <= 1: 10 EUR.
  it.each([
    { rule: 'independent' as const, expectedEur: 20 },
    { rule: 'additive' as const, expectedEur: 10 },
  ])('FCR plus aFRR: $rule earns $expectedEur EUR', ({ rule, expectedEur }) => {
    const asset = battery({ intervals: 4, powerMw: 2 });
    const problem: ExtendedDispatchProblem = {
      ...problemOf([50, 50, 50, 50], [asset]),
      fcr: fcrOf([10, 10, 10, 10], { sustainHours: 0.5 }),
      afrr: afrrOf(4, { capUp: 10 }, { sustainHours: 0.5 }),
      reserveEnergy: rule,
    };
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
  });

  // FCR only, sustain 15 min, 20 EUR/MW/h, 1 MW, [0, 1] MWh from 0.75, no terminal target,
  // day-ahead 100 EUR/MWh flat: the battery sells all 0.75 MWh (75 EUR, needs sum d = 3 MW x
  // 0.25 h) and sells FCR with the headroom left: d + r <= 1 per interval.
  // independent checks s_0..s_3 only: r = 0.25 leaves sum d <= 4 x 0.75 = 3, so r = 0.25 costs
  // nothing: 75 + 20 x 0.25 = 80 EUR. additive also checks s_4 - 0.25 r >= 0, so
  // sum d <= 3 - r, worth 75 - 25 r + 20 r: r = 0, 75 EUR.
  it.each([
    { rule: 'independent' as const, fcrMw: 0.25, expectedEur: 80 },
    { rule: 'additive' as const, fcrMw: 0, expectedEur: 75 },
  ])('the end of the last interval binds only under additive: $rule -> r = $fcrMw', ({ rule, fcrMw, expectedEur }) => {
    const asset = battery({ intervals: 4, initialSocMwh: 0.75, terminalSocMwh: null });
    const problem: ExtendedDispatchProblem = { ...problemOf([100, 100, 100, 100], [asset]), fcr: fcrOf([20, 20, 20, 20]), reserveEnergy: rule };
    const result = solveChecked(problem);
    expect(result.objectiveEur).toBeCloseTo(expectedEur, 9);
    expect(result.reserves?.[0].fcrMw?.[0]).toBeCloseTo(fcrMw, 9);
  });
});
