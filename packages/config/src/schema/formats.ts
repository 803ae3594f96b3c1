import { z } from 'zod';

/**
 * String formats shared by several blocks. Each check reports a custom issue whose
 * `params.code` becomes the LabIssue code, and carries a JSON-Schema `pattern` so that
 * editors flag the same mistakes.
 */

/** Local wall-clock time `HH:MM`: two digits each, 00-23 and 00-59. */
export const HHMM_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Calendar date `YYYY-MM-DD` (validated as a real date separately). */
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * ISO-8601 date-time with an explicit offset or `Z`, e.g. `2025-06-17T10:00:00+02:00`.
 * Seconds and fractions are optional; a space may replace the `T`.
 */
const OFFSET_DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/**
 * Run names: letters, digits, `-`, `_`, `.` and inner spaces, 1-128 characters,
 * starting and ending with a letter, digit, `-` or `_`, and never containing `..`.
 * So a run name cannot contain a path separator, cannot be `.`/`..`, and cannot escape
 * the artifact root when it becomes part of a run directory name.
 */
export const SAFE_RUN_NAME = /^(?!.*\.\.)[A-Za-z0-9_-](?:[A-Za-z0-9 ._-]{0,126}[A-Za-z0-9_-])?$/;

/** True for `HH:MM` with hours 00-23 and minutes 00-59. */
export function isHhmm(text: string): boolean {
  return HHMM_PATTERN.test(text);
}

/** Minutes after local midnight of a valid `HH:MM`. */
export function hhmmToMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for `YYYY-MM-DD` that names a real calendar date (`2025-02-30` is not one). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE_PATTERN.exec(text);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** UTC milliseconds of an ISO-8601 date-time with offset, or `undefined` when it is not one. */
export function offsetDateTimeMs(text: string): number | undefined {
  const match = OFFSET_DATE_TIME_PATTERN.exec(text);
  if (match === null || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return undefined;
  }
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isFinite(ms) ? ms : undefined;
}

/** `HH:MM` local time; `what` names the field in the message. */
export function hhmmSchema(what: string) {
  return z
    .string()
    .refine(isHhmm, {
      error: (issue) =>
        `${what} must use HH:MM format (two digits each, 00:00 to 23:59), got ${JSON.stringify(issue.input)}`,
      params: { code: 'invalid_hhmm' },
    })
    .meta({ pattern: HHMM_PATTERN.source, description: 'Local time HH:MM (00:00 to 23:59)' });
}

/** `YYYY-MM-DD` calendar date. Quote-free YAML dates arrive as strings (YAML 1.2). */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, {
    error: (issue) => `Expected a real calendar date YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
    params: { code: 'invalid_date' },
  })
  .meta({ pattern: ISO_DATE_PATTERN.source, description: 'Calendar date YYYY-MM-DD' });

/** ISO-8601 instant with explicit offset; naive local times are rejected because they are ambiguous. */
export const offsetDateTimeSchema = z
  .string()
  .refine((text) => offsetDateTimeMs(text) !== undefined, {
    error: (issue) =>
      `Expected an ISO-8601 date-time with an explicit UTC offset or Z, e.g. 2025-06-17T10:00:00+02:00, got ${JSON.stringify(issue.input)}; naive times are ambiguous around DST changes`,
    params: { code: 'invalid_datetime' },
  })
  .meta({ pattern: OFFSET_DATE_TIME_PATTERN.source, description: 'ISO-8601 date-time with offset or Z' });

/** A run name that is safe as part of a directory name (see SAFE_RUN_NAME). */
export const runNameSchema = z
  .string()
  .refine((text) => SAFE_RUN_NAME.test(text), {
    error: (issue) =>
      `run_name ${JSON.stringify(issue.input)} is not a safe name: use 1-128 letters, digits, '-', '_', '.' or inner spaces, starting and ending with a letter, digit, '-' or '_', without '/' or '..'`,
    params: { code: 'unsafe_run_name' },
  })
  .meta({ pattern: SAFE_RUN_NAME.source, description: 'Safe run name (slug alphabet)' });

/** A file or directory path; relative paths resolve against the config file's folder. */
export const pathSchema = z.string().min(1).meta({ description: 'Path, relative to the config file folder' });

/** A non-empty identifier without leading or trailing whitespace. */
export const identifierSchema = z
  .string()
  .refine((text) => text.length > 0 && text.trim() === text, {
    error: 'Expected a non-empty identifier without leading or trailing spaces',
    params: { code: 'invalid_identifier' },
  });

/** A number for messages, without floating-point noise (0.1 + 0.2 prints as 0.3). */
export function fmt(value: number): string {
  return String(Number(value.toPrecision(12)));
}
