import { forEachPage } from './numericChunks';
import type { PageScratch } from './pageScratch';
import type { PageWriter } from './pageWriter';
import { Encoding } from './parquetFormat';
import { bitWidthOf, writeRleHybrid } from './rleHybrid';

/** A dictionary is always worth it up to this many distinct values... */
export const DICTIONARY_MIN_ENTRIES = 16;
/** ...and beyond that while the distinct values are at most this fraction of the rows. */
export const DICTIONARY_MAX_SHARE = 1 / 4;
/** The dictionary page holds at most this many UTF-16 code units (about 1 MiB, Arrow's default dictionary page limit). */
const DICTIONARY_MAX_CHARS = 1 << 20;

export interface StringChunk {
  readonly nullCount: number;
  readonly dictionary: boolean;
  /** File offset of the dictionary page, when there is one. */
  readonly dictionaryPageOffset: number | undefined;
  /** File offset of the first data page. */
  readonly dataPageOffset: number;
}

interface Dictionary {
  readonly entries: string[];
  /** Per row: index into `entries`, or -1 for null. */
  readonly rowIndex: Int32Array;
}

/** The dictionary of a column, or undefined as soon as it has too many entries to pay off. */
export function buildDictionary(values: readonly (string | null)[], rowCount: number): Dictionary | undefined {
  const maxEntries = Math.max(DICTIONARY_MIN_ENTRIES, Math.floor(rowCount * DICTIONARY_MAX_SHARE));
  const ids = new Map<string, number>();
  const entries: string[] = [];
  const rowIndex = new Int32Array(rowCount);
  let chars = 0;
  let previous: string | null = null;
  let previousId = -1;
  for (let i = 0; i < rowCount; i += 1) {
    const value = values[i];
    // Artifact columns are mostly constant or in runs (one date per day), so compare with the previous value first.
    if (value !== previous) {
      if (value === null) {
        previousId = -1;
      } else {
        let id = ids.get(value);
        if (id === undefined) {
          id = entries.length;
          chars += value.length;
          if (id >= maxEntries || chars > DICTIONARY_MAX_CHARS) {
            return undefined;
          }
          ids.set(value, id);
          entries.push(value);
        }
        previousId = id;
      }
      previous = value;
    }
    rowIndex[i] = previousId;
  }
  return entries.length === 0 ? undefined : { entries, rowIndex };
}

function writeDictionaryChunk(dictionary: Dictionary, rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): StringChunk {
  const { entries, rowIndex } = dictionary;
  const dictionaryPageOffset = pages.out.length;
  const body = pages.body;
  for (const entry of entries) {
    body.ensure(4);
    const prefixAt = body.length;
    body.length += 4;
    body.setU32le(prefixAt, body.utf8(entry));
  }
  pages.flushDictionaryPage(entries.length);
  const dataPageOffset = pages.out.length;
  const bitWidth = bitWidthOf(entries.length - 1);
  // Worst case (no runs) an index costs bitWidth bits plus a level bit.
  const pageRows = Math.max(8, Math.floor((pageSizeBytes * 8) / (bitWidth + 1)));
  const levels = scratch.reserveLevels(Math.min(rowCount, pageRows));
  const indices = scratch.reserveIndices(Math.min(rowCount, pageRows));
  let nullCount = 0;
  forEachPage(rowCount, pageRows, (start, end) => {
    let count = 0;
    for (let i = start; i < end; i += 1) {
      const id = rowIndex[i];
      levels[i - start] = id < 0 ? 0 : 1;
      if (id >= 0) {
        indices[count++] = id;
      }
    }
    const pageNulls = end - start - count;
    nullCount += pageNulls;
    pages.writeLevels(levels, end - start, pageNulls);
    pages.body.u8(bitWidth);
    writeRleHybrid(pages.body, indices, 0, count, bitWidth);
    pages.flushDataPage(end - start, Encoding.RLE_DICTIONARY);
  });
  return { nullCount, dictionary: true, dictionaryPageOffset, dataPageOffset };
}

/** Last row (exclusive) of a plain page starting at `start`: about `pageSizeBytes` of values, estimated from UTF-16 lengths. */
function plainPageEnd(values: readonly (string | null)[], start: number, rowCount: number, pageSizeBytes: number): number {
  let bytes = 0;
  let end = start;
  while (end < rowCount && (bytes < pageSizeBytes || end === start)) {
    const value = values[end];
    bytes += value === null ? 0 : 4 + value.length;
    end += 1;
  }
  return end;
}

function writePlainChunk(values: readonly (string | null)[], rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): StringChunk {
  const dataPageOffset = pages.out.length;
  let nullCount = 0;
  let start = 0;
  do {
    const end = plainPageEnd(values, start, rowCount, pageSizeBytes);
    const levels = scratch.reserveLevels(end - start);
    let pageNulls = 0;
    for (let i = start; i < end; i += 1) {
      const isNull = values[i] === null;
      levels[i - start] = isNull ? 0 : 1;
      pageNulls += isNull ? 1 : 0;
    }
    nullCount += pageNulls;
    pages.writeLevels(levels, end - start, pageNulls);
    const body = pages.body;
    for (let i = start; i < end; i += 1) {
      const value = values[i];
      if (value !== null) {
        body.ensure(4);
        const prefixAt = body.length;
        body.length += 4;
        body.setU32le(prefixAt, body.utf8(value));
      }
    }
    pages.flushDataPage(end - start, Encoding.PLAIN);
    start = end;
  } while (start < rowCount);
  return { nullCount, dictionary: false, dictionaryPageOffset: undefined, dataPageOffset };
}

/**
 * An OPTIONAL BYTE_ARRAY (UTF-8) chunk: a PLAIN dictionary page plus RLE_DICTIONARY data pages
 * when the column has few distinct values (see `DICTIONARY_MIN_ENTRIES`, `DICTIONARY_MAX_SHARE`),
 * PLAIN data pages otherwise. null is null; '' is an empty, present value.
 */
export function writeStringChunk(values: readonly (string | null)[], rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): StringChunk {
  const dictionary = buildDictionary(values, rowCount);
  return dictionary
    ? writeDictionaryChunk(dictionary, rowCount, pages, scratch, pageSizeBytes)
    : writePlainChunk(values, rowCount, pages, scratch, pageSizeBytes);
}
