import { EXPORT_PROFILES, exportBids, exportRevision, exportSchedule, profilesOf, type ExportKind, type ExportProfileName, type ExportResult, type ExportRunOptions } from '@euroflex/analytics';
import type { Command } from '../cli/command';
import { UsageError } from '../cli/errors';
import { parseCommand, positionals } from '../cli/parse';
import { colours } from '../cli/terminal';

const RUNNERS: Record<ExportKind, (runDir: string, options: ExportRunOptions) => ExportResult> = {
  schedule: exportSchedule,
  bids: exportBids,
  revision: exportRevision,
};

/** The usage text of `export-<kind>`, listing its profiles with their intended consumers. */
export function exportUsage(kind: ExportKind, summary: string, defaultProfile?: ExportProfileName): string {
  const profiles = profilesOf(kind)
    .map((name) => `                                      ${name.padEnd(22)} for ${EXPORT_PROFILES[kind][name]?.intendedConsumer ?? ''}${name === defaultProfile ? ' (default)' : ''}`)
    .join('\n');
  const profileFlag = defaultProfile ? '[--profile PROFILE]' : '--profile PROFILE';
  const submission = profilesOf(kind).includes('submission_candidate');
  const acknowledge = submission
    ? `
  --acknowledge-day-ahead-proxy     submission_candidate: accept deviations from the nomination
                                    that were settled at the day-ahead price (no imbalance series)`
    : '';
  return `Usage: euroflex export-${kind} RUN_DIR ${profileFlag} [--out DIR]${submission ? ' [--acknowledge-day-ahead-proxy]' : ''} [--json]

${summary}
Every file is written as CSV, JSON and Parquet with the same columns (docs/exports.md), with
manifest.json listing each file's size and SHA-256. Exporting the same run twice gives
identical data files; only the manifest's created_at_utc changes.

Options:
  --profile PROFILE                 One of:
${profiles}
  --out DIR                         Export folder (default RUN_DIR/exports/${kind}-<profile>/); an
                                    earlier export there is replaced${acknowledge}
  --json                            Print manifest.json on stdout`;
}

/** The `--profile` of `export-<kind>`, checked: a missing or unknown profile is a usage error listing the valid ones. */
export function exportProfile(kind: ExportKind, profile: string | undefined): ExportProfileName {
  const valid = profilesOf(kind);
  if (profile === undefined) {
    throw new UsageError(`--profile is required: one of ${valid.join(', ')}`);
  }
  if (!(valid as readonly string[]).includes(profile)) {
    throw new UsageError(`export-${kind} has no profile "${profile}": use one of ${valid.join(', ')}`);
  }
  return profile as ExportProfileName;
}

/** Parse, export and report one `export-<kind>` command line. */
export async function runExport(kind: ExportKind, usage: string, argv: readonly string[], defaultProfile?: ExportProfileName): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, {
    profile: { type: 'string' },
    out: { type: 'string' },
    'acknowledge-day-ahead-proxy': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const [runDir] = positionals(args, ['run_dir']);
  const profile = exportProfile(kind, values.profile ?? defaultProfile);
  const result = RUNNERS[kind](runDir, {
    profile,
    outDir: values.out,
    acknowledgeDayAheadProxy: values['acknowledge-day-ahead-proxy'] ?? false,
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result.manifest, null, 2)}\n`);
    return 0;
  }
  const c = colours(process.stdout);
  const m = result.manifest;
  const lines = [
    `${c.bold('export')}     ${kind} / ${m.profile} for ${m.intended_consumer}${m.benchmark_grade_only ? ' (benchmark grade only)' : ''}, not live-submission ready`,
    `${c.bold('run')}        ${m.run_id} (${m.market_id}, ${m.workflow}, ${m.run_scope}, version ${m.schedule_version})`,
    `${c.bold('folder')}     ${result.outDir}`,
    ...m.files.map((file) => `  ${file.path.padEnd(36)} ${String(file.rows).padStart(7)} rows ${String(file.bytes).padStart(10)} B  ${c.dim(file.sha256.slice(0, 16))}`),
    '  manifest.json',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

const usage = exportUsage(
  'schedule',
  `Export the executed site and asset schedules of the run in RUN_DIR for a consumer:
benchmark (analysis, with prices, PnL and reason codes), operator (slim set points) or
submission_candidate (lineage per interval, after the strictest checks: SoC band and
continuity, no simultaneous charge and discharge, power and POI limits, complete lineage, no
day-ahead proxy deviations unless acknowledged; a failed check writes nothing).
`,
);

export async function runExportSchedule(argv: readonly string[]): Promise<number> {
  return runExport('schedule', usage, argv);
}

export const command: Command = { name: 'export-schedule', summary: 'Export the schedules of a run by profile', usage, run: runExportSchedule };
