import { canonicalSite } from '../../test/support/problems';
import { checkPlanInvariants } from '../checks/checkPlanInvariants';
import { solveDispatch } from '../dispatch/solveDispatch';
import { createSolver } from './createSolver';

// The workload only changes when V8 optimises HiGHS' WebAssembly, never what HiGHS computes.
describe('short and long solver workloads', () => {
  it('give bit-identical plans for an LP day and a node-limited MILP window', async () => {
    const day = canonicalSite(Float64Array.from({ length: 96 }, (_, t) => 60 + 45 * Math.sin((2 * Math.PI * t) / 96)));
    const window = canonicalSite(new Float64Array(16).fill(-645));
    const solvers = [await createSolver({ workload: 'short' }), await createSolver({ workload: 'long' })];
    const answers = solvers.map((solver) => [
      solveDispatch(solver, day, { warmStart: false }),
      solveDispatch(solver, window, { warmStart: false, flatWindows: false, mipMaxNodes: 1, mipRootHeuristic: true }),
    ]);
    for (const [solved, problem] of [
      [answers[0][0], day],
      [answers[0][1], window],
    ] as const) {
      expect(checkPlanInvariants(problem, solved)).toEqual([]);
    }
    expect(answers[0][1].stats.binaryCount).toBe(32);
    for (const k of [0, 1]) {
      const [short, long] = [answers[0][k], answers[1][k]];
      expect(short.status).toBe(long.status);
      expect(short.objectiveEur).toBe(long.objectiveEur);
      expect(short.assets.map((a) => [Array.from(a.chargeMw), Array.from(a.dischargeMw)])).toEqual(long.assets.map((a) => [Array.from(a.chargeMw), Array.from(a.dischargeMw)]));
    }
    solvers.forEach((solver) => solver.dispose());
  }, 60_000);
});
