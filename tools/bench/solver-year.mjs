#!/usr/bin/env node
// Year benchmark of the da_only kernel: 366 daily decisions (2024, Belgian day-ahead prices)
// of the canonical two-battery Belgian site. Uses the BUILT package:
//   NX_DAEMON=false NX_NO_CLOUD=true npx nx run @euroflex/optimization:build
//   node tools/bench/solver-year.mjs [--check] [--cold] [--csv <dam_prices.csv>] [--year 2024] [--package <dir>]
// --cold turns warm starts off (every LP from scratch, order-independent plans).
import { createRequire } from 'node:module';
import { canonicalSite, loadDays, option } from './solver-common.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
// --package <dir> benchmarks another build of the package (A/B comparisons under the same load).
const { createSolver, solveDispatch, checkPlanInvariants } = require(option(args, '--package', '@euroflex/optimization'));
const year = option(args, '--year', '2024');
const warmStart = !args.includes('--cold');
const check = args.includes('--check');
const days = loadDays(option(args, '--csv', '/work/shared/real-data/belgium/dam_prices.csv'), year);

const loadStart = performance.now();
const solver = await createSolver();
const loadMs = performance.now() - loadStart;

const series = days.map((day) => day.prices);
let totalEur = 0;
let milpDays = 0;
let binaries = 0;
let violations = 0;
let milpDayMs = 0;
const lengths = new Set();
const cpuStart = process.cpuUsage();
const start = performance.now();
for (const prices of series) {
  lengths.add(prices.length);
  const problem = canonicalSite(prices);
  const result = solveDispatch(solver, problem, { warmStart });
  if (result.status !== 'optimal') {
    throw new Error(`day with ${prices.length} intervals ended ${result.status}: ${result.message}`);
  }
  totalEur += result.objectiveEur;
  milpDays += result.solvedAs === 'milp' ? 1 : 0;
  milpDayMs += result.solvedAs === 'milp' ? result.stats.solverMs : 0;
  binaries += result.stats.binaryCount;
  if (check) {
    violations += checkPlanInvariants(problem, result).length;
  }
}
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const stats = solver.stats;
solver.dispose();

const outsideMs = wallMs - stats.solverMs;
console.log(`days:                 ${series.length} (${year}, N in {${[...lengths].sort((a, b) => a - b).join(', ')}})`);
console.log(`warm start:           ${warmStart}`);
console.log(`solver load+warm-up:  ${loadMs.toFixed(0)} ms`);
console.log(`wall (${series.length} decisions): ${wallMs.toFixed(0)} ms (${(loadMs + wallMs).toFixed(0)} ms with the solver load)`);
console.log(`process CPU time:     ${cpuMs.toFixed(0)} ms (includes V8's background Wasm compilation threads)`);
console.log(`inside HiGHS:         ${stats.solverMs.toFixed(0)} ms`);
console.log(`outside HiGHS:        ${outsideMs.toFixed(0)} ms (${((100 * outsideMs) / wallMs).toFixed(1)} % of wall)`);
console.log(`LP solves:            ${stats.lpSolves}`);
console.log(`MILP solves:          ${stats.milpSolves} (${milpDays} days, ${binaries} binaries in total, ${milpDayMs.toFixed(0)} ms inside HiGHS on those days)`);
console.log(`objective:            ${totalEur.toFixed(2)} EUR`);
if (check) {
  console.log(`invariant violations: ${violations}`);
}
console.log(`peak RSS:             ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
