import type { LabIssue } from '@euroflex/config';
import { isoUtc, RATIO_RANGE_FIX } from '@euroflex/markets';
import type { ParsedForecastFile } from '../forecastFile';

const SHOWN_LINES = 5;

/**
 * One issue for every row of a ratio forecast whose value lies outside [0, 1] (`bad` are
 * row indexes, in file order): the first row's line, value and delivery instant, then how
 * many more rows and their first lines. Undefined when there are none.
 */
export function ratioRowsIssue(file: ParsedForecastFile, bad: readonly number[]): LabIssue | undefined {
  if (bad.length === 0) {
    return undefined;
  }
  const first = bad[0];
  const more = bad.slice(1);
  const shown = more.slice(0, SHOWN_LINES).map((i) => file.rows[i]).join(', ');
  const others =
    more.length === 0 ? '' : `; so ${more.length === 1 ? 'is 1 more row' : `are ${more.length} more rows`} (line${more.length === 1 ? '' : 's'} ${shown}${more.length > SHOWN_LINES ? ', ...' : ''})`;
  const startMs = file.deliveryStartMs[first];
  return {
    path: 'forecast_price_eur_per_mwh',
    code: 'ratio_out_of_range',
    file: file.path,
    row: file.rows[first],
    ...(Number.isFinite(startMs) ? { instant: isoUtc(startMs) } : {}),
    message: `activation ratio ${file.values[first]} is outside [0, 1]${others}; ${RATIO_RANGE_FIX}`,
  };
}
