import type { LabIssue, SeriesName } from '@euroflex/config';
import { adapterForZone, marketAdapters } from '../adapters/registry';
import { isoUtc } from '../calendar';
import { windowBoundsMs } from '../coverage';
import { resolutionLabel, resolutionMinutesOf } from '../resolution';
import { INTERVAL_H, INTERVAL_MS, type Series } from '../series';
import { assembleQuarterHours } from '../table/assembleQuarterHours';
import type { CsvTable } from '../table/csvTable';
import { zoneClock, type ZoneClock } from '../time/zoneClock';
import type { SeriesRows } from '../table/formatSeriesCsv';
import { coarseRows } from './coarseRows';
import { fillGaps, fillMethods, type FilledInstant, type FillOption } from './fillGaps';
import { normalizeOutput } from './normalizeOutput';
import { readForeignRows } from './readForeignRows';

/** How to read a foreign table (everything but the file paths of NormalizeOptions). */
export interface NormalizeTableOptions {
  /** Output series name (the `market` column). */
  readonly series: SeriesName;
  readonly timestampColumn: string;
  readonly valueColumn: string;
  /** Extra numeric columns to carry: output column name -> input column name (scaled like the value). */
  readonly extraColumns?: Readonly<Record<string, string>>;
  /** Zone of timestamps without an offset: `UTC` or an IANA zone (naive local times). */
  readonly timezone: string;
  /** luxon format of non-ISO timestamps (e.g. `ddLLLyyyy HH:mm:ss`), read as naive wall clock. */
  readonly timestampFormat?: string;
  /** Market time zone for `timestamp_local` and block grids; default from `zone`, else `timezone`. */
  readonly marketTimezone?: string;
  /** Multiply every value and extra column, e.g. 1000 for EUR/kWh -> EUR/MWh; default 1. */
  readonly unitFactor?: number;
  /**
   * The value (and each extra column) is an amount per input row's whole block, e.g. EUR/MW
   * per 4-hour product: divide it by the block's real length in hours on the market's local
   * grid (3 h and 5 h on DST days), after `unitFactor`. Default false.
   */
  readonly perBlockHour?: boolean;
  /** `1.234,56` numbers; default false. */
  readonly decimalComma?: boolean;
  /** Round values to this many decimals after scaling; default: only scaling noise is removed. */
  readonly decimals?: number;
  /** Resolution of the input rows (`PT15M` default, `PT60M`, `PT4H`). */
  readonly resolution?: string;
  /**
   * Write each whole input block as one row at the input resolution (`PT4H` rows for 4-hour
   * blocks), which readers expand again; default false: every quarter-hour a PT15M row.
   * Filled quarter-hours and partial blocks stay PT15M rows.
   */
  readonly keepResolution?: boolean;
  /**
   * Write each whole local block of this resolution (`PT60M`, `PT4H`) whose quarter-hours all
   * come from the input, none filled, with one value (and one value in each extra column) as
   * one row at this resolution, which readers expand again: for a source that repeats an
   * hourly price on its four quarter-hours. Coarser than the input resolution, and a multiple
   * of it; not with `keepResolution`. Every other quarter-hour stays a PT15M row.
   */
  readonly collapseTo?: string;
  /** Bidding-zone EIC for the `zone` column. */
  readonly zone?: string;
  /** `source` column label; default `normalized`. */
  readonly source?: string;
  /** Provenance tag of every row; default `normalized`. */
  readonly provenance?: string;
  /** Gap filling; default `none` (gaps are reported, never filled). */
  readonly fill?: FillOption;
  /** Keep only these local days and check them complete (both ends included). */
  readonly window?: { readonly startDate: string; readonly endDate: string };
}

/** The outcome of a normalisation: the canonical series, what was filled and what is wrong. */
export interface NormalizeResult {
  /** Undefined when nothing usable was found (missing columns, no valid row). */
  readonly series: Series | undefined;
  /** Provenance cell of each output row (expansion and fills recorded per row). */
  readonly rowProvenance: string[];
  /** Market time zone used for local labels ('' if it could not be told). */
  readonly marketTimezone: string;
  /** Data rows of the input. */
  readonly rows: number;
  /** Input problems (rows left out, DST, duplicates) and unfilled gaps. */
  readonly issues: LabIssue[];
  /** Quarter-hours still missing in the output (ISO UTC). */
  readonly gaps: string[];
  readonly filled: FilledInstant[];
  /** The rows to write with `keepResolution` or `collapseTo` (see `coarseRows`); undefined otherwise. */
  readonly outputRows?: SeriesRows;
}

