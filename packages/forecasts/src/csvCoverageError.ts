import { UserError, type LabIssue } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import type { ForecastRequest } from './contract';
import type { ParsedForecastFile } from './forecastFile';

const SHOWN_INSTANTS = 5;

/** The first few instants as ISO UTC, with `...` when there are more. */
export function firstInstants(instantsMs: readonly number[]): string {
  const shown = instantsMs.slice(0, SHOWN_INSTANTS).map(isoUtc).join(', ');
  return instantsMs.length > SHOWN_INSTANTS ? `${shown}, ...` : shown;
}

/**
 * A csv forecast does not cover the requested delivery window at a decision: some instants
 * have no row, others only have vintages available after the decision (look-ahead).
 * @param scenarioId names the scenario of a bundle whose rows were searched.
 */
export function csvCoverageError(
  request: ForecastRequest,
  file: ParsedForecastFile,
  absent: readonly number[],
  hidden: readonly number[],
  earliestHiddenMs: number,
  scenarioId?: string,
): UserError {
  const decision = isoUtc(request.decisionTimeMs);
  const subject = scenarioId === undefined ? `\`${request.series}\`` : `\`${request.series}\` scenario "${scenarioId}"`;
  const issues: LabIssue[] = [];
  if (absent.length > 0) {
    issues.push({
      path: `forecast_provider.${request.series}_path`,
      code: 'forecast_missing',
      file: file.path,
      instant: isoUtc(absent[0]),
      message:
        `no forecast row for ${absent.length} requested delivery interval(s) of ${subject} ` +
        `(first: ${firstInstants(absent)}); add rows for them`,
    });
  }
  if (hidden.length > 0) {
    issues.push({
      path: `forecast_provider.${request.series}_path`,
      code: 'forecast_lookahead',
      file: file.path,
      instant: isoUtc(hidden[0]),
      message:
        `${hidden.length} requested delivery interval(s) of ${subject} only have vintages available after ` +
        `the decision time ${decision} (first: ${firstInstants(hidden)}; earliest available_from_utc ${isoUtc(earliestHiddenMs)}): ` +
        `using them would need look-ahead; add a vintage available by ${decision}`,
    });
  }
  const message = `${file.path}: the ${subject} forecast does not cover the delivery window at ${decision}`;
  return new UserError(message, issues, file.path);
}
