import type { Column, LabelCodes, Table } from '../tables/table';

/**
 * The CSV of `tables/toCsv.ts` (`tableToCsv`), byte for byte as UTF-8, encoded straight
 * into bytes for writing run directories.
 *
 * Text rules (those of `csvChunks`): a header row of the column names, then one line per
 * row, every line ending in `\n`; a string containing `"`, `,`, `\n` or `\r` is quoted with
 * inner quotes doubled, null is empty; booleans are `true`/`false`; numbers (float64 and
 * int32 alike) are `String(value)`, except 0 and -0 (`0`) and NaN (empty).
 *
 * Why it is fast: a year's tables are several million cells, most of them equal to the cell
 * above (constant ids, one date or decision per day, zero flows, prices held for an hour).
 * Each column encodes a value only when it differs from the previous row's, into a byte
 * arena per column; rows are then assembled by copying bytes. No per-cell strings, joins
 * or UTF-8 conversion of the whole text.
 */
/**
 * Rows encoded and assembled at a time. Small enough that a wide table's per-column cell
 * offsets and bytes stay in the CPU cache while rows are assembled (8,192 rows of a 39-column
 * table did not: a year's write took about 90 ms longer).
 */
const CHUNK_ROWS = 1024;
const COMMA = 44;
const NEWLINE = 10;
/** Spare bytes after the used part of every buffer, for word-wise copies (see `assembleRows`). */
const SLACK = 4;

/** One column's encoded cells for a chunk of rows: cell `r` is `bytes[start[r] .. start[r] + length[r])`. */
interface EncodedColumn {
  bytes: Uint8Array;
  /** A view of `bytes`, for copying four bytes at a time. */
  view: DataView;
  readonly start: Int32Array;
  readonly length: Int32Array;
  /** Sum of `length` over the chunk. */
  total: number;
  /** For a column with label codes: every label encoded once, cell `k` for label `k` (made at the first chunk). */
  labels?: EncodedColumn;
}

function encodedColumn(rows: number): EncodedColumn {
  const bytes = new Uint8Array(1024);
  return { bytes, view: new DataView(bytes.buffer), start: new Int32Array(rows), length: new Int32Array(rows), total: 0 };
}

/**
 * CSV bytes of a table in chunks of rows. Each yielded array is a view of a buffer that is
 * reused for the next chunk: write or copy it before asking for the next one.
 */
export function* csvByteChunks(table: Table): Generator<Uint8Array> {
  yield utf8(`${table.columns.map((c) => csvText(c.name)).join(',')}\n`);
  const width = table.columns.length;
  const encoded: EncodedColumn[] = table.columns.map(() => encodedColumn(Math.min(CHUNK_ROWS, table.rowCount)));
  // The row buffer of the previous table, if its chunks were all taken: a run directory's
  // tables then grow one buffer between them instead of one each (fresh memory is slow here).
  let out = spareRows;
  spareRows = NO_ROWS;
  try {
    for (let first = 0; first < table.rowCount; first += CHUNK_ROWS) {
      const rows = Math.min(table.rowCount, first + CHUNK_ROWS) - first;
      let size = width === 0 ? rows : rows * width;
      for (let c = 0; c < width; c += 1) {
        encodeColumn(table.columns[c], first, rows, encoded[c]);
        size += encoded[c].total;
      }
      if (out.length < size + SLACK) {
        out = new Uint8Array(Math.max(size + SLACK, 2 * out.length));
      }
      yield out.subarray(0, width === 0 ? fillNewlines(out, rows) : assembleRows(out, encoded, rows));
    }
  } finally {
    // Given back only now that no chunk of this table can still be read.
    spareRows = out;
  }
}

const NO_ROWS = new Uint8Array(0);
let spareRows = NO_ROWS;

function fillNewlines(out: Uint8Array, rows: number): number {
  out.fill(NEWLINE, 0, rows);
  return rows;
}

/**
 * Copies the cells row by row, separated by commas, each row ending in a newline; returns the
 * byte count. Cells are copied four bytes at a time: the up to three bytes written past a
 * cell's end lie beyond the write position and are overwritten by what follows (or fall
 * outside the returned length), which is why `out` and every arena keep `SLACK` spare bytes.
 */
