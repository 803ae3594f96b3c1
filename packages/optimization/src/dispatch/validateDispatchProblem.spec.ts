import { UserError } from '@euroflex/config';
import { createSolver } from '../solver/createSolver';
import type { DispatchProblem } from './DispatchProblem';
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
});
