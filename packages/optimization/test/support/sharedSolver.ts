import { createSolver } from '../../src';
import type { Solver } from '../../src';

/** One warm solver per test file (loading HiGHS costs ~100 ms). */
export function sharedSolver(): () => Solver {
  let solver: Solver | undefined;
  beforeAll(async () => {
    solver = await createSolver();
  });
  afterAll(() => {
    solver?.dispose();
  });
  return () => {
    if (solver === undefined) {
      throw new Error('solver used outside a test');
    }
    return solver;
  };
}