function assembleRows(out: Uint8Array, encoded: readonly EncodedColumn[], rows: number): number {
  const last = encoded.length - 1;
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let pos = 0;
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c <= last; c += 1) {
      const column = encoded[c];
      const source = column.view;
      const from = column.start[r];
      const length = column.length[r];
      for (let i = 0; i < length; i += 4) {
        view.setUint32(pos + i, source.getUint32(from + i, true), true);
      }
      pos += length;
      out[pos] = c === last ? NEWLINE : COMMA;
      pos += 1;
    }
  }
  return pos;
}

function encodeColumn(column: Column, first: number, rows: number, into: EncodedColumn): void {
  into.total = 0;
  switch (column.kind) {
    case 'string':
      if (column.coded) {
        encodeCoded(column.coded, first, rows, into);
      } else {
        encodeStrings(column.values, first, rows, into);
      }
      return;
    case 'boolean':
      encodeBooleans(column.values, first, rows, into);
      return;
    default:
      encodeNumbers(column.values, first, rows, into);
  }
}

/** Makes room for `extra` more bytes after `used` in the arena. */
function reserve(into: EncodedColumn, used: number, extra: number): Uint8Array {
  if (used + extra + SLACK > into.bytes.length) {
    const grown = new Uint8Array(Math.max(2 * into.bytes.length, used + extra + SLACK));
    grown.set(into.bytes.subarray(0, used));
    into.bytes = grown;
    into.view = new DataView(grown.buffer);
  }
  return into.bytes;
}

function encodeNumbers(values: ArrayLike<number>, first: number, rows: number, into: EncodedColumn): void {
  let used = 0;
  let previous = Number.NaN;
  let start = 0;
  let length = -1;
  for (let r = 0; r < rows; r += 1) {
    const value = values[first + r];
    // NaN never equals the previous value and is re-encoded (as nothing) each time.
    if (value !== previous || length < 0) {
      previous = value;
      start = used;
      // -0 prints as 0 so that equal plans print equally; NaN marks a missing number.
      const text = value === 0 ? '0' : value !== value ? '' : numberText(value);
      const bytes = reserve(into, used, text.length);
      for (let i = 0; i < text.length; i += 1) {
        bytes[used] = text.charCodeAt(i);
        used += 1;
      }
      length = used - start;
    }
    into.start[r] = start;
    into.length[r] = length;
    into.total += length;
  }
}

/**
 * `String(value)`, remembered: a run's tables repeat most numbers outside runs of equal
 * cells too (a SoC is the next interval's starting SoC, planned equals realized, the site's
 * flows are an asset's, prices recur), and formatting a full-precision double is the most
 * expensive step of the CSV. A direct-mapped cache of 2^`MEMO_BITS` entries keyed by the
 * double's bits (a colliding value replaces the entry); 0 is never looked up, so the zeroed
 * keys of empty entries never match.
 */
function numberText(value: number): string {
  memoScratch[0] = value;
  const slot = imul(memoBits[0] ^ imul(memoBits[1], 0x9e3779b1), 0x85ebca6b) >>> (32 - MEMO_BITS);
  if (memoKeys[slot] === value) {
    return memoTexts[slot];
  }
  const text = String(value);
  memoKeys[slot] = value;
  memoTexts[slot] = text;
  return text;
}

/** Read once: `Math.imul` looked up per call is much slower under Jest (see parquet/snappy.ts). */
const imul = Math.imul;
const MEMO_BITS = 16;
const memoKeys = new Float64Array(1 << MEMO_BITS);
const memoTexts = new Array<string>(1 << MEMO_BITS).fill('');
const memoScratch = new Float64Array(1);
const memoBits = new Uint32Array(memoScratch.buffer);

function encodeBooleans(values: readonly boolean[], first: number, rows: number, into: EncodedColumn): void {
  const bytes = reserve(into, 0, 9);
  writeAscii('true', bytes, 0);
  writeAscii('false', bytes, 4);
  for (let r = 0; r < rows; r += 1) {
    const value = values[first + r];
    into.start[r] = value ? 0 : 4;
    into.length[r] = value ? 4 : 5;
    into.total += value ? 4 : 5;
  }
}

