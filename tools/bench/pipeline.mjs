// Benchmark of the canonical one-day pipeline of the built CLI: validate-config,
// validate-data, backtest --out <tmp>, reconcile <run dir>, export-revision <run dir>.
//
//   node tools/bench/pipeline.mjs [--runs N] [--mode process|command|in-process|all]
//                                 [--provider NAME|config] [--no-report] [CONFIG]
//
// CONFIG defaults to the reference's canonical Belgian full-stack config
// (examples/reference/examples/configs/canonical/belgium_full_stack.yaml), run with
// `--provider persistence` (`--provider config` keeps the config's own provider).
//
// process (the way a user runs it): each step is its own `node <cli bin>` process. Per
// step: wall time from spawning to exit (Node start and module loading included) and the
// step's peak RSS (read from the process itself at exit by a --require hook).
// command: one `euroflex pipeline CONFIG ...` process, which runs the five steps itself
// (docs/cli.md); wall from spawn to exit, its peak RSS and CPU time.
// in-process: one fresh Node process imports the CLI's `main` and runs the five steps
// twice: the first pipeline pays module loading and warm-up, the second shows the steps'
// own cost. Per step: wall time, and the process's peak RSS after the cold step (it only
// grows, so later steps include the earlier ones).
// Each mode runs N times (default 5); the median is printed. Build first
// (`NX_DAEMON=false npx nx run-many -t build`): it runs the compiled CLI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median } from './benchArgs.mjs';
import { bin, bundle, removeHook, root, timedCli } from './cliProcess.mjs';

const args = process.argv.slice(2);
let runs = 5;
let mode = 'all';
let provider = 'persistence';
let noReport = false;
let config = path.join(root, 'examples/reference/examples/configs/canonical/belgium_full_stack.yaml');
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--runs') {
    runs = Number(args[++i]);
  } else if (args[i] === '--mode') {
    mode = args[++i];
  } else if (args[i] === '--provider') {
    provider = args[++i];
  } else if (args[i] === '--no-report') {
    noReport = true;
  } else {
    config = path.resolve(args[i]);
  }
}
if (!['process', 'command', 'in-process', 'all'].includes(mode) || !(runs >= 1)) {
  console.error('usage: node tools/bench/pipeline.mjs [--runs N] [--mode process|command|in-process|all] [--provider NAME|config] [--no-report] [CONFIG]');
  process.exit(2);
}

const STEPS = ['validate-config', 'validate-data', 'backtest', 'reconcile', 'export-revision'];

/** The argv of each step; the run directory is known only after the backtest. */
function stepArgs(step, out, runDir) {
  switch (step) {
    case 'validate-config':
    case 'validate-data':
      return [step, config];
    case 'backtest':
      return [step, config, ...(provider === 'config' ? [] : ['--provider', provider]), '--out', out, ...(noReport ? ['--no-report'] : [])];
    default:
      return [step, runDir];
  }
}

function onlyRunDir(out) {
  const entries = readdirSync(out).filter((name) => !name.startsWith('.'));
  if (entries.length !== 1) {
    throw new Error(`expected one run directory in ${out}, found ${entries.join(', ') || 'none'}`);
  }
  return path.join(out, entries[0]);
}

