// A/B benchmark of whole backtests against a baseline copy of the workspace (built):
// runs alternate A (this workspace) and B (the baseline), each in a fresh Node process,
// so load on the machine hits both alike; medians per config.
//
//   node tools/bench/backtest-ab.mjs --baseline DIR [--runs N] [--dry-run] CONFIG ...
//
// Prints process wall, load (config and data), decisions wall, write run directory and
// peak RSS (as tools/bench/backtest.mjs measures them) for A and B, and the median of the
// differences within pairs (A - B of runs taken one after the other), which drifts of the
// machine's speed disturb less than the difference of the medians. --dry-run: engine only.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { abArgs, median } from './benchArgs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const dryRun = argv.includes('--dry-run');
const { repeats: runs, baseline, paths: configs } = abArgs(argv.filter((arg) => arg !== '--dry-run'), '--runs', 5);
if (baseline === undefined || configs.length === 0) {
  console.error('usage: node tools/bench/backtest-ab.mjs --baseline DIR [--runs N] CONFIG ...');
  process.exit(2);
}

const variants = [
  ['A', path.resolve(here, '../..')],
  ['B', baseline],
];
const keys = [
  ['processWallMs', 'process wall'],
  ['loadMs', 'load (config, data)'],
  ['decisionsMs', 'decisions wall'],
  ['writeMs', 'write run directory'],
];

console.log(`node ${process.version}, ${runs} alternating run(s) per variant${dryRun ? ', engine only' : ''}; A = ${variants[0][1]}, B = ${baseline}`);
for (const config of configs) {
  const samples = { A: [], B: [] };
  for (let r = 0; r < runs; r += 1) {
    for (const [name, root] of r % 2 === 0 ? variants : [...variants].reverse()) {
      const output = execFileSync(process.execPath, [path.join(root, 'tools/bench/backtest-child.mjs'), config, ...(dryRun ? ['--dry-run'] : [])], { cwd: root, encoding: 'utf8' });
      samples[name].push(JSON.parse(output.trim().split('\n').pop()));
    }
  }
  console.log(`\n${path.basename(config)}`);
  for (const [key, label] of keys) {
    const [a, b] = ['A', 'B'].map((name) => median(samples[name].map((s) => s[key])) / 1000);
    const paired = median(samples.A.map((sample, r) => sample[key] - samples.B[r][key])) / 1000;
    console.log(`  ${label.padEnd(22)} A ${a.toFixed(2)} s   B ${b.toFixed(2)} s   (${(a - b >= 0 ? '+' : '') + (a - b).toFixed(2)} s; paired ${(paired >= 0 ? '+' : '') + paired.toFixed(3)} s)`);
  }
  const [rssA, rssB] = ['A', 'B'].map((name) => median(samples[name].map((s) => s.peakRssMb)));
  console.log(`  ${'peak RSS'.padEnd(22)} A ${rssA.toFixed(0)} MB   B ${rssB.toFixed(0)} MB`);
}
