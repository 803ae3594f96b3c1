import { z } from 'zod';

/** Default solver wall-clock limit per solve, seconds. */
export const DEFAULT_TIME_LIMIT_SECONDS = 60;
/** Default relative MIP gap (only MILP re-solves use it). */
export const DEFAULT_MIP_REL_GAP = 1e-6;

/** `solver`: HiGHS limits applied to every solve. */
export const solverSchema = z.strictObject({
  /** Wall-clock limit per solve in seconds, > 0. Defaults to 60. */
  time_limit_seconds: z.number().positive().default(DEFAULT_TIME_LIMIT_SECONDS),
  /** Relative MIP optimality gap in [0, 1). Defaults to 1e-6. */
  mip_rel_gap: z.number().min(0).lt(1).default(DEFAULT_MIP_REL_GAP),
});

export type SolverConfig = z.output<typeof solverSchema>;