/** Convert a foreign table into a canonical quarter-hour series (pure; see normalizeCsv). */
export function normalizeTable(table: CsvTable, options: NormalizeTableOptions, file?: string): NormalizeResult {
  const issues: LabIssue[] = [];
  const report = (issue: Omit<LabIssue, 'file'>): void => {
    issues.push(file === undefined ? issue : { ...issue, file });
  };
  const setup = checkSetup(table, options, report);
  const fail = (): NormalizeResult => ({
    series: undefined,
    rowProvenance: [],
    marketTimezone: setup?.market.timezone ?? '',
    rows: table.rowCount,
    issues,
    gaps: [],
    filled: [],
  });
  if (setup === undefined) {
    return fail();
  }
  const { market, minutes, collapseMinutes } = setup;
  const rows = readForeignRows(
    table,
    { ...options, extraColumns: Object.entries(options.extraColumns ?? {}), naiveClock: setup.naiveClock },
    report,
  );
  const assembly = assembleQuarterHours(
    { ...rows.samples, resolutionMinutes: rows.samples.instantsMs.map(() => minutes) },
    market,
  );
  for (const off of assembly.offGrid) {
    report({
      path: options.timestampColumn,
      code: 'resolution_mismatch',
      row: table.line(off.rowIndex),
      instant: isoUtc(off.instantMs),
      message: `the row does not start on a ${resolutionLabel(minutes)} boundary of ${market.timezone}; fix the timestamp or --resolution`,
    });
  }
  for (const duplicate of assembly.duplicates) {
    report({
      path: options.timestampColumn,
      code: 'duplicate_instant',
      row: table.line(duplicate.droppedRow),
      instant: isoUtc(duplicate.instantMs),
      message: `this instant is already given by row ${table.line(duplicate.keptRow)}; the later row is left out`,
    });
  }
  const count = assembly.instantsMs.length;
  if (count === 0 && options.window === undefined) {
    report({
      path: options.valueColumn,
      code: 'empty_file',
      message: 'no usable row found; check the column mapping, the time zone and the number format',
    });
    return fail();
  }
  let bounds: { startMs: number; endMs: number };
  try {
    bounds =
      options.window !== undefined
        ? windowBoundsMs({ ...options.window, timezone: market.timezone })
        : { startMs: assembly.instantsMs[0], endMs: assembly.instantsMs[count - 1] + INTERVAL_MS };
  } catch (error) {
    report({ path: 'window', code: 'invalid_window', message: `${(error as Error).message}; fix the window dates` });
    return fail();
  }
  const size = Math.round((bounds.endMs - bounds.startMs) / INTERVAL_MS);
  const grid = Float64Array.from({ length: size }, (_, i) => bounds.startMs + i * INTERVAL_MS);
  const values = new Float64Array(size).fill(Number.NaN);
  const columns: Record<string, Float64Array> = {};
  for (const name of Object.keys(rows.extras)) {
    columns[name] = new Float64Array(size).fill(Number.NaN);
  }
  const inputRow = new Int32Array(size).fill(-1);
  for (let k = 0; k < count; k += 1) {
    const i = Math.round((assembly.instantsMs[k] - bounds.startMs) / INTERVAL_MS);
    if (i >= 0 && i < size) {
      const r = assembly.sourceRows[k];
      inputRow[i] = r;
      values[i] = rows.values[r];
      for (const [name, column] of Object.entries(rows.extras)) {
        columns[name][i] = column[r];
      }
    }
  }
  if (options.perBlockHour === true) {
    perHourOfBlock(assembly.sourceRows, inputRow, [values, ...Object.values(columns)]);
  }
  const { filled, sourceIndex } = fillGaps(grid, values, columns, fillMethods(options.fill), market);
  const provenance = options.provenance ?? 'normalized';
  for (let i = 0; i < size; i += 1) {
    if (sourceIndex[i] >= 0) {
      inputRow[i] = -1;
    }
  }
  const output = normalizeOutput(
    {
      series: options.series,
      grid,
      values,
      columns,
      filled,
      sourceIndex,
      inputMinutes: minutes,
      provenance,
      source: options.source ?? 'normalized',
      zone: options.zone,
      unitFactor: options.unitFactor,
      file,
    },
    report,
  );
  const block =
    collapseMinutes !== undefined
      ? ({ minutes: collapseMinutes, rule: 'equal_values' } as const)
      : options.keepResolution === true
        ? ({ minutes, rule: 'input_rows' } as const)
        : undefined;
  const coarse =
    block !== undefined && output.series !== undefined
      ? { outputRows: coarseRows(output.series, output.rowProvenance, { startMs: bounds.startMs, inputRow }, block, provenance, market) }
      : {};
  return { ...output, marketTimezone: market.timezone, rows: table.rowCount, issues, filled, ...coarse };
}

