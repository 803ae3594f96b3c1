import { canonicalSite } from '../../test/support/problems';
import { buildModel } from '../buildModel';
import { IntervalMode } from '../components/battery/intervalMode';
import { checkPlanInvariants } from '../checks/checkPlanInvariants';
import { createSolver } from '../solver/createSolver';
import type { Solver } from '../solver/createSolver';
import { solveDispatch } from './solveDispatch';

// A revision window under a persistence forecast: the last imbalance price, far below the
// burn threshold (about -78 EUR/MWh for these batteries), held flat for four hours. Every
// interval of both assets gets a binary (32) and the LP relaxation burns in place, so branch
// and bound cannot close the gap within hundreds of nodes.
const window = canonicalSite(new Float64Array(16).fill(-645));

describe('RENS at the root of a node-limited exclusivity MILP', () => {
  let solver: Solver;
  beforeAll(async () => {
    solver = await createSolver();
  });

  it('finds a better plan at the root than 200 nodes of branch and bound without it', () => {
    const root = solveDispatch(solver, window, { flatWindows: false, mipMaxNodes: 1 });
    const rens = solveDispatch(solver, window, { flatWindows: false, mipMaxNodes: 1, mipRootHeuristic: true });
    const twoHundred = solveDispatch(solver, window, { flatWindows: false, mipMaxNodes: 200 });
    for (const result of [root, rens, twoHundred]) {
      expect(result.status).toBe('node_limit');
      expect(result.stats.binaryCount).toBe(32);
      expect(checkPlanInvariants(window, result)).toEqual([]);
      for (const plan of result.assets) {
        expect(plan.chargeMw.every((c, t) => c < 1e-9 || plan.dischargeMw[t] < 1e-9)).toBe(true);
      }
    }
    // Measured with HiGHS 1.15: root 236.99, 200 nodes 244.33, root with RENS 245.64 EUR.
    expect(rens.objectiveEur).toBeGreaterThan(root.objectiveEur + 1);
    expect(rens.objectiveEur).toBeGreaterThanOrEqual(twoHundred.objectiveEur);
    // Every plan is below the MILP bound, which is below the burn-in-place LP optimum.
    expect(rens.objectiveEur).toBeLessThanOrEqual(rens.stats.mipBoundEur ?? Number.NaN);
  }, 60_000);

  it('lays SolveOptions.mipHighsOptions over the engine options (RENS switched off again: the root-only plan)', () => {
    const { model } = buildModel(window, { modes: window.assets.map(() => new Uint8Array(16).fill(IntervalMode.BINARY)) });
    const withRens = solver.solve(model, { mipMaxNodes: 1, mipRootHeuristic: true });
    const overridden = solver.solve(model, { mipMaxNodes: 1, mipRootHeuristic: true, mipHighsOptions: { mip_heuristic_run_rens: false } });
    const rootOnly = solver.solve(model, { mipMaxNodes: 1 });
    expect(overridden.objective).toBe(rootOnly.objective);
    expect(withRens.objective).toBeGreaterThan(overridden.objective + 1);
  }, 60_000);
});