function encodeStrings(values: readonly (string | null)[], first: number, rows: number, into: EncodedColumn): void {
  let used = 0;
  let previous: string | null | undefined;
  let start = 0;
  let length = -1;
  for (let r = 0; r < rows; r += 1) {
    const cell = values[first + r];
    // Labels are often concatenations that V8 keeps as rope strings; comparing two ropes is
    // slow, and reading a character flattens the rope in place, which makes the comparison
    // (and the copy below) fast.
    if (typeof cell === 'string' && cell.length > 0) {
      cell.charCodeAt(0);
    }
    if (cell !== previous || length < 0) {
      previous = cell;
      start = used;
      // Anything but a string (outside the types) prints as Array.prototype.join would.
      const value = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
      if (value.length > 0) {
        // A quote, comma, line break or non-ASCII character stops the plain copy.
        const bytes = reserve(into, used, value.length);
        let plain = true;
        for (let i = 0; i < value.length; i += 1) {
          const code = value.charCodeAt(i);
          if ((code < 45 || code > 126) && (code === 34 || code === COMMA || code === NEWLINE || code === 13 || code > 126)) {
            plain = false;
            break;
          }
          bytes[used] = code;
          used += 1;
        }
        if (!plain) {
          const encoded = utf8(csvText(value));
          used = start;
          reserve(into, used, encoded.length).set(encoded, used);
          used += encoded.length;
        }
      }
      length = used - start;
    }
    into.start[r] = start;
    into.length[r] = length;
    into.total += length;
  }
}

/** Encoded once per labels array (never written to afterwards): a run's time axis labels serve many tables. */
const encodedLabels = new WeakMap<readonly string[], EncodedColumn>();

/** Cells of a column with label codes: each label is encoded once, rows point at its bytes. */
function encodeCoded(coded: LabelCodes, first: number, rows: number, into: EncodedColumn): void {
  let labels = into.labels;
  if (labels === undefined) {
    labels = encodedLabels.get(coded.labels);
    if (labels === undefined) {
      labels = encodeLabelCells(coded.labels);
      encodedLabels.set(coded.labels, labels);
    }
    into.labels = labels;
    into.bytes = labels.bytes;
    into.view = labels.view;
  }
  const codes = coded.codes;
  let total = 0;
  for (let r = 0; r < rows; r += 1) {
    const code = codes[first + r];
    if (code < 0) {
      into.start[r] = 0;
      into.length[r] = 0;
    } else {
      const length = labels.length[code];
      into.start[r] = labels.start[code];
      into.length[r] = length;
      total += length;
    }
  }
  into.total = total;
}

/**
 * Every label as a cell (`encodeStrings` of the labels). Labels that are plain ASCII without
 * quotes, commas or line breaks (timestamps, ids: all of a run's) are encoded in native passes
 * over the labels joined by newlines; anything else label by label.
 */
function encodeLabelCells(labels: readonly string[]): EncodedColumn {
  const cells = encodedColumn(labels.length);
  const joined = labels.join('\n');
  if (labels.length === 0 || NEEDS_QUOTES_EXCEPT_NEWLINE.test(joined)) {
    encodeStrings(labels, 0, labels.length, cells);
    return cells;
  }
  const bytes = new Uint8Array(joined.length + SLACK);
  const { read, written } = encoder.encodeInto(joined, bytes);
  // All ASCII exactly when every character took one byte.
  let ascii = read === joined.length && written === joined.length;
  let start = 0;
  for (let k = 0; ascii && k < labels.length; k += 1) {
    const end = k === labels.length - 1 ? joined.length : joined.indexOf('\n', start);
    // A label holding a line break shows as one newline too many (or too few before the last label).
    ascii = end >= 0 && (k < labels.length - 1 || joined.indexOf('\n', start) < 0);
    cells.start[k] = start;
    cells.length[k] = end - start;
    start = end + 1;
  }
  if (!ascii) {
    encodeStrings(labels, 0, labels.length, cells);
    return cells;
  }
  cells.bytes = bytes;
  cells.view = new DataView(bytes.buffer);
  return cells;
}

const NEEDS_QUOTES_EXCEPT_NEWLINE = /[",\r]/;

function writeAscii(text: string, bytes: Uint8Array, at: number): void {
  for (let i = 0; i < text.length; i += 1) {
    bytes[at + i] = text.charCodeAt(i);
  }
}

const NEEDS_QUOTES = /[",\n\r]/;

/** A string as a CSV field: quoted, with inner quotes doubled, when it holds `"`, `,` or a line break. */
function csvText(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const encoder = new TextEncoder();

/** UTF-8 bytes, lone surrogates as U+FFFD (as Node writes a string to a file). */
function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
