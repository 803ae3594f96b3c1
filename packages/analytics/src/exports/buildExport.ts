import { createHash } from 'node:crypto';
import { UserError } from '@euroflex/config';
import type { Table } from '@euroflex/backtesting';
import type { RunDirectory } from '../io/readRunDirectory';
import { assetBidRows, reserveBidRows, siteBidRows } from './bidFiles';
import { exportContext, type ExportContext } from './exportContext';
import { EXPORT_PROFILES, profilesOf, type ExportFileSpec, type ExportKind, type ExportProfileName, type ExportProfileSpec } from './exportProfiles';
import { lineageOf, type Lineage } from './lineage';
import { reasonColumns } from './reasonColumns';
import { allocationRows, lineageRows, planRows, revisionPlans, siteRevisedRows, type RevisionPlans } from './revisionFiles';
import { assetSchedule, siteSchedule } from './scheduleFiles';
import { payloadFiles, type ExportFile } from './serializePayload';
import { submissionChecks, type SubmissionCheck } from './submissionChecks';
import { validationReport } from './validationReport';

/** Options of one export. */
export interface ExportOptions {
  readonly profile: ExportProfileName;
  /** submission_candidate: accept deviations settled by the day-ahead proxy. Defaults to false. */
  readonly acknowledgeDayAheadProxy?: boolean;
}

/** `manifest.json` of an export folder. */
export interface ExportManifest {
  readonly manifest_version: 1;
  readonly export_kind: ExportKind;
  readonly profile: ExportProfileName;
  readonly intended_consumer: string;
  readonly benchmark_grade_only: boolean;
  readonly live_submission_ready: false;
  readonly run_id: string;
  readonly site_id: string;
  readonly market_id: string;
  readonly market_timezone: string;
  readonly workflow: string;
  readonly base_workflow: string;
  readonly run_scope: string;
  readonly benchmark_name: string;
  readonly schedule_version: string;
  readonly delivery_start_date: string;
  readonly delivery_end_date: string;
  readonly deviation_settlement: string;
  readonly acknowledged_day_ahead_proxy: boolean;
  readonly source_run_dir: string;
  /** The only field that differs between two exports of the same run. */
  readonly created_at_utc: string;
  readonly files: readonly { readonly path: string; readonly payload: string; readonly format: string; readonly rows: number; readonly bytes: number; readonly sha256: string }[];
}

/** An export built in memory: its data files in write order, and the manifest for a creation time. */
export interface ExportBundle {
  readonly kind: ExportKind;
  readonly profile: ExportProfileName;
  readonly files: readonly ExportFile[];
  /** Submission checks (submission_candidate only; empty otherwise). */
  readonly checks: readonly SubmissionCheck[];
  manifest(createdAtUtc: string): ExportManifest;
}

/** The spec of a profile, or a UserError naming the profiles the kind supports. */
export function profileSpec(kind: ExportKind, profile: string): ExportProfileSpec {
  const spec = EXPORT_PROFILES[kind][profile as ExportProfileName];
  if (spec === undefined) {
    throw new UserError(`export-${kind} has no profile "${profile}": use one of ${profilesOf(kind).join(', ')}`, [
      { path: 'profile', code: 'unsupported_profile', message: `valid profiles: ${profilesOf(kind).join(', ')}` },
    ]);
  }
  return spec;
}

interface Built {
  readonly tables: Table[];
  readonly checks: SubmissionCheck[];
}

function fileSpec(spec: ExportProfileSpec, payload: string): ExportFileSpec | undefined {
  return spec.files.find((file) => file.payload === payload);
}

/** Run the submission gate: a UserError with every violation when a check fails. */
function gate(ctx: ExportContext, lineage: Lineage, options: ExportOptions): SubmissionCheck[] {
  const checks = submissionChecks(ctx, lineage, options.acknowledgeDayAheadProxy ?? false);
  const failed = checks.filter((check) => check.status === 'failed');
  if (failed.length > 0) {
    throw new UserError(
      `${ctx.run.dir} is not a submission candidate: ${failed.map((check) => `${check.check} (${check.violationCount})`).join(', ')} failed; nothing was written`,
      failed.flatMap((check) => check.issues),
    );
  }
  return checks;
}

