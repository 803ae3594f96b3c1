import type { Command } from '../cli/command';
import { exportUsage, runExport } from './exportSchedule';

const usage = exportUsage(
  'bids',
  `Export the day-ahead commitments of the run in RUN_DIR: benchmark (nomination and reserves
per interval with their forecast prices), bid_planning (one reserve bid per product block and
the energy nominations at site level, with the asset allocation annex) or
submission_candidate (the same after the strictest checks, with a validation report).
`,
);

export async function runExportBids(argv: readonly string[]): Promise<number> {
  return runExport('bids', usage, argv);
}

export const command: Command = { name: 'export-bids', summary: 'Export the nominations and reserve bids of a run by profile', usage, run: runExportBids };
