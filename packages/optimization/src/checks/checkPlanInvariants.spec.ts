import type { DispatchProblem, ExtendedDispatchProblem } from '../dispatch/DispatchProblem';
import type { DispatchAssetPlan } from '../dispatch/DispatchResult';
import { checkPlanInvariants } from './checkPlanInvariants';

// One 1 MW battery in [0, 1] MWh from 0.5 back to 0.5, eta 1 (so every 1 MW for 0.25 h
// moves the SoC by 0.25 MWh), two intervals, POI 0.8 MW.
const problem: DispatchProblem = {
  intervalCount: 2,
  intervalHours: 0.25,
  assets: [
    {
      id: 'be-bess-1',
      powerLimitMw: Float64Array.of(1, 1),
      socMinMwh: 0,
      socMaxMwh: 1,
      initialSocMwh: 0.5,
      terminalSocMwh: 0.5,
      chargeEfficiency: 1,
      dischargeEfficiency: 1,
      degradationEurPerMwh: 0,
    },
  ],
  site: { importLimitMw: 0.8, exportLimitMw: 0.8 },
  dayAheadPriceEurPerMwh: Float64Array.of(10, 20),
  terminalSoc: 'equal',
};

const plan = (c: number[], d: number[], s: number[]): { assets: DispatchAssetPlan[] } => ({
  assets: [{ id: 'be-bess-1', chargeMw: Float64Array.from(c), dischargeMw: Float64Array.from(d), socMwh: Float64Array.from(s) }],
});

