import type { LabIssue } from '@euroflex/config';
import { DateTime } from 'luxon';
import { isoUtc } from '../calendar';
import type { RowSamples } from '../table/assembleQuarterHours';
import type { CsvTable } from '../table/csvTable';
import { parseTimestamp } from '../time/parseTimestamp';
import type { ZoneClock } from '../time/zoneClock';
import { placeNaiveRows, type NaiveRow } from './localInstants';
import { parseNumber, type NumberFormat } from './parseNumber';

/** Where the columns of a foreign file are and how its cells are written. */
export interface ForeignLayout extends NumberFormat {
  readonly timestampColumn: string;
  readonly valueColumn: string;
  /** Output name -> input column. */
  readonly extraColumns: readonly (readonly [output: string, input: string])[];
  /** luxon format of non-ISO timestamps, read as naive wall clock. */
  readonly timestampFormat?: string;
  /** Zone of naive timestamps (undefined = UTC). */
  readonly naiveClock: ZoneClock | undefined;
}

/** Usable rows of a foreign file on the UTC time line, with their values. */
export interface ForeignRows {
  readonly samples: Omit<RowSamples, 'resolutionMinutes'>;
  readonly values: Float64Array;
  readonly extras: Record<string, Float64Array>;
}

/**
 * Parse timestamps and numbers of every row; naive local times are placed on the UTC line
 * (DST gap and repeat rules in localInstants.ts). Rows that cannot be used are reported.
 */
export function readForeignRows(
  table: CsvTable,
  layout: ForeignLayout,
  report: (issue: Omit<LabIssue, 'file'>) => void,
): ForeignRows {
  const header = table.header.map((cell) => cell.trim());
  const iTime = header.indexOf(layout.timestampColumn);
  const mapped = [[layout.valueColumn, layout.valueColumn] as const, ...layout.extraColumns];
  const numeric = mapped.map(([output, input]) => ({
    output,
    input,
    index: header.indexOf(input),
    values: new Float64Array(table.rowCount),
  }));
  const placed: { instantMs: number; rowIndex: number }[] = [];
  const naive: NaiveRow[] = [];
  for (let r = 0; r < table.rowCount; r += 1) {
    const cells = table.cells(r);
    const row = table.line(r);
    const cell = cells[iTime] ?? '';
    const time = readTime(cell, layout.timestampFormat);
    if (time === undefined) {
      const format =
        layout.timestampFormat === undefined ? 'an ISO-8601 timestamp' : `a timestamp in format ${layout.timestampFormat}`;
      report({
        path: layout.timestampColumn,
        code: 'invalid_timestamp',
        row,
        message: `"${cell}" is not ${format}; fix the row or the timestamp format`,
      });
      continue;
    }
    const isInstant = time.offsetMinutes !== undefined || layout.naiveClock === undefined;
    const bad = numeric.find((column) => {
      column.values[r] = parseNumber(cells[column.index] ?? '', layout);
      return Number.isNaN(column.values[r]);
    });
    if (bad !== undefined) {
      report({
        path: bad.input,
        code: 'invalid_value',
        row,
        ...(isInstant ? { instant: isoUtc(time.ms) } : {}),
        message: `"${cells[bad.index] ?? ''}" is not a number${layout.decimalComma === true ? ' (decimal comma expected)' : ''}; the row is left out (nothing is zero-filled)`,
      });
      continue;
    }
    if (isInstant) {
      placed.push({ instantMs: time.ms, rowIndex: r });
    } else {
      naive.push({ wallMs: time.ms, rowIndex: r });
    }
  }
  if (layout.naiveClock !== undefined && naive.length > 0) {
    placeLocalRows(naive, layout, table, placed, report);
  }
  placed.sort((a, b) => a.rowIndex - b.rowIndex);
  const extras: Record<string, Float64Array> = {};
  for (const column of numeric.slice(1)) {
    extras[column.output] = column.values;
  }
  return {
    samples: { instantsMs: placed.map((p) => p.instantMs), rowIndex: placed.map((p) => p.rowIndex) },
    values: numeric[0].values,
    extras,
  };
}

function placeLocalRows(
  naive: readonly NaiveRow[],
  layout: ForeignLayout,
  table: CsvTable,
  placed: { instantMs: number; rowIndex: number }[],
  report: (issue: Omit<LabIssue, 'file'>) => void,
): void {
  const clock = layout.naiveClock as ZoneClock;
  const result = placeNaiveRows(naive, clock);
  naive.forEach((row, i) => {
    if (!Number.isNaN(result.instantsMs[i])) {
      placed.push({ instantMs: result.instantsMs[i], rowIndex: row.rowIndex });
    }
  });
  const label = (row: NaiveRow): string => new Date(row.wallMs).toISOString().slice(0, 16).replace('T', ' ');
  for (const row of result.nonexistent) {
    report({
      path: layout.timestampColumn,
      code: 'nonexistent_local_time',
      row: table.line(row.rowIndex),
      message: `local time ${label(row)} does not exist in ${clock.timezone} (spring DST change); the row is left out`,
    });
  }
  for (const row of result.ambiguous) {
    report({
      path: layout.timestampColumn,
      code: 'ambiguous_local_time',
      row: table.line(row.rowIndex),
      message: `local time ${label(row)} occurs twice in ${clock.timezone} (autumn DST change) but once in the file, so its instant is unknown; the row is left out (export with UTC or offset timestamps)`,
    });
  }
}

/** UTC ms (with an offset, or a naive time read as UTC) or wall ms (naive, offset undefined). */
function readTime(
  cell: string,
  format: string | undefined,
): { ms: number; offsetMinutes: number | undefined } | undefined {
  if (format !== undefined) {
    const parsed = DateTime.fromFormat(cell.trim(), format, { zone: 'UTC' });
    return parsed.isValid ? { ms: parsed.toMillis(), offsetMinutes: undefined } : undefined;
  }
  const parsed = parseTimestamp(cell);
  if (parsed === undefined) {
    return undefined;
  }
  return { ms: parsed.wallMs - (parsed.offsetMinutes ?? 0) * 60_000, offsetMinutes: parsed.offsetMinutes };
}