function processPipeline() {
  const out = mkdtempSync(path.join(tmpdir(), 'euroflex-pipeline-'));
  const steps = {};
  let runDir;
  try {
    for (const step of STEPS) {
      steps[step] = timedCli(stepArgs(step, out, runDir));
      if (step === 'backtest') {
        runDir = onlyRunDir(out);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { steps, totalMs: STEPS.reduce((sum, step) => sum + steps[step].wallMs, 0) };
}

/** One `euroflex pipeline` process (the backtest's arguments, command renamed). */
function commandPipeline() {
  const out = mkdtempSync(path.join(tmpdir(), 'euroflex-pipeline-'));
  try {
    const measured = timedCli(['pipeline', ...stepArgs('backtest', out).slice(1)]);
    onlyRunDir(out);
    return measured;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// One fresh process: the whole pipeline twice through the CLI's main(), output discarded.
const IN_PROCESS_CHILD = `
const { mkdtempSync, readdirSync, rmSync, writeSync } = require('node:fs');
const path = require('node:path');
const { tmpdir } = require('node:os');
const [bin, stepsJson] = process.argv.slice(1);
const plan = JSON.parse(stepsJson);
const write = { out: process.stdout.write, err: process.stderr.write };
(async () => {
  const rounds = [];
  for (let round = 0; round < 2; round += 1) {
    const out = mkdtempSync(path.join(tmpdir(), 'euroflex-pipeline-'));
    const steps = {};
    let runDir;
    const started = performance.now();
    for (const [step, argv] of plan) {
      const filled = argv.map((a) => (a === '<out>' ? out : a === '<run>' ? runDir : a));
      let stderr = '';
      process.stdout.write = () => true;
      process.stderr.write = (chunk) => ((stderr += String(chunk)), true);
      const t = performance.now();
      let code;
      try {
        const { main } = require(bin); // loaded on the first step (module loading is part of it)
        code = await main(filled);
      } finally {
        process.stdout.write = write.out;
        process.stderr.write = write.err;
      }
      if (code !== 0) {
        throw new Error('euroflex ' + filled.join(' ') + ' exited ' + code + ':\\n' + stderr);
      }
      steps[step] = { wallMs: performance.now() - t, peakRssMb: process.resourceUsage().maxRSS / 1024 };
      if (step === 'backtest') {
        runDir = path.join(out, readdirSync(out).filter((n) => !n.startsWith('.'))[0]);
      }
    }
    rounds.push({ steps, totalMs: performance.now() - started });
    rmSync(out, { recursive: true, force: true });
  }
  writeSync(1, JSON.stringify({ rounds, processWallMs: performance.now() }) + '\\n');
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\\n');
  process.exit(1);
});
`;

function inProcessPipeline() {
  const plan = STEPS.map((step) => [step, stepArgs(step, '<out>', '<run>')]);
  const output = execFileSync(process.execPath, ['-e', IN_PROCESS_CHILD, bundle, JSON.stringify(plan)], { cwd: root, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop());
}

const secs = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(8);
const mb = (value) => `${value.toFixed(0)} MB`.padStart(7);

const load = () => (process.platform === 'win32' ? '' : `, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log(`node ${process.version}, ${runs} run(s) per mode, median${load()}`);
console.log(`config   ${path.relative(root, config)}${provider === 'config' ? '' : ` --provider ${provider}`}${noReport ? ' (backtest --no-report)' : ''}`);
console.log(`cli      node ${path.relative(root, bin)}`);

try {
  if (mode === 'process' || mode === 'all') {
    const samples = Array.from({ length: runs }, processPipeline);
    console.log('\nseparate processes (wall from spawn to exit, peak RSS of the step)');
    for (const step of STEPS) {
      const wall = samples.map((s) => s.steps[step].wallMs);
      console.log(
        `  ${step.padEnd(17)}${secs(median(wall))}  (min ${secs(Math.min(...wall)).trim()}, max ${secs(Math.max(...wall)).trim()})  cpu ${secs(median(samples.map((s) => s.steps[step].cpuMs)))}  peak RSS ${mb(median(samples.map((s) => s.steps[step].peakRssMb)))}`,
      );
    }
    const totals = samples.map((s) => s.totalMs);
    console.log(`  ${'total'.padEnd(17)}${secs(median(totals))}  (min ${secs(Math.min(...totals)).trim()}, max ${secs(Math.max(...totals)).trim()})`);
  }
  if (mode === 'command' || mode === 'all') {
    const samples = Array.from({ length: runs }, commandPipeline);
    const wall = samples.map((s) => s.wallMs);
    console.log('\none `euroflex pipeline` process (wall from spawn to exit)');
    console.log(
      `  ${'pipeline'.padEnd(17)}${secs(median(wall))}  (min ${secs(Math.min(...wall)).trim()}, max ${secs(Math.max(...wall)).trim()})  cpu ${secs(median(samples.map((s) => s.cpuMs)))}  peak RSS ${mb(median(samples.map((s) => s.peakRssMb)))}`,
    );
  }
  if (mode === 'in-process' || mode === 'all') {
    const samples = Array.from({ length: runs }, inProcessPipeline);
    console.log('\none process, main() per step (first pipeline: cold, modules loaded on the way; second: warm)');
    for (const step of STEPS) {
      const cold = samples.map((s) => s.rounds[0].steps[step].wallMs);
      const warm = samples.map((s) => s.rounds[1].steps[step].wallMs);
      console.log(
        `  ${step.padEnd(17)}cold ${secs(median(cold))}  warm ${secs(median(warm))}  peak RSS after the cold step ${mb(median(samples.map((s) => s.rounds[0].steps[step].peakRssMb)))}`,
      );
    }
    console.log(
      `  ${'total'.padEnd(17)}cold ${secs(median(samples.map((s) => s.rounds[0].totalMs)))}  warm ${secs(median(samples.map((s) => s.rounds[1].totalMs)))}  (process wall for both pipelines ${secs(median(samples.map((s) => s.processWallMs))).trim()})`,
    );
  }
} finally {
  removeHook();
}
