import type { Command } from '../cli/command';
import { exportUsage, runExport } from './exportSchedule';

const usage = exportUsage(
  'revision',
  `Export the lineage bundle of the schedule_revision run in RUN_DIR: the baseline schedule,
the latest revised schedule, the schedule lineage and the asset revision allocation
(benchmark), or the slim revised set points and lineage (operator). A run of another
workflow is refused.
`,
  'benchmark',
);

export async function runExportRevision(argv: readonly string[]): Promise<number> {
  return runExport('revision', usage, argv, 'benchmark');
}

export const command: Command = { name: 'export-revision', summary: 'Export the lineage bundle of a revision run', usage, run: runExportRevision };
