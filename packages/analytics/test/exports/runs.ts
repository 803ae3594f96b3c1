import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBacktest } from '@euroflex/backtesting';
import type { ProviderName } from '@euroflex/config';
import { createSolver, type Solver } from '@euroflex/optimization';

export const REPO = resolve(__dirname, '../../../..');
const CONFIGS = join(REPO, 'examples/reference/tests/fixtures/example_configs');

/** Reference configs the export tests run (one delivery day each). */
export const CONFIG = {
  daOnlyPortfolio: join(CONFIGS, 'basic/belgium_portfolio_da_only_base.yaml'),
  fcrPortfolio: join(CONFIGS, 'reserve/belgium_portfolio_da_plus_fcr_base.yaml'),
  afrrPortfolio: join(CONFIGS, 'reserve/belgium_portfolio_da_plus_afrr_base.yaml'),
  imbalance: join(CONFIGS, 'basic/belgium_da_plus_imbalance_base.yaml'),
  revisionFcrPortfolio: join(CONFIGS, 'reserve/belgium_portfolio_schedule_revision_da_plus_fcr_base.yaml'),
  revisionDaOnly: join(CONFIGS, 'basic/belgium_schedule_revision_da_only_base.yaml'),
} as const;

let solver: Promise<Solver> | undefined;
let counter = 0;

export function tempDir(prefix = 'euroflex-exports-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Back-test a config into a temporary root with a fixed clock; returns the run directory. */
export async function runDir(config: string, provider: ProviderName = 'persistence'): Promise<string> {
  solver ??= createSolver();
  counter += 1;
  const suffix = counter.toString(16).padStart(6, '0');
  const outcome = await runBacktest({
    config,
    provider,
    outDir: tempDir('euroflex-exports-run-'),
    solver: await solver,
    now: () => Date.UTC(2026, 10, 29, 12, 0, 0),
    randomHex6: () => suffix,
    debugChecks: true,
  });
  if (outcome.runDir === undefined) {
    throw new Error('the backtest wrote no run directory');
  }
  return outcome.runDir;
}
