import { DataError, type LabIssue } from '@euroflex/config';
import { numberFromBytes, type NumberBytesOut } from '@euroflex/markets';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const MAX_ISSUES = 20;

/** The fix of a damaged run file (a table, summary.json, config_snapshot.yaml). */
export const RUN_DAMAGED = 'the file is damaged; write the run again (euroflex backtest)';

/** Cell boundaries of a CSV file (byte offsets), by row and column. */
export interface CsvCells {
  readonly header: readonly string[];
  readonly rowCount: number;
  /** Byte bounds `starts[r]..ends[r]` of one column's cells; `escaped[r]` = 1 where doubled quotes need unescaping. */
  column(index: number): { readonly starts: Int32Array; readonly ends: Int32Array; readonly escaped: Uint8Array };
}

/** Exact bounds of the cells of a row that had quotes (rare: only free-text cells). */
interface QuotedRow {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly escaped: Uint8Array;
}

/** Growable cell store. */
class CellStore {
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
  count = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
    this.escaped = new Uint8Array(Math.max(16, capacity));
  }

  push(start: number, end: number, flag: number): void {
    if (this.count === this.starts.length) {
      const size = this.starts.length * 2;
      const starts = new Int32Array(size);
      starts.set(this.starts);
      const ends = new Int32Array(size);
      ends.set(this.ends);
      const escaped = new Uint8Array(size);
      escaped.set(this.escaped);
      this.starts = starts;
      this.ends = ends;
      this.escaped = escaped;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = flag;
    this.count += 1;
  }
}

/** Text of a cell (UTF-8), doubled quotes unescaped where the cell had them. */
export function cellText(bytes: Buffer, start: number, end: number, escaped: number): string {
  const raw = bytes.toString('utf8', start, end);
  return escaped === 1 ? raw.replace(/""/g, '"') : raw;
}

/**
 * One record that has quoted cells, byte by byte from `pos`. Returns the cell count and
 * the position after the record's line end.
 */
function quotedRecord(bytes: Buffer, pos: number, store: CellStore, line: number, file: string): { cells: number; next: number } {
  const length = bytes.length;
  let cells = 0;
  for (;;) {
    if (bytes[pos] === QUOTE) {
      let at = pos + 1;
      let flag = 0;
      for (;;) {
        const close = bytes.indexOf(QUOTE, at);
        if (close < 0) {
          throw new DataError([{ path: '', code: 'csv_unterminated_quote', message: `a quote opened on line ${line} is never closed`, file, row: line }], file);
        }
        if (bytes[close + 1] === QUOTE) {
          flag = 1;
          at = close + 2;
          continue;
        }
        store.push(pos + 1, close, flag);
        pos = close + 1;
        break;
      }
    } else {
      const start = pos;
      while (pos < length && bytes[pos] !== COMMA && bytes[pos] !== LF && bytes[pos] !== CR) {
        pos += 1;
      }
      store.push(start, pos, 0);
    }
    cells += 1;
    if (bytes[pos] === COMMA) {
      pos += 1;
      continue;
    }
    if (bytes[pos] === CR) {
      pos += 1;
    }
    if (bytes[pos] === LF) {
      pos += 1;
    }
    return { cells, next: pos };
  }
}

function countLines(bytes: Buffer): number {
  let count = 1;
  for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) {
    count += 1;
  }
  return count;
}

/**
 * RFC 4180 tokenizer over the file's bytes (no decoding of the whole file: a year-long
 * table is tens of MB, and only the cells asked for are decoded later). Lines without a
 * quote, nearly all, take a tight loop; a line with quotes is re-read cell by cell. Every
 * record must have as many cells as the header; the first problems are reported at once.
 */