describe('checkPlanInvariants', () => {
  it('accepts a valid plan (charge 0.8 MW, then discharge 0.8 MW)', () => {
    expect(checkPlanInvariants(problem, plan([0.8, 0], [0, 0.8], [0.5, 0.7, 0.5]))).toEqual([]);
  });

  it('accepts errors up to 1e-6 MWh in the SoC balance', () => {
    expect(checkPlanInvariants(problem, plan([0.8, 0], [0, 0.8], [0.5, 0.7 + 9e-7, 0.5]))).toEqual([]);
  });

  it.each([
    ['soc_balance', plan([0.8, 0], [0, 0.8], [0.5, 0.71, 0.5]), 0, 0.71, 0.7],
    ['soc_initial', plan([0.8, 0], [0, 0.8], [0.4, 0.6, 0.4]), 0, 0.4, 0.5],
    ['soc_terminal', plan([0.8, 0], [0, 0], [0.5, 0.7, 0.7]), 2, 0.7, 0.5],
    ['simultaneous_charge_discharge', plan([0.4, 0], [0.4, 0], [0.5, 0.5, 0.5]), 0, 0.4, 0.4],
    ['poi_import_limit', plan([0.9, 0], [0, 0.9], [0.5, 0.725, 0.5]), 0, 0.9, 0.8],
    ['poi_export_limit', plan([0.9, 0], [0, 0.9], [0.5, 0.725, 0.5]), 1, 0.9, 0.8],
  ])('reports %s with asset, interval and amounts', (code, broken, interval, actual, limit) => {
    const violations = checkPlanInvariants(problem, broken);
    const found = violations.find((v) => v.code === code);
    expect(found).toMatchObject({ interval });
    expect(found?.actual).toBeCloseTo(actual, 12);
    expect(found?.limit).toBeCloseTo(limit, 12);
    expect(found?.message).toMatch(/interval|instant/);
  });

  it('reports SoC bounds and power limits per asset', () => {
    const tight: DispatchProblem = {
      ...problem,
      assets: [{ ...problem.assets[0], socMaxMwh: 0.6, powerLimitMw: Float64Array.of(0.5, 1) }],
      site: { importLimitMw: Infinity, exportLimitMw: Infinity },
    };
    const violations = checkPlanInvariants(tight, plan([0.8, 0], [0, 0.8], [0.5, 0.7, 0.5]));
    expect(violations.map((v) => [v.code, v.assetId, v.interval])).toEqual([
      ['power_limit', 'be-bess-1', 0],
      ['soc_bounds', 'be-bess-1', 1],
    ]);
  });

  it('with terminal at_least, ending above the target is fine and below is not', () => {
    const atLeast: DispatchProblem = { ...problem, terminalSoc: 'at_least' };
    expect(checkPlanInvariants(atLeast, plan([0.8, 0], [0, 0], [0.5, 0.7, 0.7]))).toEqual([]);
    expect(checkPlanInvariants(atLeast, plan([0, 0], [0.8, 0], [0.5, 0.3, 0.3])).map((v) => v.code)).toEqual(['soc_terminal']);
  });

  it('reports a plan whose shape does not match the problem', () => {
    expect(checkPlanInvariants(problem, { assets: [] }).map((v) => v.code)).toEqual(['plan_shape']);
    expect(checkPlanInvariants(problem, plan([0.8], [0], [0.5, 0.7])).map((v) => v.code)).toEqual(['plan_shape']);
  });

  // Extended checks: the same battery, one FCR block over both intervals.
  const fcr = { blockOfInterval: Int32Array.of(0, 0), blockCount: 1, capacityPriceEurPerMwH: Float64Array.of(5, 5), penaltyEurPerMwH: 0, sustainHours: 0.5 };
  const withFcr = (patch: Partial<ExtendedDispatchProblem> = {}): ExtendedDispatchProblem => ({ ...problem, site: { importLimitMw: 1, exportLimitMw: 1 }, fcr, ...patch });
  const reserved = (r: number[]) => [{ fcrMw: Float64Array.from(r) }];
  const codes = (p: ExtendedDispatchProblem, planned: Parameters<typeof checkPlanInvariants>[1]) => checkPlanInvariants(p, planned).map((v) => `${v.code}@${v.interval}`);

  it('accepts a valid plan with reserves, and reports missing reserves as a shape error', () => {
    // Trade 0.5 MW each way with r = 0.5 (headroom 1 MW); SoC 0.5 -> 0.625 -> 0.5 keeps
    // 0.5 x 0.5 h = 0.25 MWh of room both ways at every instant.
    const valid = { ...plan([0.5, 0], [0, 0.5], [0.5, 0.625, 0.5]), reserves: reserved([0.5, 0.5]) };
    expect(checkPlanInvariants(withFcr(), valid)).toEqual([]);
    expect(codes(withFcr(), plan([0.5, 0], [0, 0.5], [0.5, 0.625, 0.5]))).toEqual(['plan_shape@null']);
  });

  it.each([
    // d0 0.8 + r 0.3 = 1.1 MW of upward headroom, c1 0.8 + r 0.3 downward, on a 1 MW asset.
    ['reserve_headroom_up@0', withFcr(), plan([0, 0.8], [0.8, 0], [0.5, 0.3, 0.5]), [0.3, 0.3]],
    // Two values inside one block.
    ['reserve_block_constancy@1', withFcr(), plan([0, 0], [0, 0], [0.5, 0.5, 0.5]), [0.2, 0.3]],
    // The award of block 0 is locked at 0.2 MW.
    ['reserve_lock@0', withFcr({ fcr: { ...fcr, fixedMw: [Float64Array.of(0.2)] } }), plan([0, 0], [0, 0], [0.5, 0.5, 0.5]), [0.3, 0.3]],
    // Import c0 0.6 + r 0.3 = 0.9 MW through a 0.8 MW POI.
    ['poi_import_limit@0', withFcr({ site: { importLimitMw: 0.8, exportLimitMw: 1 } }), plan([0.6, 0], [0, 0.6], [0.5, 0.65, 0.5]), [0.3, 0.3]],
    // r 0.4 sustained for 1 h needs 0.4 MWh above the floor: s0 = 0.5 and s1 = 0.4 hold it,
    // s2 = 0.3 (end of interval 1) does not. Terminal is free here.
    ['reserve_energy_floor@2', withFcr({ assets: [{ ...problem.assets[0], terminalSocMwh: null }], fcr: { ...fcr, sustainHours: 1 } }), plan([0, 0], [0.4, 0.4], [0.5, 0.4, 0.3]), [0.4, 0.4]],
  ])('reports %s', (expected, extended, broken, r) => {
    expect(codes(extended, { ...broken, reserves: reserved(r) })).toContain(expected);
  });

  it('checks reserve energy at the start only under independent', () => {
    // r 0.2 for 1 h needs 0.2 MWh above the floor: s2 = 0.1 (end of interval 1) cannot hold it,
    // so additive reports instant 2; independent (start of each interval) does not, and
    // instants 0 and 1 are fine under both.
    const broken = { ...plan([0, 0], [0.8, 0.8], [0.5, 0.3, 0.1]), reserves: reserved([0.2, 0.2]) };
    const free = { assets: [{ ...problem.assets[0], terminalSocMwh: null }] };
    const tight = { fcr: { ...fcr, sustainHours: 1.0 } };
    expect(codes(withFcr({ ...free, ...tight }), broken)).toEqual(['reserve_energy_floor@2']);
    expect(codes(withFcr({ ...free, ...tight, reserveEnergy: 'independent' }), broken)).toEqual([]);
  });

  it('checks the imbalance split, the free nomination copy and the cycle budget', () => {
    const prices = { surplusPriceEurPerMwh: Float64Array.of(1, 1), shortagePriceEurPerMwh: Float64Array.of(1, 1) };
    const imbalanced: ExtendedDispatchProblem = {
      ...problem,
      site: { importLimitMw: 1, exportLimitMw: 1 },
      imbalance: { baseline: Float64Array.of(0, 0), ...prices },
      cycles: { dischargeBudgetMwh: Float64Array.of(0.1) },
    };
    // n = [0.5, -0.5]; long 0.4 in t0 is not n - b = 0.5; t1 is long and short at once.
    // 0.5 MW x 0.25 h = 0.125 MWh discharged, above the 0.1 MWh budget.
    const broken = { ...plan([0, 0.5], [0.5, 0], [0.5, 0.375, 0.5]), imbalance: { longMw: Float64Array.of(0.4, 0.1), shortMw: Float64Array.of(0, 0.6) } };
    expect(codes(imbalanced, broken).sort()).toEqual(['cycle_budget@null', 'imbalance_balance@0', 'imbalance_sign@1']);
    const free: ExtendedDispatchProblem = { ...imbalanced, cycles: undefined, imbalance: { baseline: 'free', ...prices } };
    // A nomination copy that charges and discharges 0.5 MW in t0 (b = 0).
    const copy = plan([0.5, 0], [0.5, 0], [0.5, 0.5, 0.5]).assets;
    const withCopy = { ...broken, imbalance: { longMw: Float64Array.of(0.5, 0), shortMw: Float64Array.of(0, 0.5), baselineMw: Float64Array.of(0, 0), baselineAssets: copy } };
    const violations = checkPlanInvariants(free, withCopy);
    expect(violations.map((v) => [v.code, v.assetId, v.interval])).toEqual([['simultaneous_charge_discharge', 'be-bess-1 (baseline)', 0]]);
  });
});
