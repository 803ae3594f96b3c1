import { UserError } from '@euroflex/config';
import { createSolver } from '../solver/createSolver';
import type { DispatchProblem, ExtendedDispatchProblem } from './DispatchProblem';
import { solveDispatch } from './solveDispatch';
import { validateDispatchProblem } from './validateDispatchProblem';

const valid: DispatchProblem = {
  intervalCount: 2,
  intervalHours: 0.25,
  assets: [
    {
      id: 'be-bess-1',
      powerLimitMw: Float64Array.of(1, 1),
      socMinMwh: 0.3,
      socMaxMwh: 1.8,
      initialSocMwh: 1,
      terminalSocMwh: 1,
      chargeEfficiency: 0.95,
      dischargeEfficiency: 0.95,
      degradationEurPerMwh: 4,
    },
  ],
  site: { importLimitMw: 1, exportLimitMw: 1 },
  dayAheadPriceEurPerMwh: Float64Array.of(10, 20),
  terminalSoc: 'equal',
};

describe('validateDispatchProblem', () => {
  it('accepts a consistent problem', () => {
    expect(validateDispatchProblem(valid)).toEqual([]);
  });

  it.each([
    ['a price series of the wrong length', { dayAheadPriceEurPerMwh: Float64Array.of(10) }, 'dayAheadPriceEurPerMwh', 'length_mismatch'],
    ['a NaN price', { dayAheadPriceEurPerMwh: Float64Array.of(10, Number.NaN) }, 'dayAheadPriceEurPerMwh.1', 'invalid_value'],
    ['a negative POI limit', { site: { importLimitMw: -1, exportLimitMw: 1 } }, 'site.importLimitMw', 'invalid_limit'],
    ['no intervals', { intervalCount: 0 }, 'intervalCount', 'invalid_horizon'],
  ])('reports %s', (_label, patch, path, code) => {
    expect(validateDispatchProblem({ ...valid, ...patch })).toContainEqual(expect.objectContaining({ path, code }));
  });

  it.each([
    ['efficiency above 1', { chargeEfficiency: 1.05 }, 'assets.0.chargeEfficiency', 'invalid_efficiency'],
    ['negative degradation', { degradationEurPerMwh: -1 }, 'assets.0.degradationEurPerMwh', 'invalid_degradation'],
    ['an empty SoC band', { socMinMwh: 1.9 }, 'assets.0.socMinMwh', 'invalid_soc_band'],
    ['initial SoC outside the band', { initialSocMwh: 0.2 }, 'assets.0.initialSocMwh', 'soc_outside_band'],
    ['terminal SoC outside the band', { terminalSocMwh: 1.85 }, 'assets.0.terminalSocMwh', 'soc_outside_band'],
    ['a negative power limit', { powerLimitMw: Float64Array.of(1, -1) }, 'assets.0.powerLimitMw.1', 'invalid_value'],
  ])('reports %s on the asset field', (_label, patch, path, code) => {
    const problem = { ...valid, assets: [{ ...valid.assets[0], ...patch }] };
    const issues = validateDispatchProblem(problem);
    expect(issues).toContainEqual(expect.objectContaining({ path, code }));
    expect(issues.find((issue) => issue.path === path)?.message).toContain('be-bess-1');
  });

  it('solveDispatch throws a UserError carrying every issue', async () => {
    const solver = await createSolver();
    const broken = { ...valid, dayAheadPriceEurPerMwh: Float64Array.of(Number.NaN, Infinity) };
    expect(() => solveDispatch(solver, broken)).toThrow(UserError);
    try {
      solveDispatch(solver, broken);
    } catch (error) {
      expect((error as UserError).issues).toHaveLength(2);
    }
    solver.dispose();
  });

  const two = Float64Array.of(1, 1);
  const fcr = { blockOfInterval: Int32Array.of(0, 0), blockCount: 1, capacityPriceEurPerMwH: two, penaltyEurPerMwH: 0, sustainHours: 0.25 };
  const afrr = {
    blockOfInterval: Int32Array.of(0, 1),
    blockCount: 2,
    capacityUpPriceEurPerMwH: two,
    capacityDownPriceEurPerMwH: two,
    activationUpPriceEurPerMwh: two,
    activationDownPriceEurPerMwh: two,
    activationUpRatio: Float64Array.of(0.1, 0.2),
    activationDownRatio: Float64Array.of(0.1, 0.2),
    downActivationSign: -1 as const,
    penaltyEurPerMwH: 0,
    sustainHours: 0.25,
  };
  const imbalance = { baseline: Float64Array.of(0, 0), surplusPriceEurPerMwh: two, shortagePriceEurPerMwh: two };
  const locks = (c: number, d: number) => ({ chargeMw: [Float64Array.of(c, Number.NaN)], dischargeMw: [Float64Array.of(d, Number.NaN)] });

  it('accepts a consistent extended problem', () => {
    const extended: ExtendedDispatchProblem = {
      ...valid,
      fcr,
      afrr,
      imbalance,
      locks: locks(0.5, Number.NaN),
      cycles: { dischargeBudgetMwh: Float64Array.of(Infinity) },
      scenarios: [
        { id: 'a', weight: 0.25, dayAheadPriceEurPerMwh: Float64Array.of(5, 6) },
        { id: 'b', weight: 0.75 },
      ],
      risk: { mode: 'cvar', lambda: 1, tailMass: 0.05 },
    };
    expect(validateDispatchProblem(extended)).toEqual([]);
  });

  it.each<[string, Partial<ExtendedDispatchProblem>, string, string]>([
    ['a block map of the wrong length', { fcr: { ...fcr, blockOfInterval: Int32Array.of(0) } }, 'fcr.blockOfInterval', 'length_mismatch'],
    ['a block map that skips a block', { fcr: { ...fcr, blockOfInterval: Int32Array.of(0, 2), blockCount: 3 } }, 'fcr.blockOfInterval', 'invalid_blocks'],
    ['a locked award per block of the wrong length', { fcr: { ...fcr, fixedMw: [Float64Array.of(1, 1)] } }, 'fcr.fixedMw.0', 'length_mismatch'],
    ['a negative locked award', { afrr: { ...afrr, fixedUpMw: [Float64Array.of(-1, Number.NaN)] } }, 'afrr.fixedUpMw.0.0', 'invalid_value'],
    ['an activation ratio above 1', { afrr: { ...afrr, activationUpRatio: Float64Array.of(0.1, 1.5) } }, 'afrr.activationUpRatio.1', 'invalid_value'],
    ['a NaN nomination', { imbalance: { ...imbalance, baseline: Float64Array.of(0, Number.NaN) } }, 'imbalance.baseline.1', 'invalid_value'],
    ['a lock on both sides', { locks: locks(0.2, 0.3) }, 'locks.chargeMw.0.0', 'simultaneous_lock'],
    ['a lock above the power limit', { locks: locks(1.5, Number.NaN) }, 'locks.chargeMw.0.0', 'invalid_value'],
    ['a cycle budget per asset of the wrong length', { cycles: { dischargeBudgetMwh: Float64Array.of(1, 2) } }, 'cycles.dischargeBudgetMwh', 'length_mismatch'],
    ['a day start at interval 0', { dayStarts: Int32Array.of(0) }, 'dayStarts.0', 'invalid_value'],
    ['a day start at the end of the horizon', { dayStarts: Int32Array.of(2) }, 'dayStarts.0', 'invalid_value'],
    ['weights that do not sum to 1', { scenarios: [{ id: 'a', weight: 0.5 }, { id: 'b', weight: 0.4 }] }, 'scenarios', 'invalid_weights'],
    ['a repeated scenario id', { scenarios: [{ id: 'a', weight: 0.5 }, { id: 'a', weight: 0.5 }] }, 'scenarios.1.id', 'duplicate_scenario'],
    ['a scenario price of a product the problem lacks', { scenarios: [{ id: 'a', weight: 1, fcrCapacityPriceEurPerMwH: two }] }, 'scenarios.0.fcrCapacityPriceEurPerMwH', 'unused_series'],
    ['a tail mass of 0', { risk: { mode: 'cvar', lambda: 1, tailMass: 0 } }, 'risk.tailMass', 'invalid_value'],
    ['an unknown risk mode', { risk: { mode: 'cvar_lite' as 'cvar', lambda: 1, tailMass: 0.05 } }, 'risk.mode', 'invalid_value'],
  ])('reports %s', (_label, patch, path, code) => {
    expect(validateDispatchProblem({ ...valid, ...patch })).toContainEqual(expect.objectContaining({ path, code }));
  });
});
