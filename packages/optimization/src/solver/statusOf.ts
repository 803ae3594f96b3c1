import type { ModelStatusCode } from 'highs';
import type { SolveStatus } from './SolveResult';

/** HiGHS model status codes (`highs.constants.modelStatus`) mapped to our closed union. */
export function statusOf(code: ModelStatusCode): { status: SolveStatus; message?: string } {
  switch (code) {
    case 7:
      return { status: 'optimal' };
    case 8:
      return { status: 'infeasible' };
    case 9:
      // Presolve can prove "infeasible or unbounded" without telling which; every dispatch
      // column is bounded, so for our models this means infeasible.
      return { status: 'infeasible', message: 'HiGHS reports the model infeasible or unbounded' };
    case 10:
      return { status: 'unbounded' };
    case 13:
      return { status: 'time_limit', message: 'HiGHS stopped at the time limit' };
    case 16:
      return { status: 'node_limit', message: 'HiGHS stopped at the branch-and-bound node limit' };
    default:
      return { status: 'error', message: `HiGHS stopped with model status ${code}` };
  }
}
