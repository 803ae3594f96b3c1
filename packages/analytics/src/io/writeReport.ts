import { renameSync, writeFileSync } from 'node:fs';
import { makeDirectory } from '@euroflex/config';
import { join, resolve } from 'node:path';
import { buildRunReport, type ReportOptions } from '../report/buildRunReport';
import { renderReportHtml } from '../report/renderReportHtml';
import { renderSummaryMarkdown } from '../report/renderSummaryMarkdown';
import type { Table } from '@euroflex/backtesting';
import { readRunDirectory } from './readRunDirectory';
import { runTableOf } from './runTableOf';

/**
 * Tables the report reads (`buildRunReport`). A caller that has just written them can hand
 * them over in memory (`WriteReportOptions.tables`) instead of having them read back.
 */
export const REPORT_TABLE_NAMES = ['site_dispatch', 'asset_dispatch', 'asset_pnl_attribution', 'decision_log', 'baseline_schedule'] as const;

export interface WriteReportOptions extends ReportOptions {
  /**
   * Tables of the run directory still in memory, by name, exactly as they were written
   * (`writeRunDirectory`'s `keepTables`): read as their CSVs would read (`runTableOf`).
   */
  readonly tables?: ReadonlyMap<string, Table>;
}

/** What `writeReport` wrote. */
export interface WrittenReport {
  /** Absolute path of `report/index.html`. */
  readonly htmlFile: string;
  /** Absolute path of `report/summary.md`. */
  readonly markdownFile: string;
  /** Size of index.html in bytes. */
  readonly htmlBytes: number;
  /** Wall milliseconds from reading the run directory to the last byte written. */
  readonly elapsedMs: number;
  /** Options that had no effect, one sentence each (`RunReport.notes`). */
  readonly notes: readonly string[];
}

function writeAtomically(file: string, text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return bytes.length;
}

/**
 * (Re)generate `RUN_DIR/report/index.html` and `RUN_DIR/report/summary.md` from the run
 * directory's files (never from an engine's state): summary.json, the config snapshot, and
 * the tables, read from their CSVs unless `options.tables` holds them as those CSVs read.
 * Each file is replaced atomically.
 */
export function writeReport(runDir: string, options: WriteReportOptions = {}): WrittenReport {
  const started = performance.now();
  const { tables, ...reportOptions } = options;
  const inMemory = tables === undefined ? undefined : new Map([...tables].map(([name, table]) => [name, runTableOf(table, join(resolve(runDir), `${name}.csv`))]));
  const run = readRunDirectory(runDir, inMemory !== undefined ? { tables: inMemory } : {});
  const report = buildRunReport(run, reportOptions);
  const html = renderReportHtml(report);
  const markdown = renderSummaryMarkdown(report);
  const dir = join(run.dir, 'report');
  makeDirectory(dir);
  const htmlFile = join(dir, 'index.html');
  const markdownFile = join(dir, 'summary.md');
  const htmlBytes = writeAtomically(htmlFile, html);
  writeAtomically(markdownFile, markdown);
  return { htmlFile, markdownFile, htmlBytes, elapsedMs: performance.now() - started, notes: report.notes };
}
