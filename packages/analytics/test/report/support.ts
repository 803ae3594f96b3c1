import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { ProviderName } from '@euroflex/config';
import { runBacktest } from '@euroflex/backtesting';
import { createSolver, type Solver } from '@euroflex/optimization';

export const REPO = resolve(__dirname, '../../../..');
export const REFERENCE_CONFIGS = join(REPO, 'examples/reference/tests/fixtures/example_configs');
/** The canonical Belgian run: two batteries behind a 1.5 MW POI, revision over da_plus_afrr. */
export const CANONICAL_BELGIUM = join(REPO, 'examples/reference/examples/configs/canonical/belgium_full_stack.yaml');
export const REAL_CONFIGS = join(REPO, 'examples/configs/real');

let shared: Promise<Solver> | undefined;

/** One HiGHS instance per test file. */
export function sharedSolver(): Promise<Solver> {
  shared ??= createSolver();
  return shared;
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'euroflex-an-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let counter = 0;

/** Run a backtest into `root` (a fresh temp folder by default) with a fixed clock; returns the run directory. */
export async function makeRun(config: string, options: { provider?: ProviderName; root?: string } = {}): Promise<string> {
  counter += 1;
  const outcome = await runBacktest({
    config,
    provider: options.provider,
    outDir: options.root ?? tempDir(),
    solver: await sharedSolver(),
    now: () => Date.UTC(2026, 10, 29, 12, 0, 0),
    randomHex6: () => counter.toString(16).padStart(6, '0'),
    // The plan invariants on every executed plan.
    debugChecks: true,
  });
  if (outcome.runDir === undefined) {
    throw new Error('the backtest wrote no run directory');
  }
  return outcome.runDir;
}

/**
 * A variant of a YAML config in a temp folder, its data paths made absolute so they
 * still resolve; returns the new file's path.
 */
export function configVariant(original: string, edit: (doc: Record<string, unknown>) => void): string {
  const doc = parse(readFileSync(original, 'utf8')) as Record<string, unknown>;
  edit(doc);
  const data = doc.data as Record<string, { actual_path: string }>;
  for (const entry of Object.values(data)) {
    entry.actual_path = resolve(dirname(original), entry.actual_path);
  }
  const file = join(tempDir('euroflex-cfg-'), 'config.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}
