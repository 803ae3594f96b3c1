import { Worker } from 'node:worker_threads';
import { canonicalSite } from '../../test/support/problems';
import { checkPlanInvariants } from '../checks/checkPlanInvariants';
import { solveDispatch } from '../dispatch/solveDispatch';
import { compileHighs } from './compileHighs';
import { createSolver } from './createSolver';

describe('compileHighs', () => {
  it('gives solvers that plan bit for bit like a solver that compiled HiGHS itself', async () => {
    const day = canonicalSite(Float64Array.from({ length: 96 }, (_, t) => 60 + 45 * Math.sin((2 * Math.PI * t) / 96)));
    const window = canonicalSite(new Float64Array(16).fill(-645));
    const code = await compileHighs('long');
    expect(code.workload).toBe('long');
    const solvers = [await createSolver({ workload: 'long' }), await createSolver({ code }), await createSolver({ code })];
    const answers = solvers.map((solver) => [
      solveDispatch(solver, day, { warmStart: false }),
      solveDispatch(solver, window, { warmStart: false, flatWindows: false, mipMaxNodes: 1, mipRootHeuristic: true }),
    ]);
    expect(checkPlanInvariants(day, answers[1][0])).toEqual([]);
    expect(checkPlanInvariants(window, answers[1][1])).toEqual([]);
    for (const other of answers.slice(1)) {
      for (const k of [0, 1]) {
        expect(other[k].objectiveEur).toBe(answers[0][k].objectiveEur);
        expect(other[k].assets.map((a) => Array.from(a.socMwh))).toEqual(answers[0][k].assets.map((a) => Array.from(a.socMwh)));
      }
    }
    // Two solvers from one module are separate HiGHS instances: freeing one leaves the other.
    solvers[1].dispose();
    expect(solveDispatch(solvers[2], day, { warmStart: false }).objectiveEur).toBe(answers[0][0].objectiveEur);
    solvers.forEach((solver) => solver.dispose());
  }, 60_000);

  it('can be posted to a worker thread', async () => {
    const code = await compileHighs('short');
    const worker = new Worker('require("node:worker_threads").parentPort.on("message", (m) => { require("node:worker_threads").parentPort.postMessage(WebAssembly.Module.exports(m.module).length); process.exit(0); });', { eval: true });
    const exported = await new Promise((resolve, reject) => {
      worker.on('message', resolve);
      worker.on('error', reject);
      worker.postMessage(code);
    });
    expect(exported).toBe((globalThis as unknown as { WebAssembly: { Module: { exports(m: unknown): unknown[] } } }).WebAssembly.Module.exports(code.module).length);
    expect(exported).toBeGreaterThan(10);
  });
});
