import { solveDispatch } from '../dispatch/solveDispatch';
import type { DispatchProblem } from '../dispatch/DispatchProblem';
import { createSolver } from './createSolver';
import { independentDayAheadOptimumEur } from './independentLp';

describe('independent LP formulation', () => {
  it('agrees with the kernel on a two-asset day with a binding POI', async () => {
    const prices = Float64Array.from({ length: 24 }, (_, t) => 40 + 30 * Math.sin(t / 3) + (t % 5));
    const problem: DispatchProblem = {
      intervalCount: 24,
      intervalHours: 0.25,
      assets: [0, 1].map((a) => ({
        id: `a${a}`,
        powerLimitMw: new Float64Array(24).fill(1 - 0.2 * a),
        socMinMwh: 0.1,
        socMaxMwh: 1.2,
        initialSocMwh: 0.6,
        terminalSocMwh: 0.6,
        chargeEfficiency: 0.95 - 0.01 * a,
        dischargeEfficiency: 0.95,
        degradationEurPerMwh: 2,
      })),
      site: { importLimitMw: 1.2, exportLimitMw: 1.3 },
      dayAheadPriceEurPerMwh: prices,
      terminalSoc: 'equal',
    };
    const solver = await createSolver();
    const result = solveDispatch(solver, problem, { warmStart: false });
    solver.dispose();
    expect(result.status).toBe('optimal');
    expect(result.objectiveEur).toBeGreaterThan(0);
    expect(result.objectiveEur).toBeCloseTo(await independentDayAheadOptimumEur(problem), 6);
  });
});
