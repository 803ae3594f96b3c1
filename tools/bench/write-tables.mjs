// Benchmark of the run-directory encoders in one process: a backtest runs once (no run
// directory), then its tables are built afresh before every write (as a run builds each
// table once: labels are new, unflattened strings each time) and each table's CSV and
// Parquet are written several times; the median per table is printed, then the median
// time to build all tables (reason codes included, as a run computes them once).
// The encoders encode a labels array (a run's timestamps) once per build, so that cost
// shows in the first table that uses it.
//
//   node tools/bench/write-tables.mjs [--reps N] [--baseline DIR] [CONFIG]
//
// With --baseline DIR (a copy of the workspace, built), the two `writeTable`s alternate
// (A = this workspace, B = the baseline) on the same tables, so load on the machine hits
// both alike. Build first: it runs the compiled packages.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { abArgs, median } from './benchArgs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const { repeats: reps, baseline, paths } = abArgs(process.argv.slice(2), '--reps', 5);
const config = paths.at(-1) ?? path.join(root, 'examples/configs/real/belgium_2024_da_plus_fcr_persistence.yaml');

const load = (workspace) => {
  const require = createRequire(path.join(workspace, 'package.json'));
  const dist = path.join(workspace, 'packages/backtesting/dist');
  return {
    backtesting: require(dist),
    inputTables: require(path.join(dist, 'tables/inputTables.js')).inputTables,
    markets: require(path.join(workspace, 'packages/markets/dist')),
  };
};
const a = load(root);
const b = baseline ? load(baseline) : undefined;

const { run } = await a.backtesting.runBacktest({ config, dryRun: true });
const buildMs = [];
const buildTables = () => {
  // A fresh run object each time: reason codes are memoised per run.
  const fresh = { ...run };
  const started = performance.now();
  const built = [
    ...a.backtesting.runTableBuilders(fresh, run.config.artifacts.save_forecast_snapshots).map((build) => build()),
    ...a.inputTables(run.context.actuals, a.backtesting.windowInstants(run), run.context.timezone).map((t) => ({ ...t, name: `inputs_${t.name}` })),
  ];
  buildMs.push(performance.now() - started);
  return built;
};
const tables = buildTables();
buildMs.length = 0;

const out = mkdtempSync(path.join(tmpdir(), 'euroflex-write-'));
const variants = [['A', a.backtesting.writeTable], ...(b ? [['B', b.backtesting.writeTable]] : [])];
const times = Object.fromEntries(variants.map(([name]) => [name, tables.map(() => [])]));
for (let r = 0; r < reps; r += 1) {
  for (const [name, writeTable] of r % 2 === 0 ? variants : [...variants].reverse()) {
    buildTables().forEach((table, t) => {
      const started = performance.now();
      writeTable(out, table);
      times[name][t].push(performance.now() - started);
    });
  }
}
rmSync(out, { recursive: true, force: true });

console.log(`${path.basename(config)}: ${reps} writes per table, median ms${b ? ' (A = this workspace, B = baseline)' : ''}`);
const totals = variants.map(() => 0);
for (const [t, table] of tables.entries()) {
  const cells = variants.map(([name], v) => {
    const ms = median(times[name][t]);
    totals[v] += ms;
    return `${name} ${ms.toFixed(0).padStart(6)}`;
  });
  console.log(`  ${table.name.padEnd(32)} ${String(table.rowCount).padStart(7)} rows  ${cells.join('   ')}`);
}
console.log(`  ${'total'.padEnd(45)} ${variants.map(([name], v) => `${name} ${totals[v].toFixed(0).padStart(6)}`).join('   ')}`);
console.log(`  building all tables (this workspace): ${median(buildMs).toFixed(0)} ms`);
