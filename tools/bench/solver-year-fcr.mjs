#!/usr/bin/env node
// Year benchmark of the da_plus_fcr kernel: for every local day of 2024, the two decisions the
// engine takes with sequential gates for the canonical two-battery Belgian site:
//   1. the FCR gate: day-ahead energy and FCR chosen together (FCR free per 4-h block),
//   2. the day-ahead gate: the same model with the FCR awards of 1 locked.
// Day-ahead prices: /work/shared/real-data/belgium/dam_prices.csv (N = 84..96). FCR prices:
// the DE column of the 2024 common FCR auction (EUR/MW per block, divided by the block's
// hours: blocks are local 00-04, 04-08, ...; the DST days have one block of 3 or 5 hours,
// fewer where the price file lacks quarter-hours). Sustain 15 min, no fee. Uses the BUILT package:
//   NX_DAEMON=false NX_NO_CLOUD=true npx nx run @euroflex/optimization:build
//   node tools/bench/solver-year-fcr.mjs [--check] [--cold] [--year 2024] [--package <dir>]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { canonicalSite, loadDays, option } from './solver-common.mjs';

const require = createRequire(import.meta.url);
const { createSolver, solveDispatch, checkPlanInvariants } = require(option(process.argv.slice(2), '--package', '@euroflex/optimization'));

const args = process.argv.slice(2);
const year = option(args, '--year', '2024');
const days = loadDays(option(args, '--csv', '/work/shared/real-data/belgium/dam_prices.csv'), year);
const fcrCsv = option(args, '--fcr', '/work/shared/real-data/germany/fcr_capacity_2024_4h_techarena_DE_AT_CH_HU_CZ.csv');
const warmStart = !args.includes('--cold');
const check = args.includes('--check');

// block_start_local (YYYY-MM-DD HH:00:00), fcr_DE_eur_per_mw_per_4h_block, ...
const fcrPerBlock = new Map();
for (const line of readFileSync(fcrCsv, 'utf8').split('\n').slice(1)) {
  const [start, de] = line.split(',');
  if (start !== undefined && de !== undefined) {
    fcrPerBlock.set(start, Number(de));
  }
}

function fcrInput(day, localHours) {
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
  const hoursOfBlock = new Float64Array(starts.length);
  blockOfInterval.forEach((b) => (hoursOfBlock[b] += 0.25));
  const eurPerMwH = starts.map((start, b) => {
    const price = fcrPerBlock.get(`${day} ${String(start).padStart(2, '0')}:00:00`);
    if (price === undefined) {
      throw new Error(`no FCR price for ${day} ${start}:00`);
    }
    return price / hoursOfBlock[b];
  });
  return {
    blockOfInterval,
    blockCount: starts.length,
    capacityPriceEurPerMwH: Float64Array.from(blockOfInterval, (b) => eurPerMwH[b]),
    penaltyEurPerMwH: 0,
    sustainHours: 0.25,
  };
}

const loadStart = performance.now();
const solver = await createSolver();
const loadMs = performance.now() - loadStart;

let totalEur = 0;
let fcrEur = 0;
let violations = 0;
let milpDecisions = 0;
let binaries = 0;
const lengths = new Set();
const cpuStart = process.cpuUsage();
const start = performance.now();
for (const { day, prices, localHours } of days) {
  lengths.add(prices.length);
  const fcr = fcrInput(day, localHours);
  const gate = { ...canonicalSite(prices), fcr };
  const first = solveDispatch(solver, gate, { warmStart });
  if (first.status !== 'optimal') {
    throw new Error(`${day}: the FCR gate decision ended ${first.status}: ${first.message}`);
  }
  const fixedMw = first.reserves.map((reserve) => Float64Array.from({ length: fcr.blockCount }, (_, b) => reserve.fcrMw[fcr.blockOfInterval.indexOf(b)]));
  const locked = { ...gate, fcr: { ...fcr, fixedMw } };
  const second = solveDispatch(solver, locked, { warmStart });
  if (second.status !== 'optimal') {
    throw new Error(`${day}: the day-ahead decision ended ${second.status}: ${second.message}`);
  }
  totalEur += second.objectiveEur;
  fcrEur += second.terms.reserveCapacityEur;
  for (const result of [first, second]) {
    milpDecisions += result.solvedAs === 'milp' ? 1 : 0;
    binaries += result.stats.binaryCount;
  }
  if (check) {
    violations += checkPlanInvariants(gate, first).length + checkPlanInvariants(locked, second).length;
  }
}
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const stats = solver.stats;
solver.dispose();

const outsideMs = wallMs - stats.solverMs;
console.log(`days:                 ${days.length} (${year}, N in {${[...lengths].sort((a, b) => a - b).join(', ')}}), 2 decisions per day`);
console.log(`warm start:           ${warmStart}`);
console.log(`solver load+warm-up:  ${loadMs.toFixed(0)} ms`);
console.log(`wall (${2 * days.length} decisions): ${wallMs.toFixed(0)} ms (${(loadMs + wallMs).toFixed(0)} ms with the solver load)`);
console.log(`process CPU time:     ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
console.log(`inside HiGHS:         ${stats.solverMs.toFixed(0)} ms`);
console.log(`outside HiGHS:        ${outsideMs.toFixed(0)} ms (${((100 * outsideMs) / wallMs).toFixed(1)} % of wall)`);
console.log(`LP solves:            ${stats.lpSolves}`);
console.log(`MILP solves:          ${stats.milpSolves} (${milpDecisions} decisions, ${binaries} binaries in total)`);
console.log(`objective:            ${totalEur.toFixed(2)} EUR (of which FCR capacity ${fcrEur.toFixed(2)} EUR)`);
if (check) {
  console.log(`invariant violations: ${violations}`);
}
console.log(`peak RSS:             ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
