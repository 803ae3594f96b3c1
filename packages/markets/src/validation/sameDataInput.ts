import { SERIES_NAMES } from '@euroflex/config';
import type { DataValidationInput } from './dataValidationReport';

/** True when both inputs name the same files for the same market, time zone, window and history. */
export function sameDataInput(a: DataValidationInput, b: DataValidationInput): boolean {
  return (
    a.marketId === b.marketId &&
    a.timezone === b.timezone &&
    a.window.startDate === b.window.startDate &&
    a.window.endDate === b.window.endDate &&
    (a.historyDays ?? 0) === (b.historyDays ?? 0) &&
    SERIES_NAMES.every((name) => a.files[name] === b.files[name])
  );
}