function buildTables(ctx: ExportContext, kind: ExportKind, spec: ExportProfileSpec, options: ExportOptions): Built {
  const submission = options.profile === 'submission_candidate';
  const needsLineage = submission || spec.files.some((file) => file.columns.includes('set_by_version'));
  const lineage = needsLineage ? lineageOf(ctx) : undefined;
  const checks = submission && lineage ? gate(ctx, lineage, options) : [];
  const tables: Table[] = [];
  const each = (payload: string, build: (file: ExportFileSpec) => Table) => {
    const file = fileSpec(spec, payload);
    if (file) {
      tables.push(build(file));
    }
  };
  if (kind === 'schedule') {
    const reasons = spec.files.some((file) => file.columns.includes('reason_code')) ? reasonColumns(ctx) : undefined;
    each('site_schedule', (file) => siteSchedule(ctx, file, { lineage, reasons }));
    each('asset_schedule', (file) => assetSchedule(ctx, file, { lineage, reasons }));
  } else if (kind === 'bids') {
    each('site_bids', (file) => siteBidRows(ctx, file));
    each('asset_bids', (file) => assetBidRows(ctx, file));
    each('reserve_bids', (file) => reserveBidRows(ctx, file));
    each('energy_nominations', (file) => siteBidRows(ctx, file));
    each('asset_allocation', (file) => assetBidRows(ctx, file));
  } else {
    const plans: RevisionPlans = revisionPlans(ctx);
    const revisionLineage = lineage ?? lineageOf(ctx);
    each('site_revised_schedule', (file) => siteRevisedRows(ctx, plans, file));
    each('baseline_schedule', (file) => planRows(ctx, plans, file, false));
    each('latest_revised_schedule', (file) => planRows(ctx, plans, file, true));
    each('schedule_lineage', (file) => lineageRows(ctx, plans, revisionLineage, file));
    each('asset_revision_allocation', (file) => allocationRows(ctx, plans, revisionLineage, file));
  }
  each('validation_report', (file) => validationReport(checks, file));
  return { tables, checks };
}

/**
 * Build an export of a run in memory (pure apart from reading the run's tables through
 * `run`): the payloads of the profile, each as CSV, JSON and Parquet, and the manifest with
 * every file's size and SHA-256. The same run and options always give the same bytes; only
 * the manifest's `created_at_utc` changes.
 */
export function buildExport(run: RunDirectory, kind: ExportKind, options: ExportOptions): ExportBundle {
  const spec = profileSpec(kind, options.profile);
  const ctx = exportContext(run);
  const { tables, checks } = buildTables(ctx, kind, spec, options);
  const files = tables.flatMap(payloadFiles);
  const s = run.summary;
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  return {
    kind,
    profile: options.profile,
    files,
    checks,
    manifest: (createdAtUtc) => ({
      manifest_version: 1,
      export_kind: kind,
      profile: options.profile,
      intended_consumer: spec.intendedConsumer,
      benchmark_grade_only: spec.benchmarkGradeOnly,
      live_submission_ready: false,
      run_id: run.runId,
      site_id: text(s.site_id),
      market_id: text(s.market_id),
      market_timezone: text(s.market_timezone),
      workflow: text(s.workflow),
      base_workflow: text(s.base_workflow),
      run_scope: text(s.run_scope),
      benchmark_name: text(s.benchmark_name),
      schedule_version: spec.scheduleVersion,
      delivery_start_date: text(s.delivery_start_date),
      delivery_end_date: text(s.delivery_end_date),
      deviation_settlement: text(s.deviation_settlement),
      acknowledged_day_ahead_proxy: options.profile === 'submission_candidate' && (options.acknowledgeDayAheadProxy ?? false),
      source_run_dir: run.dir,
      created_at_utc: createdAtUtc,
      files: files.map((file) => ({
        path: file.path,
        payload: file.payload,
        format: file.format,
        rows: file.rows,
        bytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
      })),
    }),
  };
}
