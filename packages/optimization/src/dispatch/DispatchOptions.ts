/** Options of one dispatch decision. */
export interface DispatchOptions {
  /** Per HiGHS run, in seconds. Defaults to no limit. */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap. Defaults to 1e-6 (proven optimal). */
  readonly mipRelGap?: number;
  /**
   * `lp_first` (default): solve without battery binaries, re-solve as a MILP only if the plan
   * overlaps where burning can pay. `always_milp`: a binary in every interval, as the
   * reference does (for comparisons).
   */
  readonly exclusivity?: 'lp_first' | 'always_milp';
  /** Reuse the solver's warm LP basis. Defaults to true (see `SolveOptions.warmStart`). */
  readonly warmStart?: boolean;
  /** Node limit of the exclusivity MILP (see `SolveOptions.mipMaxNodes`); the result is then `node_limit`. */
  readonly mipMaxNodes?: number;
  /** RENS at the root of the exclusivity MILP (see `SolveOptions.mipRootHeuristic`). */
  readonly mipRootHeuristic?: boolean;
  /**
   * Remember and reuse the answers of identical models (see `SolveOptions.memo`) and, with a
   * memo solver, identical whole decisions (decisionMemo.ts).
   */
  readonly memo?: boolean;
  /**
   * Answer the exclusivity MILP of a flat window exactly through its small relaxation
   * (flatWindow.ts) before falling back to the MILP. Defaults to true.
   */
  readonly flatWindows?: boolean;
  /**
   * Solve on the coarse grid when every input is constant over aligned groups of intervals
   * (coarseGrid.ts; hourly day-ahead prices on the quarter-hour grid): its LP, or, where
   * burning pays, the exclusivity MILP on the mixed grid. Same optimum. Defaults to true.
   */
  readonly coarseGrid?: boolean;
}
