/**
 * Problems are values: every check reports `LabIssue`s, and an error carries all of
 * them at once (never just the first). The CLI prints them as `file: path: message`.
 */
export interface LabIssue {
  /** Dotted path of the field (`assets.0.battery.soc_max_mwh`) or the column of a data row. */
  readonly path: string;
  /** Stable machine code, e.g. `unrecognized_key`, `invalid_hhmm`, `gap`, `duplicate_instant`. */
  readonly code: string;
  /** Human sentence that says what is wrong and how to fix it. */
  readonly message: string;
  /** File the issue was found in, when it is not the error's own file. */
  readonly file?: string;
  /** Line number in the file, 1-based, header included (the first data row of a CSV is line 2). */
  readonly row?: number;
  /** UTC instant (ISO-8601) of the data row. */
  readonly instant?: string;
}

/** An error caused by the user's input (exit code 1, no stack trace). */
export class UserError extends Error {
  readonly issues: readonly LabIssue[];
  readonly file: string | undefined;

  constructor(message: string, issues: readonly LabIssue[] = [], file?: string) {
    super(message);
    this.name = 'UserError';
    this.issues = issues;
    this.file = file;
  }
}

/** The config file is invalid; `issues` lists every problem. */
export class ConfigError extends UserError {
  constructor(issues: readonly LabIssue[], file?: string) {
    super(`${file ?? 'config'}: ${issues.length} problem${issues.length === 1 ? '' : 's'} found`, issues, file);
    this.name = 'ConfigError';
  }
}

/** A data file is invalid; issues name the file, row and instant. */
export class DataError extends UserError {
  constructor(issues: readonly LabIssue[], file?: string) {
    super(`${file ?? 'data'}: ${issues.length} problem${issues.length === 1 ? '' : 's'} found`, issues, file);
    this.name = 'DataError';
  }
}

/** One line per issue: `file: path: message` (row and instant when known). */
export function formatIssues(issues: readonly LabIssue[], file?: string): string {
  return issues
    .map((issue) => {
      const where = issue.file ?? file;
      const location = [
        where,
        issue.row !== undefined ? `line ${issue.row}` : undefined,
        issue.instant,
        issue.path || undefined,
      ]
        .filter((part): part is string => part !== undefined && part !== '')
        .join(': ');
      return location ? `${location}: ${issue.message}` : issue.message;
    })
    .join('\n');
}
