// Shared by the benches that time the built CLI in its own process (pipeline.mjs,
// cli-backtest.mjs): where the bin is, and one timed CLI process with a --require hook
// that reports the process's peak RSS and CPU time from inside it when it exits.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPackage = JSON.parse(readFileSync(path.join(root, 'apps/cli/package.json'), 'utf8'));
/** The `euroflex` bin of the built CLI (the launcher of the bundle, decision 0006). */
export const bin = path.join(root, 'apps/cli', cliPackage.bin.euroflex);
/** The CLI bundle the bin runs; it exports `main`, for benches that run the CLI in-process. */
export const bundle = path.join(path.dirname(bin), createRequire(import.meta.url)(bin).CLI_BUNDLE_FILE);

// Writes the process's peak RSS and CPU time to fd 3 when it exits, and the start: the time
// from the process's start to its first read of a YAML file (the config), i.e. Node and the
// CLI's code loaded. Read inside the process, it is not blurred by the run's own swings.
const RSS_HOOK = `const fs = require('node:fs');
const readFileSync = fs.readFileSync;
let startMs;
fs.readFileSync = function (file, ...rest) {
  if (startMs === undefined && typeof file === 'string' && /\\.ya?ml$/.test(file)) {
    startMs = performance.now();
  }
  return readFileSync.call(this, file, ...rest);
};
process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeSync(3, JSON.stringify({ peakRssMb: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, startMs }));
});\n`;

let hookFile;

/** Removes the hook file; call once when the bench is done. */
export function removeHook() {
  if (hookFile !== undefined) {
    rmSync(path.dirname(hookFile), { recursive: true, force: true });
    hookFile = undefined;
  }
}

/**
 * `euroflex ARGV` in a fresh process from the repository root: its wall time from spawn to
 * exit, stdout, peak RSS, CPU time and start (`startMs`, undefined when it read no YAML
 * file). Throws with its stderr when it exits non-zero.
 */
export function timedCli(argv) {
  if (hookFile === undefined) {
    hookFile = path.join(mkdtempSync(path.join(tmpdir(), 'euroflex-bench-hook-')), 'rss-hook.cjs');
    writeFileSync(hookFile, RSS_HOOK);
  }
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', hookFile, bin, ...argv], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) {
    throw new Error(`euroflex ${argv.join(' ')} exited ${child.status}:\n${child.stderr}`);
  }
  return { wallMs, stdout: child.stdout, ...JSON.parse(child.output[3]) };
}
