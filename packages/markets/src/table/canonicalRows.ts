import type { ZoneClock } from '../time/zoneClock';
import { asciiText, numberFromBytes, parseIsoBytes, type IsoBytesOut, type NumberBytesOut } from './canonicalCells';
import type { CsvRowBytes } from './csvTable';
import type { ExtraColumnReader } from './extraColumns';
import { isRatioInRange } from '../ratio';

/** Column positions of a canonical file (-1 = absent). */
export interface SeriesColumns {
  readonly utc: number;
  readonly local: number;
  readonly market: number;
  readonly resolution: number;
  readonly resolutionMinutes: number;
  readonly value: number;
  readonly source: number;
  readonly zone: number;
  readonly provenance: number;
}

const MINUTE_MS = 60_000;

function sameBytes(bytes: Uint8Array, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart) {
    return false;
  }
  for (let i = 0; i < end - start; i += 1) {
    if (bytes[start + i] !== bytes[otherStart + i]) {
      return false;
    }
  }
  return true;
}

function equalsText(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) {
    return false;
  }
  for (let i = 0; i < text.length; i += 1) {
    if (bytes[start + i] !== text.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

/**
 * The fast path of the row pass (`readSeriesRows`) for files read as bytes. `accept(r)`
 * takes a row only when it is plainly canonical and raises no issue: the right number of
 * cells, `YYYY-MM-DDTHH:MM:SS` timestamps with `Z` or `±HH:MM`, a local time that is the
 * same instant at the zone's offset, the configured market, a known resolution, the
 * expected zone (or none), finite numbers. It then holds what the generic pass would have
 * computed for the row (same `Date.UTC`, same resolver, numbers equal to `Number(text)`),
 * and nothing has been recorded yet. Any other row is left to the generic pass, which
 * reports it exactly as before: the fast path never writes an issue.
 */
export class CanonicalRowReader {
  /** Of the accepted row. */
  instantMs = 0;
  minutes = 0;
  value = 0;
  private readonly cellStart: Int32Array;
  private readonly cellEnd: Int32Array;
  private readonly extraValues: Float64Array;
  private readonly extraBlank: Uint8Array;
  private readonly extraRequired: Uint8Array;
  private readonly stamp: IsoBytesOut = { wallMs: 0, offsetMinutes: 0, dayKey: -1, dayMs: 0 };
  private readonly parsed: NumberBytesOut = { blank: false };
  /** Cell bounds of the last resolution cells resolved (-1: none yet), and their answer. */
  private resolutionAt = [-1, -1, -1, -1];
  private resolved: number | undefined = undefined;
  /** Cell bounds of the last provenance cell looked at, and whether it says filled. */
  private provenanceAt = [-1, -1];
  private filled = false;

  constructor(
    private readonly rows: CsvRowBytes,
    private readonly width: number,
    private readonly columns: SeriesColumns,
    private readonly name: string,
    private readonly expectedZone: string | undefined,
    private readonly isRatio: boolean,
    private readonly clock: ZoneClock,
    private readonly extras: ExtraColumnReader,
    private readonly resolve: (codeCell: string, minutesCell: string) => number | undefined,
  ) {
    this.cellStart = new Int32Array(width);
    this.cellEnd = new Int32Array(width);
    this.extraValues = new Float64Array(extras.all.length);
    this.extraBlank = new Uint8Array(extras.all.length);
    this.extraRequired = Uint8Array.from(extras.all, (column) => (extras.required.includes(column) ? 1 : 0));
  }

  /** Whether data row `r` is plainly canonical (see the class comment). Records nothing. */
  accept(r: number): boolean {
    const { bytes, delimiter } = this.rows;
    const cellStart = this.cellStart;
    const cellEnd = this.cellEnd;
    const end = this.rows.end[r];
    let c = 0;
    cellStart[0] = this.rows.start[r];
    for (let i = cellStart[0]; i < end; i += 1) {
      if (bytes[i] === delimiter) {
        cellEnd[c] = i;
        c += 1;
        if (c === this.width) {
          return false;
        }
        cellStart[c] = i + 1;
      }
    }
    cellEnd[c] = end;
    if (c !== this.width - 1) {
      return false;
    }
    const columns = this.columns;
    const stamp = this.stamp;
    if (!parseIsoBytes(bytes, cellStart[columns.utc], cellEnd[columns.utc], stamp)) {
      return false;
    }
    const instantMs = stamp.wallMs - stamp.offsetMinutes * MINUTE_MS;
    if (
      !parseIsoBytes(bytes, cellStart[columns.local], cellEnd[columns.local], stamp) ||
      stamp.wallMs - stamp.offsetMinutes * MINUTE_MS !== instantMs ||
      stamp.offsetMinutes !== this.clock.offsetMinutes(instantMs)
    ) {
      return false;
    }
    const minutes = this.resolution();
    if (minutes === undefined || !equalsText(bytes, cellStart[columns.market], cellEnd[columns.market], this.name)) {
      return false;
    }
    if (columns.zone >= 0 && this.expectedZone !== undefined) {
      const zoneStart = cellStart[columns.zone];
      const zoneEnd = cellEnd[columns.zone];
      if (zoneEnd > zoneStart && !equalsText(bytes, zoneStart, zoneEnd, this.expectedZone)) {
        return false;
      }
    }
    const value = numberFromBytes(bytes, cellStart[columns.value], cellEnd[columns.value], this.parsed);
    if (!Number.isFinite(value) || (this.isRatio && !isRatioInRange(value))) {
      return false;
    }
    const all = this.extras.all;
    for (let k = 0; k < all.length; k += 1) {
      const index = all[k].index;
      const extra = numberFromBytes(bytes, cellStart[index], cellEnd[index], this.parsed);
      if (this.extraRequired[k] === 1 && !Number.isFinite(extra)) {
        return false;
      }
      this.extraValues[k] = extra;
      this.extraBlank[k] = this.parsed.blank ? 1 : 0;
    }
    this.instantMs = instantMs;
    this.minutes = minutes;
    this.value = value;
    return true;
  }

  /** Record the accepted row's extra columns (as `ExtraColumnReader.read` would). */
  commitExtras(r: number): void {
    for (let k = 0; k < this.extraValues.length; k += 1) {
      this.extras.set(r, k, this.extraValues[k], this.extraBlank[k] === 1);
    }
  }

  /** Text of cell `column` of the accepted row, untrimmed (as `CsvTable.cells` gives it). */
  cellText(column: number): string {
    return asciiText(this.rows.bytes, this.cellStart[column], this.cellEnd[column]);
  }

  /** Whether cell `column` of the accepted row is empty once trimmed (only ASCII whitespace), without making its text. */
  cellBlank(column: number): boolean {
    const bytes = this.rows.bytes;
    for (let i = this.cellStart[column]; i < this.cellEnd[column]; i += 1) {
      const byte = bytes[i];
      if (byte !== 32 && (byte < 9 || byte > 13)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the accepted row's provenance cell contains `filled_`; equal cells in a row are looked at once. */
  provenanceFilled(): boolean {
    const start = this.cellStart[this.columns.provenance];
    const end = this.cellEnd[this.columns.provenance];
    const [lastStart, lastEnd] = this.provenanceAt;
    if (lastStart < 0 || !sameBytes(this.rows.bytes, start, end, lastStart, lastEnd)) {
      this.filled = asciiText(this.rows.bytes, start, end).includes('filled_');
      this.provenanceAt = [start, end];
    }
    return this.filled;
  }

  /** Minutes of the row's resolution cells, through the generic resolver; repeated cells are resolved once. */
  private resolution(): number | undefined {
    const { resolution, resolutionMinutes } = this.columns;
    const bytes = this.rows.bytes;
    const at = this.resolutionAt;
    const codeStart = resolution >= 0 ? this.cellStart[resolution] : 0;
    const codeEnd = resolution >= 0 ? this.cellEnd[resolution] : 0;
    const minutesStart = resolutionMinutes >= 0 ? this.cellStart[resolutionMinutes] : 0;
    const minutesEnd = resolutionMinutes >= 0 ? this.cellEnd[resolutionMinutes] : 0;
    if (at[0] < 0 || !sameBytes(bytes, codeStart, codeEnd, at[0], at[1]) || !sameBytes(bytes, minutesStart, minutesEnd, at[2], at[3])) {
      this.resolved = this.resolve(asciiText(bytes, codeStart, codeEnd), asciiText(bytes, minutesStart, minutesEnd));
      this.resolutionAt = [codeStart, codeEnd, minutesStart, minutesEnd];
    }
    return this.resolved;
  }
}
