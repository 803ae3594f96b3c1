// One measured backtest in a fresh process; prints one JSON line. Used by backtest.mjs.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const [config, ...flags] = process.argv.slice(2);
const { runBacktest } = require('@euroflex/backtesting');

const out = mkdtempSync(path.join(tmpdir(), 'euroflex-bench-'));
const started = performance.now();
const { run, summary, dayChunks } = await runBacktest({ config, outDir: out, dryRun: flags.includes('--dry-run'), ...(flags.includes('--one-thread') ? { parallel: false } : {}) });
const finished = performance.now();
rmSync(out, { recursive: true, force: true });

const oracleSeparate = run.oracle.days !== run.days;
const solverMs = run.stats.solverMs + (oracleSeparate ? run.oracle.stats.solverMs : 0);
const decisionsMs = summary.timings.walk_forward_ms + summary.timings.oracle_ms;
console.log(
  JSON.stringify({
    config: path.basename(config),
    provider: summary.provider_name,
    decisions: summary.decision_count + (oracleSeparate ? run.oracle.stats.decisions : 0),
    processWallMs: finished, // performance.now() counts from process start
    runBacktestMs: finished - started,
    // Node, the modules and this script, before runBacktest is called.
    startupMs: started,
    loadMs: summary.timings.load_ms,
    decisionsMs,
    solverMs,
    outsideSolverShare: (decisionsMs - solverMs) / decisionsMs,
    // Settlement, the oracle check and the summary: the engine's time after the decisions.
    settleMs: summary.timings.total_ms - summary.timings.load_ms - decisionsMs,
    writeMs: finished - started - summary.timings.total_ms,
    lpSolves: run.stats.lpSolves + (oracleSeparate ? run.oracle.stats.lpSolves : 0),
    milpSolves: run.stats.milpSolves + (oracleSeparate ? run.oracle.stats.milpSolves : 0),
    memoSolves: run.stats.memoSolves + (oracleSeparate ? run.oracle.stats.memoSolves : 0),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    // Two day chunks on two threads (docs/backtesting.md, Day chunks): HiGHS time is summed over both.
    chunkThreads: dayChunks?.boundary === 'exact' || dayChunks?.boundary === 'fallback' ? 2 : 1,
    totalPnlEur: summary.total_pnl_eur,
  }),
);