export function tokenizeCsv(bytes: Buffer, file: string): CsvCells {
  const length = bytes.length;
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (pos >= length) {
    throw new DataError([{ path: '', code: 'csv_empty', message: 'the file is empty: it should start with a header row', file }], file);
  }
  const headerStore = new CellStore(64);
  const first = quotedRecord(bytes, pos, headerStore, 1, file);
  const header: string[] = [];
  for (let k = 0; k < first.cells; k += 1) {
    header.push(cellText(bytes, headerStore.starts[k], headerStore.ends[k], headerStore.escaped[k]));
  }
  pos = first.next;
  const width = header.length;
  // Only cell starts are stored (row r's at r * width + column): an unquoted cell ends one
  // byte before the next one starts, the last one at the row's end. Rows with quotes keep
  // exact bounds aside. Cells beyond the header's width are counted, not kept.
  const lines = countLines(bytes);
  const starts = new Int32Array(lines * width);
  const rowEnds = new Int32Array(lines);
  const quotedRows = new Map<number, QuotedRow>();
  const quotedCells = new CellStore(width);
  const issues: LabIssue[] = [];
  let rows = 0;
  while (pos < length) {
    const line = rows + 2;
    const base = rows * width;
    let cells = 0;
    let i = pos;
    let quoted = false;
    starts[base] = pos;
    for (; i < length; i += 1) {
      const b = bytes[i];
      if (b === COMMA) {
        cells += 1;
        if (cells < width) {
          starts[base + cells] = i + 1;
        }
      } else if (b === LF) {
        break;
      } else if (b === QUOTE) {
        quoted = true;
        break;
      }
    }
    if (quoted) {
      quotedCells.count = 0;
      const record = quotedRecord(bytes, pos, quotedCells, line, file);
      cells = record.cells;
      pos = record.next;
      const kept = Math.min(cells, width);
      quotedRows.set(rows, {
        starts: quotedCells.starts.slice(0, kept),
        ends: quotedCells.ends.slice(0, kept),
        escaped: quotedCells.escaped.slice(0, kept),
      });
    } else {
      rowEnds[rows] = i > pos && bytes[i - 1] === CR ? i - 1 : i;
      cells += 1;
      pos = i + 1;
    }
    if (cells !== width && issues.length < MAX_ISSUES) {
      issues.push({
        path: '',
        code: 'csv_row_width',
        message: `line ${line} has ${cells} cells, the header has ${width}: ${RUN_DAMAGED}`,
        file,
        row: line,
      });
    }
    rows += 1;
  }
  if (issues.length > 0) {
    throw new DataError(issues, file);
  }
  return {
    header,
    rowCount: rows,
    column(index) {
      const out = { starts: new Int32Array(rows), ends: new Int32Array(rows), escaped: new Uint8Array(rows) };
      const lastColumn = index === width - 1;
      for (let r = 0, at = index; r < rows; r += 1, at += width) {
        out.starts[r] = starts[at];
        out.ends[r] = lastColumn ? rowEnds[r] : starts[at + 1] - 1;
      }
      for (const [r, exact] of quotedRows) {
        out.starts[r] = exact.starts[index];
        out.ends[r] = exact.ends[index];
        out.escaped[r] = exact.escaped[index];
      }
      return out;
    },
  };
}

/** Scratch for `numberFromBytes` (whether the cell was blank is not needed here). */
const parsed: NumberBytesOut = { blank: false };

/**
 * The number a cell spells, parsed from its bytes with the markets layer's parser of
 * canonical files (`numberFromBytes`: plain decimals, exactly as `Number(text)` reads them),
 * plus `Infinity` and `-Infinity`, which the run tables' writer prints for unbounded values
 * (market data files may not hold them). NaN marks a cell that is not a number.
 */
export function cellNumber(bytes: Buffer, start: number, end: number): number {
  const value = numberFromBytes(bytes, start, end, parsed);
  if (Number.isNaN(value) && end - start >= 8) {
    const text = bytes.toString('latin1', start, end);
    return text === 'Infinity' ? Infinity : text === '-Infinity' ? -Infinity : value;
  }
  return value;
}
