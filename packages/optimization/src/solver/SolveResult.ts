/** Outcome of one solve. `infeasible` and `unbounded` are values, never exceptions. */
export type SolveStatus = 'optimal' | 'infeasible' | 'unbounded' | 'time_limit' | 'error' | 'node_limit';

/** Options of one solve. */
export interface SolveOptions {
  /** Wall-clock limit of the HiGHS run in seconds. Defaults to no limit. */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap at which a MILP counts as solved. Defaults to 1e-6 (proven optimal). */
  readonly mipRelGap?: number;
  /**
   * Branch-and-bound node limit of a MILP (deterministic, unlike a time limit). A MILP that
   * reaches it with a feasible solution ends `node_limit`: the plan is valid, its gap is
   * reported. Defaults to no limit.
   */
  readonly mipMaxNodes?: number;
  /**
   * Run HiGHS' RENS heuristic at the root of a MILP: a sub-MIP over the binaries that the root
   * LP leaves fractional. With a node limit it finds the incumbent that branch and bound would
   * otherwise spend hundreds of nodes on (docs/decisions/0002-intraday-milp-node-limit.md).
   * The other primal heuristics stay off. Defaults to false.
   */
  readonly mipRootHeuristic?: boolean;
  /**
   * Reuse the solver's persistent LP (and its optimal basis) when the new LP has the same
   * sense and sparsity pattern, changing costs, bounds and the coefficients whose values
   * differ (at most a quarter of them; aFRR ratios, say). Defaults to true. It cuts simplex iterations
   * about 4x on daily backtests; the optimum is the same, but where the LP has ties the
   * chosen vertex can depend on earlier solves. Pass false for order-independent plans.
   */
  readonly warmStart?: boolean;
  /**
   * Remember this solve's answer and answer an identical later model from memory, when the
   * solver is a `memoSolver` (solveMemo.ts); plain solvers ignore it. Defaults to false.
   */
  readonly memo?: boolean;
  /**
   * HiGHS options laid over the engine's own for a MILP (experiments: tools/bench/milp-replay.mjs
   * re-solves a run's MILPs under such variants). The engine never sets it, and a `memoSolver`
   * neither answers nor keeps a solve that has it. LPs ignore it.
   */
  readonly mipHighsOptions?: Readonly<Record<string, boolean | number>>;
}

/** Result of one solve. Column values are meaningful when `hasSolution` is true. */
export interface SolveResult {
  readonly status: SolveStatus;
  /** Objective value in the model's units (EUR for the dispatch models); NaN without a solution. */
  readonly objective: number;
  /** True when `x` holds a feasible point (always for `optimal`, sometimes for `time_limit`). */
  readonly hasSolution: boolean;
  /** Column values, length `numCols` (zeros without a solution). */
  readonly x: Float64Array;
  /** Row duals of an optimal LP (d objective / d row bound, HiGHS sign convention); absent for MILPs. */
  readonly rowDual?: Float64Array;
  /** Achieved relative MIP gap of a MILP; absent for LPs. */
  readonly mipGap?: number;
  /** The MILP's proven bound on its optimum (an upper bound when maximising); absent for LPs. */
  readonly mipBound?: number;
  /** Wall time inside HiGHS calls (model load, run, solution read), in milliseconds. */
  readonly solverMs: number;
  /** Simplex iterations (LP) or branch-and-bound nodes (MILP). */
  readonly iterations: number;
  /** What went wrong when `status` is `error` (or a limit was hit). */
  readonly message?: string;
  /** True when a `memoSolver` answered from memory: no HiGHS call (`solverMs` and `iterations` 0). */
  readonly fromMemo?: boolean;
}

/** Running totals of one solver instance. */
export interface SolverStats {
  lpSolves: number;
  milpSolves: number;
  /** Wall time inside HiGHS calls, in milliseconds. */
  solverMs: number;
}
