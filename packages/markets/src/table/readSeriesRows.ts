import type { LabIssue, SeriesName } from '@euroflex/config';
import { isoUtc } from '../calendar';
import { parseDecimal } from '../parseDecimal';
import { isRatioInRange, isRatioSeries, RATIO_RANGE_FIX } from '../ratio';
import { resolutionMinutesFromNumber, resolutionMinutesOf } from '../resolution';
import { parseTimestampInto } from '../time/parseTimestamp';
import type { ZoneClock } from '../time/zoneClock';
import type { RowSamples } from './assembleQuarterHours';
import { CanonicalRowReader, type SeriesColumns } from './canonicalRows';
import { checkLocalTimestamp } from './checkLocalTimestamp';
import type { CsvTable } from './csvTable';
import type { ExtraColumnReader } from './extraColumns';

/** What the row pass found. */
export interface SeriesRows {
  readonly samples: RowSamples;
  /** Value of each data row (by row index; only usable rows are read later). */
  readonly values: Float64Array;
  /** Instants of rows left out for a reported reason: not reported again as gaps. */
  readonly reported: Set<number>;
  readonly source: string;
  readonly zone: string;
  /** Rows whose provenance says they were filled. */
  readonly filledRows: number;
}

/**
 * One pass over the data rows: parse, check and collect the usable ones. Per-row work is
 * kept allocation-free on the happy path (a year is 35,136 rows); ISO labels for issues
 * are built only when an issue is reported. Tables read from bytes take canonical rows
 * through `CanonicalRowReader` without cell strings; every other row (and every row with
 * an issue) goes through the checks below.
 */
