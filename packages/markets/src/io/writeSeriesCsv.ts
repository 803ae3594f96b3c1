import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeDirectory } from '@euroflex/config';
import type { Series } from '../series';
import { formatSeriesCsv, type WriteSeriesOptions } from '../table/formatSeriesCsv';

/** Write `series` as a canonical CSV (see formatSeriesCsv), creating the folder if needed (one level at a time, see makeDirectory). */
export function writeSeriesCsv(path: string, series: Series, options: WriteSeriesOptions): void {
  makeDirectory(dirname(path));
  writeFileSync(path, formatSeriesCsv(series, options), 'utf8');
}
