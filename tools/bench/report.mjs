// Benchmark of `writeReport` on year-long runs: each report in a fresh Node process,
// several times, median.
//
//   node tools/bench/report.mjs [--runs N] [RUN_DIR | CONFIG.yaml ...]
//
// A CONFIG is backtested once into a temporary folder first (not timed); the default is
// the full-year real-data runs da_only and da_plus_fcr with persistence. Prints, per run:
// the report's wall time inside the process (read, compute, render, write), the process
// wall time (Node start to exit, module loading included), the page size and peak RSS.
// Build first (`npm run build`): it runs the compiled packages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
let runs = 5;
const targets = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--runs') {
    runs = Number(args[++i]);
  } else {
    targets.push(path.resolve(args[i]));
  }
}
if (targets.length === 0) {
  for (const workflow of ['da_only', 'da_plus_fcr']) {
    targets.push(path.join(root, `examples/configs/real/belgium_2024_${workflow}_persistence.yaml`));
  }
}

const CHILD = `
const { writeReport } = require(${JSON.stringify(path.join(root, 'packages/analytics'))});
const started = performance.now();
const written = writeReport(process.argv[1]);
const reportMs = performance.now() - started;
console.log(JSON.stringify({ reportMs, htmlBytes: written.htmlBytes, processWallMs: performance.now(), peakRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

const BACKTEST = `
const { runBacktest } = require(${JSON.stringify(path.join(root, 'packages/backtesting'))});
runBacktest({ config: process.argv[1], outDir: process.argv[2] }).then((outcome) => console.log(outcome.runDir));
`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

const scratch = mkdtempSync(path.join(tmpdir(), 'euroflex-bench-report-'));
try {
  console.log(`node ${process.version}, ${runs} report(s) per run, each in a fresh process`);
  for (const target of targets) {
    let runDir = target;
    if (target.endsWith('.yaml') || target.endsWith('.yml')) {
      runDir = execFileSync(process.execPath, ['-e', BACKTEST, target, scratch], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
    }
    const samples = [];
    for (let r = 0; r < runs; r += 1) {
      const output = execFileSync(process.execPath, ['-e', CHILD, runDir], { cwd: root, encoding: 'utf8' });
      samples.push(JSON.parse(output.trim().split('\n').pop()));
    }
    const m = (key) => median(samples.map((s) => s[key]));
    console.log(`\n${path.basename(target)}`);
    console.log(`  writeReport wall       ${fmt(m('reportMs'))}   (min ${fmt(Math.min(...samples.map((s) => s.reportMs)))}, max ${fmt(Math.max(...samples.map((s) => s.reportMs)))})`);
    console.log(`  process wall           ${fmt(m('processWallMs'))}`);
    console.log(`  index.html             ${(samples[0].htmlBytes / 1024).toFixed(0)} KiB`);
    console.log(`  peak RSS               ${m('peakRssMb').toFixed(0)} MB`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
