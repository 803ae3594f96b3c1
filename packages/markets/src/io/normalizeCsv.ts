import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { normalizeTable, type NormalizeResult, type NormalizeTableOptions } from '../normalize/normalizeTable';
import { parseCsvText } from './csvText';
import { decodeText } from './readSeriesFile';
import { writeSeriesCsv } from './writeSeriesCsv';

/**
 * Options of `normalizeCsv`, one per `euroflex normalize` flag: `--input`, `--output`,
 * `--series`, `--timestamp-column`, `--value-column`, `--timezone`, `--unit-factor`,
 * `--delimiter`, `--decimal-comma`, `--resolution`, `--keep-resolution`, `--collapse-to`, `--zone`,
 * `--source`, `--fill`.
 */
export interface NormalizeOptions extends NormalizeTableOptions {
  /** Foreign CSV to read. */
  readonly input: string;
  /** Canonical CSV to write; nothing is written when omitted or when no row is usable. */
  readonly output?: string;
  /** Field delimiter of the input (`,` default, `;` for many European exports). */
  readonly delimiter?: string;
  /** `quality_status` of the output rows; default `unknown`. */
  readonly qualityStatus?: string;
  /**
   * Write the output only when no issue and no gap remains (the CLI does), so a failed
   * conversion leaves no file that looks like good canonical data. Defaults to false:
   * written when any row is usable, problems reported alongside.
   */
  readonly onlyWhenClean?: boolean;
}

/**
 * Convert a foreign CSV into the canonical series format: column mapping, time zone of the
 * timestamps (DST gaps and repeats reported), number format, unit factor, resolution
 * (expanded to quarter-hours, or kept with `keepResolution`; repeated values collapsed with
 * `collapseTo`) and an opt-in fill recorded per row. Input problems and remaining gaps come
 * back as issues; the output is written when any row is usable (with `onlyWhenClean`, only
 * when there are none).
 */
export function normalizeCsv(options: NormalizeOptions): NormalizeResult & { written: boolean } {
  let text: string;
  try {
    text = decodeText(readFileSync(options.input));
  } catch (error) {
    return {
      series: undefined,
      rowProvenance: [],
      marketTimezone: options.marketTimezone ?? '',
      rows: 0,
      issues: [{ path: 'input', code: 'file_not_found', file: options.input, message: `cannot read the input (${String(error)}); check --input` }],
      gaps: [],
      filled: [],
      written: false,
    };
  }
  const table = parseCsvText(text, options.delimiter ?? ',');
  const result = normalizeTable(
    table,
    { ...options, provenance: options.provenance ?? `normalized_from_${basename(options.input)}` },
    options.input,
  );
  const clean = result.issues.length === 0 && result.gaps.length === 0;
  if (options.output === undefined || result.series === undefined || (options.onlyWhenClean === true && !clean)) {
    return { ...result, written: false };
  }
  writeSeriesCsv(options.output, result.series, {
    timezone: result.marketTimezone,
    rowProvenance: result.rowProvenance,
    ...(result.outputRows === undefined ? {} : { rows: result.outputRows }),
    ...(options.qualityStatus === undefined ? {} : { qualityStatus: options.qualityStatus }),
  });
  return { ...result, written: true };
}
