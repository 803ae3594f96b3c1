import { readFileSync } from 'node:fs';
import { DataError, type LabIssue } from '@euroflex/config';

/**
 * One table of a run directory read back from its CSV (`docs/artifacts.md`): the header
 * row names the columns, an empty cell is a missing value. Cells are converted only
 * when a column is asked for, and each column only once.
 */
export interface RunTable {
  /** Table name, e.g. `site_dispatch`. */
  readonly name: string;
  /** Absolute path of the CSV file. */
  readonly file: string;
  /** Data rows (the header excluded). */
  readonly rowCount: number;
  /** Column names in file order. */
  readonly columns: readonly string[];
  /** True when the table has this column. */
  has(column: string): boolean;
  /** Text of every cell of a column (`''` = missing). Throws a DataError if the column is absent. */
  text(column: string): readonly string[];
  /**
   * Numbers of a column, NaN where the cell is empty. A cell that is not a number is a
   * DataError naming the file, line and column. Throws if the column is absent.
   */
  numbers(column: string): Float64Array;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const MAX_ISSUES = 20;

/** Cell boundaries of a CSV text: `starts[k]..ends[k]` of cell k (row-major), quote flags. */
interface Cells {
  readonly header: readonly string[];
  readonly rowCount: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 where the cell was quoted and holds doubled quotes to unescape. */
  readonly escaped: Uint8Array;
}

function unescape(text: string, start: number, end: number, escaped: number): string {
  const raw = text.slice(start, end);
  return escaped === 1 ? raw.replace(/""/g, '"') : raw;
}

function countLines(text: string): number {
  let count = 0;
  let at = text.indexOf('\n');
  while (at >= 0) {
    count += 1;
    at = text.indexOf('\n', at + 1);
  }
  return count + 1;
}

/** Growable cell store: offsets of each cell, row-major. */
class CellStore {
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
  count = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.escaped = new Uint8Array(capacity);
  }

