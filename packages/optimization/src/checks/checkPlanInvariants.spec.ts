import type { DispatchProblem } from '../dispatch/DispatchProblem';
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
});
