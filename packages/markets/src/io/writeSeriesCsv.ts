import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Series } from '../series';
import { formatSeriesCsv, type WriteSeriesOptions } from '../table/formatSeriesCsv';

/** Write `series` as a canonical CSV (see formatSeriesCsv), creating the folder if needed. */
export function writeSeriesCsv(path: string, series: Series, options: WriteSeriesOptions): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatSeriesCsv(series, options), 'utf8');
}