  push(start: number, end: number, flag: number): void {
    if (this.count === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(from: T, make: (n: number) => T): T => {
        const to = make(Math.max(16, from.length * 2));
        to.set(from);
        return to;
      };
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
      this.escaped = grow(this.escaped, (n) => new Uint8Array(n));
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = flag;
    this.count += 1;
  }
}

/**
 * One record with quoted cells, character by character, from `pos`. Returns the cell
 * count and the position after the record's line end.
 */
function quotedRecord(text: string, pos: number, store: CellStore, line: number, file: string): { cells: number; next: number } {
  const length = text.length;
  let cells = 0;
  for (;;) {
    if (text.charCodeAt(pos) === QUOTE) {
      let at = pos + 1;
      let flag = 0;
      for (;;) {
        const close = text.indexOf('"', at);
        if (close < 0) {
          throw new DataError([{ path: '', code: 'csv_unterminated_quote', message: `a quote opened on line ${line} is never closed`, file, row: line }], file);
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
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
      let c = text.charCodeAt(pos);
      while (pos < length && c !== COMMA && c !== LF && c !== CR) {
        pos += 1;
        c = text.charCodeAt(pos);
      }
      store.push(start, pos, 0);
    }
    cells += 1;
    if (text.charCodeAt(pos) === COMMA) {
      pos += 1;
      continue;
    }
    if (text.charCodeAt(pos) === CR) {
      pos += 1;
    }
    if (text.charCodeAt(pos) === LF) {
      pos += 1;
    }
    return { cells, next: pos };
  }
}

/**
 * RFC 4180 tokenizer: one pass over the text, recording cell offsets only. Lines without
 * a quote (nearly all) are split with indexOf, which is several times faster than a loop
 * over characters on a year-long table. Every record must have as many cells as the
 * header; the first problems found are reported at once.
 */
function tokenize(text: string, file: string): Cells {
  const length = text.length;
  const issues: LabIssue[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (pos >= length) {
    throw new DataError([{ path: '', code: 'csv_empty', message: 'the file is empty: it should start with a header row', file }], file);
  }
  const headerStore = new CellStore(64);
  const first = quotedRecord(text, pos, headerStore, 1, file);
  const header: string[] = [];
  for (let k = 0; k < first.cells; k += 1) {
    header.push(unescape(text, headerStore.starts[k], headerStore.ends[k], headerStore.escaped[k]));
  }
  pos = first.next;
  const width = header.length;
  const store = new CellStore(countLines(text) * width);
  let nextQuote = text.indexOf('"', pos);
  let rows = 0;
  while (pos < length) {
    const line = rows + 2;
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) {
      lineEnd = length;
    }
    let cells = 0;
    if (nextQuote < 0 || nextQuote > lineEnd) {
      const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      let start = pos;
      for (;;) {
        let comma = text.indexOf(',', start);
        if (comma < 0 || comma > contentEnd) {
          comma = contentEnd;
        }
        store.push(start, comma, 0);
        cells += 1;
        if (comma === contentEnd) {
          break;
        }
        start = comma + 1;
      }
      pos = lineEnd + 1;
    } else {
      const record = quotedRecord(text, pos, store, line, file);
      cells = record.cells;
      pos = record.next;
      nextQuote = text.indexOf('"', pos);
    }
    if (cells !== width && issues.length < MAX_ISSUES) {
      issues.push({
        path: '',
        code: 'csv_row_width',
        message: `line ${line} has ${cells} cells, the header has ${width}: the file is damaged; write the run again`,
        file,
        row: line,
      });
    }
    rows += 1;
  }
  if (issues.length > 0) {
    throw new DataError(issues, file);
  }
  return { header, rowCount: rows, starts: store.starts, ends: store.ends, escaped: store.escaped };
}

/** A RunTable over CSV text (pure: the caller supplies the text). */
export function parseRunCsv(text: string, name: string, file: string): RunTable {
  const cells = tokenize(text, file);
  const { header, rowCount, starts, ends, escaped } = cells;
  const width = header.length;
  const index = new Map<string, number>();
  header.forEach((column, k) => {
    if (!index.has(column)) {
      index.set(column, k);
    }
  });
  const textCache = new Map<string, readonly string[]>();
  const numberCache = new Map<string, Float64Array>();
  const columnIndex = (column: string): number => {
    const k = index.get(column);
    if (k === undefined) {
      throw new DataError(
        [{ path: column, code: 'missing_column', message: `table ${name} has no column ${column}: the run was written by another version, or the file is damaged`, file }],
        file,
      );
    }
    return k;
  };
  return {
    name,
    file,
    rowCount,
    columns: header,
    has: (column) => index.has(column),
    text(column) {
      const cached = textCache.get(column);
      if (cached) {
        return cached;
      }
      const k = columnIndex(column);
      const out = new Array<string>(rowCount);
      for (let r = 0, at = k; r < rowCount; r += 1, at += width) {
        out[r] = unescape(text, starts[at], ends[at], escaped[at]);
      }
      textCache.set(column, out);
      return out;
    },
    numbers(column) {
      const cached = numberCache.get(column);
      if (cached) {
        return cached;
      }
      const k = columnIndex(column);
      const out = new Float64Array(rowCount);
      const issues: LabIssue[] = [];
      for (let r = 0, at = k; r < rowCount; r += 1, at += width) {
        const start = starts[at];
        const end = ends[at];
        if (start === end) {
          out[r] = Number.NaN;
          continue;
        }
        const cellText = text.slice(start, end);
        const value = Number(cellText);
        if (Number.isNaN(value) && issues.length < MAX_ISSUES) {
          issues.push({ path: column, code: 'not_a_number', message: `"${cellText}" is not a number`, file, row: r + 2 });
        }
        out[r] = value;
      }
      if (issues.length > 0) {
        throw new DataError(issues, file);
      }
      numberCache.set(column, out);
      return out;
    },
  };
}

/** Read `<file>` (a run table's CSV) as a RunTable. */
export function readRunCsv(file: string, name: string): RunTable {
  return parseRunCsv(readFileSync(file, 'utf8'), name, file);
}
