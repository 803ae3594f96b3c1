import type { LinearModel, Solver } from '@euroflex/optimization';

/** Outcome of one doctor check. */
export type DoctorStatus = 'pass' | 'warn' | 'fail';

export interface DoctorCheck {
  /** Stable name, e.g. `solver`, `node`, `package:@euroflex/config`, `credential:ENTSOE_API_TOKEN`. */
  readonly name: string;
  readonly status: DoctorStatus;
  /** What was found, and the fix when something is wrong. */
  readonly detail: string;
}

/** Lowest supported Node major version (the toolchain is tested on Node 20). */
export const MIN_NODE_MAJOR = 20;

/** The Node version: fail below Node 20. */
export function nodeCheck(version: string): DoctorCheck {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? Number.NaN);
  return major >= MIN_NODE_MAJOR
    ? { name: 'node', status: 'pass', detail: `Node ${version}` }
    : { name: 'node', status: 'fail', detail: `Node ${version}: euroflex needs Node ${MIN_NODE_MAJOR} or later` };
}

/**
 * maximize x + y subject to x + 2y <= 4 and 3x + y <= 6, x, y >= 0. The optimum is
 * x = 1.6, y = 1.2 with objective 2.8 (the two rows intersect there).
 */
export function tinyLp(): LinearModel {
  return {
    sense: 'maximize',
    numCols: 2,
    numRows: 2,
    colCost: new Float64Array([1, 1]),
    colLower: new Float64Array([0, 0]),
    colUpper: new Float64Array([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]),
    rowLower: new Float64Array([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]),
    rowUpper: new Float64Array([4, 6]),
    matrix: { starts: new Int32Array([0, 2, 4]), indices: new Int32Array([0, 1, 0, 1]), values: new Float64Array([1, 3, 2, 1]) },
  };
}

/** Solve the tiny LP and compare with its known optimum (2.8 at x = 1.6, y = 1.2). */
export function solverCheck(solver: Solver): DoctorCheck {
  const result = solver.solve(tinyLp(), { warmStart: false });
  const right = result.status === 'optimal' && Math.abs(result.objective - 2.8) < 1e-9 && Math.abs(result.x[0] - 1.6) < 1e-9 && Math.abs(result.x[1] - 1.2) < 1e-9;
  return right
    ? { name: 'solver', status: 'pass', detail: `HiGHS ${solver.version} (WebAssembly) solved a 2-variable LP: objective 2.8 as expected` }
    : {
        name: 'solver',
        status: 'fail',
        detail: `HiGHS ${solver.version} returned ${result.status} with objective ${result.objective} on a 2-variable LP whose optimum is 2.8${result.message ? ` (${result.message})` : ''}: reinstall the highs package`,
      };
}

/**
 * Presence (never the value) of each environment variable the config names for live
 * data; a missing one is a warning, since only live connectors need it.
 */
export function credentialChecks(names: readonly string[] | undefined, env: Readonly<Record<string, string | undefined>>): DoctorCheck[] {
  if (names === undefined) {
    return [{ name: 'credentials', status: 'warn', detail: 'not checked: no --config given (market.live_data_auth_env_var_names of a config lists them)' }];
  }
  if (names.length === 0) {
    return [{ name: 'credentials', status: 'pass', detail: 'the config names no live-data credentials (market.live_data_auth_env_var_names is empty)' }];
  }
  return names.map((name) =>
    env[name] !== undefined && env[name] !== ''
      ? { name: `credential:${name}`, status: 'pass', detail: `${name} is set` }
      : { name: `credential:${name}`, status: 'warn', detail: `${name} is not set (only needed for live connectors, e.g. euroflex ingest)` },
  );
}

/** The checks as an aligned text table (name, status, detail). */
export function formatDoctorTable(checks: readonly DoctorCheck[]): string {
  const width = Math.max(5, ...checks.map((check) => check.name.length));
  const lines = [`${'check'.padEnd(width)}  status  detail`, `${'-'.repeat(width)}  ------  ${'-'.repeat(40)}`];
  for (const check of checks) {
    lines.push(`${check.name.padEnd(width)}  ${check.status.padEnd(6)}  ${check.detail}`);
  }
  return `${lines.join('\n')}\n`;
}
