import type { LabelCodes } from '../tables/table';
import { ByteWriter } from './byteWriter';
import type { PageScratch } from './pageScratch';
import type { PageWriter } from './pageWriter';
import { Encoding } from './parquetFormat';

/** Every label as a PLAIN BYTE_ARRAY (length prefix, UTF-8): label `k` is `bytes[start[k] .. start[k + 1])`. */
interface EncodedLabels {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
}

/** Encoded once per labels array: a run's time axis labels serve many tables. */
const encodedLabels = new WeakMap<readonly string[], EncodedLabels>();

const utf8 = new TextEncoder();
/** Stands for a label's 4-byte length prefix in the joined labels. */
const PREFIX = '\0\0\0\0';

/**
 * Labels that are all ASCII (a run's) are encoded in one native pass, joined with room for the
 * length prefixes, which are then filled in; anything else label by label.
 */
function encodeLabels(labels: readonly string[]): EncodedLabels {
  let encoded = encodedLabels.get(labels);
  if (encoded === undefined) {
    const start = new Int32Array(labels.length + 1);
    const joined = labels.length === 0 ? '' : PREFIX + labels.join(PREFIX);
    const bytes = new Uint8Array(joined.length);
    const { read, written } = utf8.encodeInto(joined, bytes);
    if (read === joined.length && written === joined.length) {
      // One byte per character: label k starts 4 bytes after the end of label k - 1.
      for (let k = 0; k < labels.length; k += 1) {
        const length = labels[k].length;
        const at = start[k];
        bytes[at] = length & 0xff;
        bytes[at + 1] = (length >>> 8) & 0xff;
        bytes[at + 2] = (length >>> 16) & 0xff;
        bytes[at + 3] = (length >>> 24) & 0xff;
        start[k + 1] = at + 4 + length;
      }
      encoded = { bytes, start };
    } else {
      const writer = new ByteWriter(labels.length * 32);
      for (let k = 0; k < labels.length; k += 1) {
        writer.lengthPrefixedUtf8(labels[k]);
        start[k + 1] = writer.length;
      }
      encoded = { bytes: writer.bytes, start };
    }
    encodedLabels.set(labels, encoded);
  }
  return encoded;
}

/** Copies `source[from, to)` to `bytes[at]`: long ranges natively, short ones (one label) by hand. */
function copyBytes(source: Uint8Array, from: number, to: number, bytes: Uint8Array, at: number): void {
  if (to - from > 64) {
    bytes.set(source.subarray(from, to), at);
    return;
  }
  for (let b = from; b < to; b += 1) {
    bytes[at + b - from] = source[b];
  }
}

/** Pages written for a column whose codes are one run of consecutive labels: their bytes and sizes. */
interface WrittenRun {
  readonly bytes: Uint8Array;
  readonly uncompressedBytes: number;
  readonly compressedBytes: number;
}

/**
 * By labels array, the pages of runs already written, keyed by first code, row count, page
 * size and codec. A run's time axis is the whole of several tables' timestamp columns
 * (`site_dispatch`, `settlement_breakdown`, the normalized inputs), and a page holds no
 * offsets, so the same run gives the same page bytes wherever it is written.
 */
const writtenRuns = new WeakMap<readonly string[], Map<string, WrittenRun>>();

/** True when the column's codes are `codes[0]`, `codes[0] + 1`, ... (no nulls). */
function isConsecutiveRun(codes: Int32Array, rowCount: number): boolean {
  const first = codes[0];
  if (!(first >= 0)) {
    return false;
  }
  for (let i = 1; i < rowCount; i += 1) {
    if (codes[i] !== first + i) {
      return false;
    }
  }
  return true;
}

/**
 * The PLAIN pages of a column given as label codes (`LabelCodes`), byte for byte those of
 * `writePlainPages` on its values: the same page breaks, each label's length-prefixed UTF-8
 * encoded once and copied per row; rows of consecutive codes (a time axis) copy their labels
 * as one range. A column that is one run of consecutive codes, written before with the same
 * labels, page size and codec, copies the pages it gave then. Returns the null count.
 */
export function writeCodedPlainPages(coded: LabelCodes, rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): number {
  if (rowCount === 0 || !isConsecutiveRun(coded.codes, rowCount)) {
    return writePages(coded, rowCount, pages, scratch, pageSizeBytes);
  }
  let runs = writtenRuns.get(coded.labels);
  if (runs === undefined) {
    runs = new Map();
    writtenRuns.set(coded.labels, runs);
  }
  const key = `${coded.codes[0]}:${rowCount}:${pageSizeBytes}:${pages.codec}`;
  const written = runs.get(key);
  if (written !== undefined) {
    pages.appendPages(written.bytes, written.uncompressedBytes, written.compressedBytes);
    return 0;
  }
  const from = pages.out.length;
  const uncompressedBefore = pages.uncompressedBytes;
  const compressedBefore = pages.compressedBytes;
  writePages(coded, rowCount, pages, scratch, pageSizeBytes);
  runs.set(key, {
    bytes: pages.out.bytes.slice(from, pages.out.length),
    uncompressedBytes: pages.uncompressedBytes - uncompressedBefore,
    compressedBytes: pages.compressedBytes - compressedBefore,
  });
  return 0;
}

/** The pages of `writeCodedPlainPages`, encoded here. */
function writePages(coded: LabelCodes, rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): number {
  const { labels, codes } = coded;
  const { bytes: source, start: labelStart } = encodeLabels(labels);
  let nullCount = 0;
  let start = 0;
  do {
    // Page breaks as `plainPageEnd`: about `pageSizeBytes` of values, estimated from UTF-16 lengths.
    let estimate = 0;
    let end = start;
    let pageNulls = 0;
    let pageBytes = 0;
    while (end < rowCount && (estimate < pageSizeBytes || end === start)) {
      const code = codes[end];
      if (code < 0) {
        pageNulls += 1;
      } else {
        estimate += 4 + labels[code].length;
        pageBytes += labelStart[code + 1] - labelStart[code];
      }
      end += 1;
    }
    const levels = scratch.reserveLevels(end - start);
    for (let i = start; i < end; i += 1) {
      levels[i - start] = codes[i] < 0 ? 0 : 1;
    }
    nullCount += pageNulls;
    pages.writeLevels(levels, end - start, pageNulls);
    const head = pages.head;
    head.ensure(pageBytes);
    let at = head.length;
    let i = start;
    while (i < end) {
      const first = codes[i];
      i += 1;
      if (first >= 0) {
        let last = first;
        while (i < end && codes[i] === last + 1) {
          last += 1;
          i += 1;
        }
        copyBytes(source, labelStart[first], labelStart[last + 1], head.bytes, at);
        at += labelStart[last + 1] - labelStart[first];
      }
    }
    head.length = at;
    pages.dataPage(end - start, Encoding.PLAIN);
    start = end;
  } while (start < rowCount);
  return nullCount;
}
