#!/usr/bin/env node
// Year benchmark of the da_only kernel: 366 daily decisions (2024, Belgian day-ahead prices)
// of the canonical two-battery Belgian site. Uses the BUILT package:
//   NX_DAEMON=false NX_NO_CLOUD=true npx nx run @euroflex/optimization:build
//   node tools/bench/solver-year.mjs [--cold] [--csv <dam_prices.csv>] [--year 2024]
// --cold turns warm starts off (every LP from scratch, order-independent plans).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createSolver, solveDispatch, checkPlanInvariants } = require('@euroflex/optimization');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const csvPath = option('--csv', '/work/shared/real-data/belgium/dam_prices.csv');
const year = option('--year', '2024');
const warmStart = !args.includes('--cold');
const check = args.includes('--check');

// Columns: datetime_utc (naive UTC), date, hour, minute, price_eur_mwh. Group by LOCAL day.
const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });
const days = new Map();
for (const line of readFileSync(csvPath, 'utf8').split('\n').slice(1)) {
  if (line === '') {
    continue;
  }
  const [stamp, , , , price] = line.split(',');
  const day = localDate.format(new Date(`${stamp.replace(' ', 'T')}Z`));
  if (day.startsWith(year)) {
    if (!days.has(day)) {
      days.set(day, []);
    }
    days.get(day).push(Number(price));
  }
}

function canonicalSite(prices) {
  const n = prices.length;
  const common = { powerLimitMw: new Float64Array(n).fill(1), degradationEurPerMwh: 4 };
  return {
    intervalCount: n,
    intervalHours: 0.25,
    site: { importLimitMw: 1.5, exportLimitMw: 1.5 },
    dayAheadPriceEurPerMwh: prices,
    terminalSoc: 'equal',
    assets: [
      { id: 'be-bess-1', ...common, socMinMwh: 0.3, socMaxMwh: 1.7, initialSocMwh: 0.9, terminalSocMwh: 0.9, chargeEfficiency: 0.95, dischargeEfficiency: 0.95 },
      { id: 'be-bess-2', ...common, socMinMwh: 0.2, socMaxMwh: 1.3, initialSocMwh: 0.7, terminalSocMwh: 0.7, chargeEfficiency: 0.94, dischargeEfficiency: 0.94 },
    ],
  };
}

const loadStart = performance.now();
const solver = await createSolver();
const loadMs = performance.now() - loadStart;

const series = [...days.values()].map((prices) => Float64Array.from(prices));
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
