import { UserError, type LabIssue } from '@euroflex/config';
import { INTERVAL_MS, isoLocal, isoUtc, type PublicationRule, type Series } from '@euroflex/markets';
import type { ForecastRequest } from './contract';
import { persistenceDaysBack } from './historyDays';

function describeHistory(history: Series, timezone: string): string {
  const count = history.instantsMs.length;
  if (count === 0) {
    return 'no value of it is visible yet';
  }
  const first = isoLocal(history.instantsMs[0], timezone);
  const end = isoLocal(history.instantsMs[count - 1] + INTERVAL_MS, timezone);
  return `the visible data start at ${first} and end at ${end}`;
}

/** What to do when the visible history lacks the day persistence reads: how much history, in which file. */
export function historyAdvice(request: ForecastRequest, deliveryDateIso: string, rule: PublicationRule | undefined): string {
  const file = request.history.provenance.path;
  const where = file === undefined ? `data.${request.series}` : file;
  if (rule === undefined) {
    return `add history before the delivery window to ${where} or start the delivery window later (\`euroflex validate-data\` says how many days the publication lags need)`;
  }
  const days = persistenceDaysBack(rule, request.decisionTimeMs, deliveryDateIso, request.timezone);
  const lag = rule.lagMinutes === 0 ? 'its publication' : `its publication lag of ${rule.lagMinutes} minutes`;
  return (
    `with ${lag}, persistence reads the data ${days} day${days === 1 ? '' : 's'} before delivery day ${deliveryDateIso}: ` +
    `add ${days} day${days === 1 ? '' : 's'} of history before the delivery window to ${where}, or start the delivery window ` +
    `${days} day${days === 1 ? '' : 's'} after the first day of its data`
  );
}

export function historyMissing(request: ForecastRequest, message: string): UserError {
  const file = request.history.provenance.path;
  const issue: LabIssue = {
    path: `data.${request.series}`,
    code: 'persistence_history_missing',
    message,
    instant: isoUtc(request.decisionTimeMs),
    ...(file === undefined ? {} : { file }),
  };
  return new UserError(message, [issue], file);
}

export function noCompleteDay(request: ForecastRequest, deliveryDateIso: string, rule: PublicationRule | undefined): UserError {
  const { series, timezone, decisionTimeMs } = request;
  const message =
    `persistence needs a fully visible local day of \`${series}\` for delivery day ${deliveryDateIso} ` +
    `at the decision time ${isoLocal(decisionTimeMs, timezone)}: ${describeHistory(request.history, timezone)}; ` +
    historyAdvice(request, deliveryDateIso, rule);
  return historyMissing(request, message);
}
