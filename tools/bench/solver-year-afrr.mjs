#!/usr/bin/env node
// Year benchmark of the da_plus_afrr kernel: for every local day of 2024, the two decisions the
// engine takes with sequential gates for the canonical two-battery Belgian site:
//   1. the aFRR gate: day-ahead energy and aFRR up/down chosen together (per 4-h block),
//   2. the day-ahead gate: the same model with the aFRR awards of 1 locked.
// Day-ahead prices: /work/shared/real-data/belgium/dam_prices.csv. aFRR capacity: the DE pos/neg
// columns of the 2024 capacity file, read as EUR/MW/h (the data README doubts the unit).
// Activation prices and ratios are SYNTHETIC (no public series): pAU = pDA + 40, pAD = pDA - 40,
// ratios 0.02..0.18 varying by interval and day, so every day has another matrix (the ratios sit
// in the SoC balance rows) and the warm start patches those coefficients. bsp_pays, sustain
// 15 min, no fee. Uses the BUILT package:
//   NX_DAEMON=false NX_NO_CLOUD=true npx nx run @euroflex/optimization:build
//   node tools/bench/solver-year-afrr.mjs [--check] [--cold] [--year 2024] [--package <dir>]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { canonicalSite, loadDays, option } from './solver-common.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const { createSolver, solveDispatch, checkPlanInvariants } = require(option(args, '--package', '@euroflex/optimization'));
const year = option(args, '--year', '2024');
const days = loadDays(option(args, '--csv', '/work/shared/real-data/belgium/dam_prices.csv'), year);
const afrrCsv = option(args, '--afrr', '/work/shared/real-data/germany/afrr_capacity_2024_4h_techarena_DE_AT_CH_HU_CZ.csv');
const warmStart = !args.includes('--cold');
const check = args.includes('--check');

// block_start_local, afrr_cap_DE_pos_..., afrr_cap_DE_neg_..., ...
const capacity = new Map();
for (const line of readFileSync(afrrCsv, 'utf8').split('\n').slice(1)) {
  const [start, up, down] = line.split(',');
  if (start !== undefined && down !== undefined) {
    capacity.set(start, [Number(up), Number(down)]);
  }
}

function afrrInput(day, dayIndex, localHours, prices) {
  const n = localHours.length;
  const blockOfInterval = new Int32Array(n);
  const starts = [];
  for (let t = 0; t < n; t++) {
    const start = Math.floor(localHours[t] / 4) * 4;
    if (starts.length === 0 || starts[starts.length - 1] !== start) {
      starts.push(start);
    }
    blockOfInterval[t] = starts.length - 1;
  }
  const blockPrices = starts.map((start) => {
    const found = capacity.get(`${day} ${String(start).padStart(2, '0')}:00:00`);
    if (found === undefined) {
      throw new Error(`no aFRR capacity price for ${day} ${start}:00`);
    }
    return found;
  });
  const ratio = (phase) => Float64Array.from({ length: n }, (_, t) => 0.1 + 0.08 * Math.sin((t + 7 * dayIndex + phase) / 5));
  return {
    blockOfInterval,
    blockCount: starts.length,
    capacityUpPriceEurPerMwH: Float64Array.from(blockOfInterval, (b) => blockPrices[b][0]),
    capacityDownPriceEurPerMwH: Float64Array.from(blockOfInterval, (b) => blockPrices[b][1]),
    activationUpPriceEurPerMwh: prices.map((p) => p + 40),
    activationDownPriceEurPerMwh: prices.map((p) => p - 40),
    activationUpRatio: ratio(0),
    activationDownRatio: ratio(3),
    downActivationSign: -1,
    penaltyEurPerMwH: 0,
    sustainHours: 0.25,
  };
}

const loadStart = performance.now();
const solver = await createSolver();
const loadMs = performance.now() - loadStart;

let totalEur = 0;
let capacityEur = 0;
let violations = 0;
let milpDecisions = 0;
let binaries = 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
days.forEach(({ day, prices, localHours }, dayIndex) => {
  const afrr = afrrInput(day, dayIndex, localHours, prices);
  const gate = { ...canonicalSite(prices), afrr };
  const first = solveDispatch(solver, gate, { warmStart });
  if (first.status !== 'optimal') {
    throw new Error(`${day}: the aFRR gate decision ended ${first.status}: ${first.message}`);
  }
  const perBlock = (values) => Float64Array.from({ length: afrr.blockCount }, (_, b) => values[afrr.blockOfInterval.indexOf(b)]);
  const locked = {
    ...gate,
    afrr: { ...afrr, fixedUpMw: first.reserves.map((r) => perBlock(r.afrrUpMw)), fixedDownMw: first.reserves.map((r) => perBlock(r.afrrDownMw)) },
  };
  const second = solveDispatch(solver, locked, { warmStart });
  if (second.status !== 'optimal') {
    throw new Error(`${day}: the day-ahead decision ended ${second.status}: ${second.message}`);
  }
  totalEur += second.objectiveEur;
  capacityEur += second.terms.reserveCapacityEur;
  for (const result of [first, second]) {
    milpDecisions += result.solvedAs === 'milp' ? 1 : 0;
    binaries += result.stats.binaryCount;
  }
  if (check) {
    violations += checkPlanInvariants(gate, first).length + checkPlanInvariants(locked, second).length;
  }
});
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const stats = solver.stats;
solver.dispose();

const outsideMs = wallMs - stats.solverMs;
console.log(`days:                 ${days.length} (${year}), 2 decisions per day`);
console.log(`warm start:           ${warmStart}`);
console.log(`solver load+warm-up:  ${loadMs.toFixed(0)} ms`);
console.log(`wall (${2 * days.length} decisions): ${wallMs.toFixed(0)} ms (${(loadMs + wallMs).toFixed(0)} ms with the solver load)`);
console.log(`process CPU time:     ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
console.log(`inside HiGHS:         ${stats.solverMs.toFixed(0)} ms`);
console.log(`outside HiGHS:        ${outsideMs.toFixed(0)} ms (${((100 * outsideMs) / wallMs).toFixed(1)} % of wall)`);
console.log(`LP solves:            ${stats.lpSolves}`);
console.log(`MILP solves:          ${stats.milpSolves} (${milpDecisions} decisions, ${binaries} binaries in total)`);
console.log(`objective:            ${totalEur.toFixed(2)} EUR (of which aFRR capacity ${capacityEur.toFixed(2)} EUR)`);
if (check) {
  console.log(`invariant violations: ${violations}`);
}
console.log(`peak RSS:             ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
