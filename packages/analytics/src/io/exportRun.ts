import { join } from 'node:path';
import { buildExport } from '../exports/buildExport';
import type { ExportKind, ExportProfileName } from '../exports/exportProfiles';
import { readRunDirectory } from './readRunDirectory';
import { writeExportBundle, type ExportResult } from './writeExportBundle';

/** Options of `exportSchedule`, `exportBids` and `exportRevision`. */
export interface ExportRunOptions {
  /** Export profile; `exportRevision` defaults to `benchmark`. */
  readonly profile: ExportProfileName;
  /** Export folder. Defaults to `<run dir>/exports/<kind>-<profile>/`. */
  readonly outDir?: string;
  /** submission_candidate: accept deviations settled by the day-ahead proxy. Defaults to false. */
  readonly acknowledgeDayAheadProxy?: boolean;
  /** Clock for the manifest's `created_at_utc`. Defaults to the system clock. */
  readonly now?: () => Date;
}

function exportRun(kind: ExportKind, runDir: string, options: ExportRunOptions): ExportResult {
  const run = readRunDirectory(runDir);
  const bundle = buildExport(run, kind, options);
  const outDir = options.outDir ?? join(run.dir, 'exports', `${kind}-${options.profile}`);
  const createdAt = (options.now ?? (() => new Date()))().toISOString();
  return writeExportBundle(outDir, bundle, createdAt);
}

/** `euroflex export-schedule`: the site and asset schedules of a run (benchmark, operator, submission_candidate). */
export function exportSchedule(runDir: string, options: ExportRunOptions): ExportResult {
  return exportRun('schedule', runDir, options);
}

/** `euroflex export-bids`: day-ahead nominations and reserve bids (benchmark, bid_planning, submission_candidate). */
export function exportBids(runDir: string, options: ExportRunOptions): ExportResult {
  return exportRun('bids', runDir, options);
}

/**
 * `euroflex export-revision`: the lineage bundle of a schedule_revision run (baseline, latest
 * revised schedule, lineage, asset revision allocation). Profiles benchmark (default) and operator.
 */
export function exportRevision(runDir: string, options: Partial<ExportRunOptions> = {}): ExportResult {
  return exportRun('revision', runDir, { ...options, profile: options.profile ?? 'benchmark' });
}
