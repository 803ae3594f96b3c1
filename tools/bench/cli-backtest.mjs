// Benchmark of `euroflex backtest` as a user runs it: the built CLI bundle in a fresh
// process, run directory and report written (the command's defaults), several runs, median.
//
//   node tools/bench/cli-backtest.mjs [--runs N] [--no-report] [CONFIG ...]
//
// CONFIG defaults to the eight full-year real-data runs (da_only and da_plus_fcr, both
// profiles, perfect_foresight and persistence). Prints, per config: the wall time from
// spawning the process to its exit; the engine's part of it (summary.json `timings`:
// load, decisions, settlement); the rest (Node start, module loading, writing the run
// directory and the report); the start (process start to reading the config, from inside
// the process); the time inside HiGHS; LP and MILP solve counts; and the
// process's peak RSS (read from the process itself at exit by a --require hook). Build
// first (`npm run bench` does).
// The measured processes inherit the environment (e.g. GLIBC_TUNABLES, docs/performance.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median, tunables } from './benchArgs.mjs';
import { removeHook, root, timedCli } from './cliProcess.mjs';

const args = process.argv.slice(2);
let runs = 3;
let noReport = false;
const configs = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--runs') {
    runs = Number(args[++i]);
  } else if (args[i] === '--no-report') {
    noReport = true;
  } else {
    configs.push(path.resolve(args[i]));
  }
}
if (!(runs >= 1)) {
  console.error('usage: node tools/bench/cli-backtest.mjs [--runs N] [--no-report] [CONFIG ...]');
  process.exit(2);
}
if (configs.length === 0) {
  for (const workflow of ['da_only', 'da_plus_fcr']) {
    for (const profile of ['', '_reference_v1']) {
      for (const provider of ['perfect_foresight', 'persistence']) {
        configs.push(path.join(root, `examples/configs/real/belgium_2024_${workflow}_${provider}${profile}.yaml`));
      }
    }
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'euroflex-cli-bench-'));

function oneRun(config) {
  const out = mkdtempSync(path.join(work, 'runs-'));
  try {
    const argv = ['backtest', config, '--out', out, '--json', ...(noReport ? ['--no-report'] : [])];
    const { wallMs, stdout, peakRssMb, startMs } = timedCli(argv);
    const summary = JSON.parse(stdout);
    const t = summary.timings;
    return {
      wallMs,
      engineMs: t.total_ms,
      loadMs: t.load_ms,
      decisionsMs: t.walk_forward_ms + t.oracle_ms,
      solverMs: t.solver_ms,
      startMs,
      restMs: wallMs - t.total_ms,
      peakRssMb,
      lpSolves: summary.solver.lp_solves + summary.solver.oracle_lp_solves,
      milpSolves: summary.solver.milp_solves + summary.solver.oracle_milp_solves,
      totalPnlEur: summary.total_pnl_eur,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`node ${process.version}${tunables()}, ${runs} run(s) per config, \`euroflex backtest\`${noReport ? ' --no-report' : ' with its report'}`);
try {
  for (const config of configs) {
    const samples = Array.from({ length: runs }, () => oneRun(config));
    const m = (key) => median(samples.map((s) => s[key]));
    console.log(`\n${path.basename(config)}`);
    console.log(`  process wall            ${fmt(m('wallMs'))}   (min ${fmt(Math.min(...samples.map((s) => s.wallMs)))}, max ${fmt(Math.max(...samples.map((s) => s.wallMs)))})`);
    console.log(`  engine                  ${fmt(m('engineMs'))}   (load ${fmt(m('loadMs'))}, decisions ${fmt(m('decisionsMs'))}, inside HiGHS ${fmt(m('solverMs'))})`);
    console.log(`  the rest                ${fmt(m('restMs'))}   (Node, modules, run directory${noReport ? '' : ', report'})`);
    console.log(`  start                   ${fmt(m('startMs'))}   (process start to reading the config: Node and the CLI's code)`);
    console.log(`  solves                  ${samples[0].lpSolves} LP, ${samples[0].milpSolves} MILP (run and oracle)`);
    console.log(`  peak RSS                ${m('peakRssMb').toFixed(0)} MB`);
    console.log(`  total PnL               ${samples[0].totalPnlEur.toFixed(2)} EUR`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  removeHook();
}
