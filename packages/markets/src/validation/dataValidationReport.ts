import type { LabIssue, MarketId, SeriesName } from '@euroflex/config';
import type { Series } from '../series';

/** Input of `validateData` / `loadMarketData`: plain values, so no config schema is needed. */
export interface DataValidationInput {
  /** Series file per slot (`data.<series>.actual_path`), absolute or relative to the cwd. */
  readonly files: Partial<Record<SeriesName, string>>;
  /** IANA time zone of the market (the adapter's unless the config says otherwise). */
  readonly timezone: string;
  /** Local delivery days, both included. */
  readonly window: { readonly startDate: string; readonly endDate: string };
  readonly marketId: MarketId;
  /** Local days before the window that must be covered too (persistence needs 1); default 0. */
  readonly historyDays?: number;
}

/** The check result of one series file. */
export interface SeriesValidation {
  readonly name: SeriesName;
  readonly file: string;
  readonly rows: number;
  readonly resolution: string;
  /** Problems that make the series unusable for the window (and its history days). */
  readonly issues: LabIssue[];
  /** Problems of the file outside the window and its history: reported, not blocking. */
  readonly warnings: LabIssue[];
}

/** What `euroflex validate-data` prints. `ok` is false iff any `issues` list is non-empty. */
export interface DataValidationReport {
  readonly ok: boolean;
  readonly marketId: MarketId;
  readonly timezone: string;
  readonly window: { readonly startDate: string; readonly endDate: string };
  readonly historyDays: number;
  readonly series: SeriesValidation[];
  /** Cross-series problems: invalid window, missing day-ahead, misalignment. */
  readonly issues: LabIssue[];
}

/** The series of a DataValidationInput as read, with their report (the series are the usable ones). */
export interface MarketData {
  readonly input: DataValidationInput;
  readonly series: Partial<Record<SeriesName, Series>>;
  readonly report: DataValidationReport;
}

/** Every blocking issue of a report, series by series then cross-series. */
export function reportIssues(report: DataValidationReport): LabIssue[] {
  return [...report.series.flatMap((entry) => entry.issues), ...report.issues];
}

/**
 * Split issues into those touching `[startMs, endMs)` (blocking) and the rest. An issue
 * without an instant (missing column, empty file) always blocks.
 */
export function partitionIssues(
  issues: readonly LabIssue[],
  bounds: { startMs: number; endMs: number } | undefined,
): { blocking: LabIssue[]; outside: LabIssue[] } {
  const blocking: LabIssue[] = [];
  const outside: LabIssue[] = [];
  for (const issue of issues) {
    const instantMs = issue.instant === undefined ? Number.NaN : Date.parse(issue.instant);
    if (bounds === undefined || Number.isNaN(instantMs) || (instantMs >= bounds.startMs && instantMs < bounds.endMs)) {
      blocking.push(issue);
    } else {
      outside.push(issue);
    }
  }
  return { blocking, outside };
}
