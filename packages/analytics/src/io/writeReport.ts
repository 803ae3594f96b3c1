import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRunReport, type ReportOptions } from '../report/buildRunReport';
import { renderReportHtml } from '../report/renderReportHtml';
import { renderSummaryMarkdown } from '../report/renderSummaryMarkdown';
import { readRunDirectory } from './readRunDirectory';

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
 * directory's files (never from an engine's memory). Each file is replaced atomically.
 */
export function writeReport(runDir: string, options: ReportOptions = {}): WrittenReport {
  const started = performance.now();
  const run = readRunDirectory(runDir);
  const report = buildRunReport(run, options);
  const html = renderReportHtml(report);
  const markdown = renderSummaryMarkdown(report);
  const dir = join(run.dir, 'report');
  mkdirSync(dir, { recursive: true });
  const htmlFile = join(dir, 'index.html');
  const markdownFile = join(dir, 'summary.md');
  const htmlBytes = writeAtomically(htmlFile, html);
  writeAtomically(markdownFile, markdown);
  return { htmlFile, markdownFile, htmlBytes, elapsedMs: performance.now() - started };
}
