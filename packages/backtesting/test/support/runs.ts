import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { stringify, parse } from 'yaml';
import { createSolver, type Solver } from '@euroflex/optimization';
import { runBacktest, type BacktestOptions, type BacktestOutcome } from '../../src';

export const REPO = resolve(__dirname, '../../../..');
export const REFERENCE = join(REPO, 'examples/reference');

let shared: Promise<Solver> | undefined;

/** One HiGHS instance per test file. */
export function sharedSolver(): Promise<Solver> {
  shared ??= createSolver();
  return shared;
}

/** A fresh temporary artifact root. */
export function tempRoot(prefix = 'euroflex-bt-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let counter = 0;

/** Run a backtest into a temporary root with a deterministic clock and run id suffix. */
export async function backtest(config: BacktestOptions['config'], extra: Partial<BacktestOptions> = {}): Promise<BacktestOutcome> {
  counter += 1;
  const suffix = counter.toString(16).padStart(6, '0');
  return runBacktest({
    config,
    outDir: extra.dryRun ? undefined : tempRoot(),
    solver: await sharedSolver(),
    now: () => Date.UTC(2026, 10, 29, 12, 0, 0),
    randomHex6: () => suffix,
    debugChecks: true,
    ...extra,
  });
}

/**
 * Write a variant of a YAML config next to the original (so relative data paths still
 * resolve) into a temp folder mirroring its location: returns the new file's path.
 */
export function configVariant(original: string, edit: (doc: Record<string, unknown>) => void): string {
  const doc = parse(require('node:fs').readFileSync(original, 'utf8')) as Record<string, unknown>;
  edit(doc);
  const data = doc.data as Record<string, { actual_path: string }>;
  for (const entry of Object.values(data)) {
    entry.actual_path = resolve(dirname(original), entry.actual_path);
  }
  const file = join(tempRoot('euroflex-cfg-'), 'config.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}