export function readSeriesRows(
  table: CsvTable,
  columns: SeriesColumns,
  options: { readonly name: SeriesName; readonly expectedZone?: string },
  clock: ZoneClock,
  extras: ExtraColumnReader,
  report: (issue: Omit<LabIssue, 'file'>) => void,
): SeriesRows {
  const width = table.header.length;
  const values = new Float64Array(table.rowCount);
  // Sized for every row up front (growing three arrays row by row costs more than the rows' checks); cut to `kept` at the end.
  const instantsMs = new Array<number>(table.rowCount);
  const rowIndex = new Array<number>(table.rowCount);
  const resolutionMinutes = new Array<number>(table.rowCount);
  let kept = 0;
  const reported = new Set<number>();
  const parsed = { wallMs: 0, offsetMinutes: undefined as number | undefined };
  const rowResolution = resolutionReader();
  const isRatio = isRatioSeries(options.name);
  const resolutionPath = columns.resolution >= 0 ? 'resolution' : 'resolution_minutes';
  let source = '';
  let zone = '';
  let filledRows = 0;
  const canonical =
    table.rowBytes === undefined
      ? undefined
      : new CanonicalRowReader(table.rowBytes, width, columns, options.name, options.expectedZone, isRatio, clock, extras, rowResolution);
  for (let r = 0; r < table.rowCount; r += 1) {
    if (canonical !== undefined && canonical.accept(r)) {
      // A plainly canonical row read from bytes: the same effects as the usable-row tail below.
      canonical.commitExtras(r);
      values[r] = canonical.value;
      instantsMs[kept] = canonical.instantMs;
      rowIndex[kept] = r;
      resolutionMinutes[kept] = canonical.minutes;
      kept += 1;
      // The first non-blank source and zone (a file may leave a column empty on every row).
      if (source === '' && columns.source >= 0 && !canonical.cellBlank(columns.source)) {
        source = canonical.cellText(columns.source).trim();
      }
      if (zone === '' && columns.zone >= 0 && !canonical.cellBlank(columns.zone)) {
        zone = canonical.cellText(columns.zone).trim();
      }
      if (columns.provenance >= 0 && canonical.provenanceFilled()) {
        filledRows += 1;
      }
      continue;
    }
    const cells = table.cells(r);
    const row = table.line(r);
    if (cells.length !== width) {
      const known = parseTimestampInto(cells[columns.utc] ?? '', parsed);
      const instantMs = parsed.wallMs - (parsed.offsetMinutes ?? 0) * 60_000;
      report({
        path: '',
        code: 'malformed_row',
        row,
        ...(known ? { instant: isoUtc(instantMs) } : {}),
        message: `the row has ${cells.length} fields but the header has ${width}; fix the delimiter or quoting`,
      });
      if (known) {
        reported.add(instantMs);
      }
      continue;
    }
    if (!parseTimestampInto(cells[columns.utc], parsed)) {
      report({
        path: 'timestamp_utc',
        code: 'invalid_timestamp',
        row,
        message: `"${cells[columns.utc]}" is not an ISO-8601 timestamp (e.g. 2025-06-16T22:00:00Z); fix or remove the row`,
      });
      continue;
    }
    const instantMs = parsed.wallMs - (parsed.offsetMinutes ?? 0) * 60_000;
    const minutes = rowResolution(cells[columns.resolution] ?? '', cells[columns.resolutionMinutes] ?? '');
    if (minutes === undefined) {
      const given = columns.resolution >= 0 ? cells[columns.resolution] : cells[columns.resolutionMinutes];
      report({
        path: resolutionPath,
        code: 'unknown_resolution',
        row,
        instant: isoUtc(instantMs),
        message: `resolution "${given}" is not supported; use PT15M, PT30M, PT60M (PT1H) or PT4H (or 15/30/60/240 in resolution_minutes)`,
      });
      reported.add(instantMs);
      continue;
    }
    const localProblem = checkLocalTimestamp(cells[columns.local], instantMs, clock);
    if (localProblem !== undefined) {
      report({
        path: 'timestamp_local',
        code: 'local_time_mismatch',
        row,
        instant: isoUtc(instantMs),
        message: localProblem,
      });
    }
    const market = cells[columns.market].trim();
    if (market !== options.name) {
      report({
        path: 'market',
        code: 'market_mismatch',
        row,
        instant: isoUtc(instantMs),
        message: `market is "${market}" but the file is configured as ${options.name}; point data.${options.name} at the right file or fix the column`,
      });
    }
    const rowZone = columns.zone >= 0 ? cells[columns.zone].trim() : '';
    if (options.expectedZone !== undefined && rowZone !== '' && rowZone !== options.expectedZone) {
      report({
        path: 'zone',
        code: 'zone_mismatch',
        row,
        instant: isoUtc(instantMs),
        message: `zone "${rowZone}" is not the market's bidding zone ${options.expectedZone}; use data of the configured market`,
      });
    }
    const valueCell = cells[columns.value].trim();
    const value = parseDecimal(valueCell);
    let usable = true;
    if (!Number.isFinite(value)) {
      report({
        path: 'price_eur_per_mwh',
        code: 'invalid_value',
        row,
        instant: isoUtc(instantMs),
        message: invalidValueMessage(valueCell),
      });
      usable = false;
    } else if (isRatio && !isRatioInRange(value)) {
      report({
        path: 'price_eur_per_mwh',
        code: 'ratio_out_of_range',
        row,
        instant: isoUtc(instantMs),
        message: `activation ratio ${valueCell} is outside [0, 1]; ${RATIO_RANGE_FIX}`,
      });
      usable = false;
    }
    extras.read(r, cells);
    for (const required of extras.required) {
      if (!Number.isFinite(required.values[r])) {
        report({
          path: required.name,
          code: 'invalid_value',
          row,
          instant: isoUtc(instantMs),
          message: invalidValueMessage(cells[required.index].trim()),
        });
        usable = false;
      }
    }
    if (!usable) {
      reported.add(instantMs);
      continue;
    }
    values[r] = value;
    instantsMs[kept] = instantMs;
    rowIndex[kept] = r;
    resolutionMinutes[kept] = minutes;
    kept += 1;
    if (source === '' && columns.source >= 0) {
      source = cells[columns.source].trim();
    }
    if (zone === '') {
      zone = rowZone;
    }
    if (columns.provenance >= 0 && cells[columns.provenance].includes('filled_')) {
      filledRows += 1;
    }
  }
  instantsMs.length = kept;
  rowIndex.length = kept;
  resolutionMinutes.length = kept;
  const samples: RowSamples = { instantsMs, rowIndex, resolutionMinutes };
  return { samples, values, reported, source, zone, filledRows };
}

/** Resolution of a row from its `resolution` cell, else its `resolution_minutes` cell (memoised). */
function resolutionReader(): (codeCell: string, minutesCell: string) => number | undefined {
  const codes = new Map<string, number | undefined>();
  const minutes = new Map<string, number | undefined>();
  return (codeCell, minutesCell) => {
    if (codeCell.trim() !== '') {
      if (!codes.has(codeCell)) {
        codes.set(codeCell, resolutionMinutesOf(codeCell));
      }
      return codes.get(codeCell);
    }
    if (!minutes.has(minutesCell)) {
      minutes.set(minutesCell, resolutionMinutesFromNumber(minutesCell));
    }
    return minutes.get(minutesCell);
  };
}

function invalidValueMessage(cell: string): string {
  if (cell === '') {
    return 'the value is blank; nothing is zero-filled: supply the value, or drop the row and fill the gap explicitly (`euroflex normalize --fill same-hour|previous`)';
  }
  return `"${cell}" is not a finite number; write numbers with a dot as decimal separator (convert with \`euroflex normalize --decimal-comma\`)`;
}
