import { formatIssues, type LabIssue } from '@euroflex/config';
import { colours } from './terminal';

/** Print issues as `file: path: message`, one per line, on stderr. */
export function printIssues(issues: readonly LabIssue[], file: string | undefined, heading?: string): void {
  const c = colours(process.stderr);
  if (heading) {
    process.stderr.write(`${c.red(c.bold('error'))}: ${heading}\n`);
  }
  if (issues.length > 0) {
    process.stderr.write(`${formatIssues(issues, file)}\n`);
  }
}

/** Print warnings (non-fatal issues) on stderr. */
export function printWarnings(issues: readonly LabIssue[], file: string | undefined): void {
  if (issues.length === 0) {
    return;
  }
  const c = colours(process.stderr);
  for (const line of formatIssues(issues, file).split('\n')) {
    process.stderr.write(`${c.yellow('warning')}: ${line}\n`);
  }
}
