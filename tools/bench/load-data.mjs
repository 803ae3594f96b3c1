// Benchmark of reading and validating a config's market data files (`loadMarketData` as a
// backtest's load calls it, with one history day as persistence needs), each sample in a
// fresh Node process, median of several. The config is parsed before the clock starts.
//
//   node tools/bench/load-data.mjs [--runs N] [--baseline DIR] CONFIG ...
//
// With --baseline DIR (a copy of the workspace, built), samples alternate between this
// workspace (A) and the baseline (B). Build first: it runs the compiled packages.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { abArgs, median } from './benchArgs.mjs';

const args = process.argv.slice(2);
if (args[0] === '--child') {
  // One sample: node load-data.mjs --child WORKSPACE CONFIG
  const [, workspace, config] = args;
  const require = createRequire(path.join(workspace, 'package.json'));
  const { loadConfig } = require(path.join(workspace, 'packages/config/dist'));
  const markets = require(path.join(workspace, 'packages/markets/dist'));
  const { config: c } = loadConfig(config);
  const files = Object.fromEntries(
    Object.entries(c.data)
      .filter(([, entry]) => entry?.actual_path)
      .map(([name, entry]) => [name, entry.actual_path]),
  );
  const started = performance.now();
  markets.loadMarketData({
    files,
    timezone: markets.marketAdapter(c.market.id).timezone,
    window: { startDate: c.timing.delivery_start_date, endDate: c.timing.delivery_end_date },
    marketId: c.market.id,
    historyDays: 1,
  });
  console.log(JSON.stringify({ ms: performance.now() - started, files: Object.keys(files) }));
  process.exit(0);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const { repeats: runs, baseline, paths: configs } = abArgs(args, '--runs', 5);
const variants = [['A', path.resolve(here, '../..')], ...(baseline ? [['B', baseline]] : [])];
console.log(`node ${process.version}, ${runs} fresh process(es) per variant, median ms of loadMarketData`);
for (const config of configs) {
  const samples = Object.fromEntries(variants.map(([name]) => [name, []]));
  let files = [];
  for (let r = 0; r < runs; r += 1) {
    for (const [name, root] of r % 2 === 0 ? variants : [...variants].reverse()) {
      const output = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', root, config], { encoding: 'utf8' }));
      samples[name].push(output.ms);
      files = output.files;
    }
  }
  const cells = variants.map(([name]) => `${name} ${median(samples[name]).toFixed(0)} ms`).join('   ');
  console.log(`  ${path.basename(config).padEnd(48)} ${files.join('+').padEnd(26)} ${cells}`);
}
