import { setFlagsFromString } from 'node:v8';

/**
 * V8 compiles WebAssembly with its baseline compiler (Liftoff) and recompiles a function
 * with its optimising compiler (TurboFan) once it has run for about its tiering budget
 * ("bytes executed"). At V8's default (1,800,000), the first solves of a fresh HiGHS
 * instance send thousands of functions to TurboFan on a background thread that competes
 * for this machine's two cores; our LPs are small and do not pay that back. The budgets
 * below were measured on whole runs (docs/decisions/0003-wasm-tiering.md):
 * - LONG (10x V8's default): a year of daily LPs 8 % faster than the default, the MIP-heavy
 *   Dutch imbalance days 15 % faster, the revision year unchanged;
 * - SHORT (1000x: in effect Liftoff only): a one-day revision backtest 0.43 s instead of 1 s,
 *   but the revision year 14 % slower (its MIP search wants TurboFan).
 */
export const WASM_TIERING_BUDGET = { long: 18_000_000, short: 1_800_000_000 } as const;

/** How much solving a HiGHS instance is expected to do (see `WASM_TIERING_BUDGET`). */
export type SolverWorkload = keyof typeof WASM_TIERING_BUDGET;

/**
 * Sets V8's WebAssembly tiering budget for the HiGHS instance about to be compiled (V8 reads
 * it when it compiles a module; earlier instances keep theirs). A budget given on Node's
 * command line (`node --wasm-tiering-budget=N`) or in NODE_OPTIONS wins.
 */
export function setWasmTieringBudget(workload: SolverWorkload): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => /^--wasm[-_]tiering[-_]budget\b/.test(flag));
  if (!given) {
    setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET[workload]}`);
  }
}
