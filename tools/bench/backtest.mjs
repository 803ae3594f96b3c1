// Benchmark of whole backtests: each run in a fresh Node process, several runs, median.
//
//   npm run bench                                   # the year-long real-data runs
//   node tools/bench/backtest.mjs [--runs N] [--dry-run] [--one-thread] [--node-option FLAG ...] [CONFIG ...]
//
// --node-option passes a flag to each measured Node process (e.g. a V8 flag to compare).
// The measured processes inherit the environment: `GLIBC_TUNABLES=glibc.malloc.hugetlb=1 node
// tools/bench/backtest.mjs` measures with huge pages for malloc (docs/performance.md).
// --one-thread keeps a window that would be split into two day chunks on one thread
// (`runBacktest({ parallel: false })`, the same days), to compare with the split.
//
// Prints, per config: process wall time (Node start to exit), the decisions' wall time
// (walk-forward plus oracle), the time inside HiGHS, the share outside HiGHS, the time
// to write the run directory, LP and MILP solve counts and peak RSS. A window decided in two
// day chunks on two threads (docs/backtesting.md) reports HiGHS time summed over both and no
// outside share. Build first
// (`npm run bench` does): it runs the compiled packages.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, tunables } from './benchArgs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
let runs = 3;
let dryRun = false;
let oneThread = false;
const nodeOptions = [];
const configs = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--runs') {
    runs = Number(args[++i]);
  } else if (args[i] === '--node-option') {
    nodeOptions.push(args[++i]);
  } else if (args[i] === '--dry-run') {
    dryRun = true;
  } else if (args[i] === '--one-thread') {
    oneThread = true;
  } else {
    configs.push(path.resolve(args[i]));
  }
}
if (configs.length === 0) {
  // The full-year real-data runs: da_only and da_plus_fcr, both profiles, both providers.
  for (const workflow of ['da_only', 'da_plus_fcr']) {
    for (const profile of ['', '_reference_v1']) {
      for (const provider of ['perfect_foresight', 'persistence']) {
        configs.push(path.join(root, `examples/configs/real/belgium_2024_${workflow}_${provider}${profile}.yaml`));
      }
    }
  }
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

console.log(`node ${process.version}${nodeOptions.length > 0 ? ` ${nodeOptions.join(' ')}` : ''}${tunables()}, ${runs} run(s) per config, ${dryRun ? 'engine only (no run directory)' : 'with the run directory written'}`);
for (const config of configs) {
  const samples = [];
  for (let r = 0; r < runs; r += 1) {
    const output = execFileSync(process.execPath, [...nodeOptions, path.join(here, 'backtest-child.mjs'), config, ...(dryRun ? ['--dry-run'] : []), ...(oneThread ? ['--one-thread'] : [])], {
      cwd: root,
      encoding: 'utf8',
    });
    samples.push(JSON.parse(output.trim().split('\n').pop()));
  }
  const m = (key) => median(samples.map((s) => s[key]));
  const first = samples[0];
  console.log(`\n${first.config} (${first.provider}, ${first.decisions} solved decisions incl. oracle)`);
  console.log(`  process wall            ${fmt(m('processWallMs'))}   (min ${fmt(Math.min(...samples.map((s) => s.processWallMs)))}, max ${fmt(Math.max(...samples.map((s) => s.processWallMs)))})`);
  console.log(`  startup (Node, modules) ${fmt(m('startupMs'))}`);
  console.log(`  load (config, data)     ${fmt(m('loadMs'))}`);
  console.log(`  decisions wall          ${fmt(m('decisionsMs'))}   (walk-forward + oracle)`);
  if (first.chunkThreads === 2) {
    // The share of a wall that two threads share has no meaning: HiGHS time is summed over both.
    console.log(`  inside HiGHS            ${fmt(m('solverMs'))}   (summed over the two day-chunk threads)`);
    console.log('  outside HiGHS           n/a (decisions in two day chunks on two threads)');
  } else {
    console.log(`  inside HiGHS            ${fmt(m('solverMs'))}`);
    console.log(`  outside HiGHS           ${(100 * m('outsideSolverShare')).toFixed(1)} % of the decisions wall, ${(100 * (1 - m('solverMs') / m('processWallMs'))).toFixed(1)} % of the process wall`);
  }
  console.log(`  settle and summarise    ${fmt(m('settleMs'))}`);
  if (!dryRun) {
    console.log(`  write run directory     ${fmt(m('writeMs'))}`);
  }
  console.log(`  solves                  ${first.lpSolves} LP, ${first.milpSolves} MILP in HiGHS, ${first.memoSolves} answered from the run's memo`);
  console.log(`  peak RSS                ${m('peakRssMb').toFixed(0)} MB`);
  console.log(`  total PnL               ${first.totalPnlEur.toFixed(2)} EUR`);
}
