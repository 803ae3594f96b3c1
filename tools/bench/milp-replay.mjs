// Records every MILP a backtest solves, then re-solves them offline under HiGHS option
// variants: the tool behind docs/decisions/0002-intraday-milp-node-limit.md.
//
//   node tools/bench/milp-replay.mjs record CONFIG FILE.json
//   node tools/bench/milp-replay.mjs replay FILE.json '[{}, {"mip_heuristic_run_rens": false}]' [--which root|gates|all]
//
// record: runs CONFIG without a run directory, with a solver that keeps each MILP (the
// model as plain arrays and the engine's SolveOptions) and writes them to FILE.json.
// replay: re-solves the recorded MILPs (`--which root` (default): those stopped at the root
// node, i.e. the intraday windows; `gates`: the others; `all`), each variant in turn on the
// same model, after one untimed pass of everything. A variant is a set of HiGHS options laid
// over the engine's own (`SolveOptions.mipHighsOptions`); `{}` is the
// engine as it is and the reference of the comparison. Prints, per variant: HiGHS time, the
// sum of the objectives, and in how many MILPs the objective is worse or better than the
// reference. Build first: it runs the compiled packages.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const [command, ...rest] = process.argv.slice(2);

// JSON has no infinities: they travel as strings.
const toJson = (array) => Array.from(array, (v) => (v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v));
const fromJson = (array, Type = Float64Array) => Type.from(array, (v) => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v));

async function record(config, file) {
  const { runBacktest } = require('@euroflex/backtesting');
  const { createSolver } = require('@euroflex/optimization');
  const solver = await createSolver({ workload: 'long' });
  const milps = [];
  const recording = new Proxy(solver, {
    get(target, prop) {
      if (prop === 'solve') {
        return (model, options = {}) => {
          const result = target.solve(model, options);
          if (model.integrality?.some((v) => v !== 0)) {
            const { matrix } = model;
            milps.push({
              options,
              objective: result.objective,
              status: result.status,
              model: {
                sense: model.sense,
                numCols: model.numCols,
                numRows: model.numRows,
                ...Object.fromEntries(['colCost', 'colLower', 'colUpper', 'rowLower', 'rowUpper', 'integrality'].map((key) => [key, toJson(model[key])])),
                starts: toJson(matrix.starts),
                indices: toJson(matrix.indices),
                values: toJson(matrix.values),
              },
            });
          }
          return result;
        };
      }
      const value = target[prop];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const out = mkdtempSync(path.join(tmpdir(), 'euroflex-milp-record-'));
  try {
    await runBacktest({ config: path.resolve(config), outDir: out, dryRun: true, solver: recording });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  writeFileSync(file, JSON.stringify(milps));
  console.log(`${milps.length} MILPs recorded in ${file}`);
}

async function replay(file, variantsJson, which) {
  const { createSolver } = require('@euroflex/optimization');
  const solver = await createSolver({ workload: 'long' });
  const variants = JSON.parse(variantsJson);
  const milps = JSON.parse(readFileSync(file, 'utf8')).filter((m) => {
    const atRoot = m.options.mipMaxNodes === 1;
    return which === 'all' || (which === 'root' ? atRoot : !atRoot);
  });
  const solve = (m, variant) => {
    const { model } = m;
    const linearModel = {
      sense: model.sense,
      numCols: model.numCols,
      numRows: model.numRows,
      colCost: fromJson(model.colCost),
      colLower: fromJson(model.colLower),
      colUpper: fromJson(model.colUpper),
      rowLower: fromJson(model.rowLower),
      rowUpper: fromJson(model.rowUpper),
      matrix: { starts: fromJson(model.starts, Int32Array), indices: fromJson(model.indices, Int32Array), values: fromJson(model.values) },
      integrality: fromJson(model.integrality, Int32Array),
    };
    const result = solver.solve(linearModel, { ...m.options, memo: false, mipHighsOptions: variant });
    return { ms: result.solverMs, objective: result.objective };
  };
  for (const m of milps) {
    variants.forEach((variant) => solve(m, variant)); // untimed: V8 compiles the code each variant runs
  }
  const totals = variants.map(() => ({ ms: 0, objective: 0, worse: 0, better: 0 }));
  for (const m of milps) {
    const results = variants.map((variant) => solve(m, variant));
    results.forEach((r, i) => {
      totals[i].ms += r.ms;
      totals[i].objective += r.objective;
      totals[i].worse += r.objective < results[0].objective - 1e-6 ? 1 : 0;
      totals[i].better += r.objective > results[0].objective + 1e-6 ? 1 : 0;
    });
  }
  console.log(`${milps.length} MILPs (${which}); worse/better: objective against the first variant`);
  variants.forEach((variant, i) => {
    const t = totals[i];
    console.log(`${JSON.stringify(variant)}\n  ${(t.ms / 1000).toFixed(2)} s in HiGHS, objectives ${t.objective.toFixed(2)}, worse in ${t.worse}, better in ${t.better}`);
  });
}

if (command === 'record' && rest.length === 2) {
  await record(rest[0], rest[1]);
} else if (command === 'replay' && rest.length >= 2) {
  const whichAt = rest.indexOf('--which');
  await replay(rest[0], rest[1], whichAt >= 0 ? rest[whichAt + 1] : 'root');
} else {
  console.error('usage: milp-replay.mjs record CONFIG FILE.json | replay FILE.json VARIANTS_JSON [--which root|gates|all]');
  process.exitCode = 2;
}