/** Check columns, time zones and resolution before touching a row; undefined if unusable. */
function checkSetup(
  table: CsvTable,
  options: NormalizeTableOptions,
  report: (issue: Omit<LabIssue, 'file'>) => void,
): { market: ZoneClock; naiveClock: ZoneClock | undefined; minutes: number; collapseMinutes: number | undefined } | undefined {
  const header = table.header.map((cell) => cell.trim());
  const wanted = [options.timestampColumn, options.valueColumn, ...Object.values(options.extraColumns ?? {})];
  let ok = true;
  for (const name of wanted.filter((column) => !header.includes(column))) {
    report({
      path: name,
      code: 'missing_column',
      row: 1,
      message: `column \`${name}\` is not in the header (${header.join(', ')}); check the column mapping and the delimiter`,
    });
    ok = false;
  }
  const isUtc = ['UTC', 'Etc/UTC', 'GMT'].includes(options.timezone);
  const marketTimezone =
    options.marketTimezone ??
    (options.zone === undefined ? undefined : adapterForZone(options.zone)?.timezone) ??
    (isUtc ? undefined : options.timezone);
  if (marketTimezone === undefined) {
    report({
      path: 'timezone',
      code: 'missing_timezone',
      message: `cannot tell the market time zone for timestamp_local${options.zone === undefined ? '' : ` (--zone ${options.zone} is not a known bidding zone)`}: pass --zone with a known bidding-zone EIC (${marketAdapters()
        .map((adapter) => `${adapter.zoneEic} ${adapter.timezone}`)
        .join(', ')}), or --timezone with the market's IANA zone, e.g. Europe/Brussels`,
    });
    ok = false;
  }
  const minutes = resolutionMinutesOf(options.resolution ?? 'PT15M');
  if (minutes === undefined) {
    report({
      path: 'resolution',
      code: 'unknown_resolution',
      message: `resolution "${options.resolution}" is not supported; use PT15M, PT30M, PT60M (PT1H) or PT4H`,
    });
    ok = false;
  }
  const collapseMinutes = options.collapseTo === undefined ? undefined : resolutionMinutesOf(options.collapseTo);
  if (options.collapseTo !== undefined) {
    const problem =
      collapseMinutes === undefined
        ? `resolution "${options.collapseTo}" is not supported (--collapse-to); use PT30M, PT60M (PT1H) or PT4H`
        : options.keepResolution === true
          ? '--collapse-to cannot be combined with --keep-resolution; choose one'
          : minutes !== undefined && (collapseMinutes <= minutes || collapseMinutes % minutes !== 0)
            ? `--collapse-to ${options.collapseTo} must be coarser than the input resolution ${resolutionLabel(minutes)} and a whole multiple of it`
            : undefined;
    if (problem !== undefined) {
      report({ path: 'collapseTo', code: 'invalid_collapse', message: problem });
      ok = false;
    }
  }
  try {
    const market = marketTimezone === undefined ? undefined : zoneClock(marketTimezone);
    const naiveClock = isUtc ? undefined : zoneClock(options.timezone);
    return ok && market !== undefined && minutes !== undefined ? { market, naiveClock, minutes, collapseMinutes } : undefined;
  } catch (error) {
    report({
      path: 'timezone',
      code: 'invalid_timezone',
      message: `${(error as Error).message}; use UTC or an IANA zone`,
    });
    return undefined;
  }
}

/**
 * Divide each quarter-hour's value by the length in hours of the input row's block it comes
 * from (all its quarter-hours, `sourceRows`, also those outside the window): a per-block
 * amount becomes a per-hour one.
 */
function perHourOfBlock(sourceRows: ArrayLike<number>, inputRow: Int32Array, arrays: readonly Float64Array[]): void {
  const quarters = new Map<number, number>();
  for (let k = 0; k < sourceRows.length; k += 1) {
    quarters.set(sourceRows[k], (quarters.get(sourceRows[k]) ?? 0) + 1);
  }
  for (let i = 0; i < inputRow.length; i += 1) {
    const count = quarters.get(inputRow[i]);
    if (count !== undefined) {
      for (const values of arrays) {
        // 15 significant digits drop the division's float noise (39.48 / 3 is 13.16).
        values[i] = Number((values[i] / (count * INTERVAL_H)).toPrecision(15));
      }
    }
  }
}
