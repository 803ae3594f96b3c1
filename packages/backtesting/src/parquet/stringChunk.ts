import { writeDictionaryDataPages } from './dictionaryPages';
import { DICTIONARY_MAX_CHARS, maxDictionaryEntries, PROBE_MAX_ENTRIES, PROBE_ROWS, type StringDictionary } from './dictionaryRule';
import type { Column } from '../tables/table';
import { writeCodedPlainPages } from './codedPlainPages';
import type { ChunkLayout } from './numericChunks';
import type { PageScratch } from './pageScratch';
import type { PageWriter } from './pageWriter';
import { Encoding } from './parquetFormat';

type StringColumn = Extract<Column, { kind: 'string' }>;

/**
 * The dictionary of a string column, or undefined when the dictionary rule (see
 * `dictionaryRule.ts`) rejects it or its entries exceed ~1 MiB. `rowIndex` must hold at least
 * `rowCount` entries; it is filled, not allocated.
 */
export function buildStringDictionary(values: readonly (string | null)[], rowCount: number, rowIndex: Int32Array): StringDictionary | undefined {
  return buildDictionary(values, (row) => values[row], rowCount, rowIndex);
}

/**
 * The dictionary of the values `valueAt` gives, looked up once per run of equal `runKeys`
 * (the values themselves, or codes that stand for them: equal keys must mean equal values).
 */
export function buildDictionary(
  runKeys: ArrayLike<unknown>,
  valueAt: (row: number) => string | null,
  rowCount: number,
  rowIndex: Int32Array,
): StringDictionary | undefined {
  const maxEntries = maxDictionaryEntries(rowCount);
  const ids = new Map<string, number>();
  const entries: string[] = [];
  let chars = 0;
  let nullCount = 0;
  let probed = false;
  let i = 0;
  while (i < rowCount) {
    if (!probed && i >= PROBE_ROWS) {
      if (entries.length > PROBE_MAX_ENTRIES) {
        return undefined;
      }
      probed = true;
    }
    const value = valueAt(i);
    let id = -1;
    if (value !== null) {
      const known = ids.get(value);
      if (known === undefined) {
        id = entries.length;
        chars += value.length;
        if (id >= maxEntries || chars > DICTIONARY_MAX_CHARS) {
          return undefined;
        }
        ids.set(value, id);
        entries.push(value);
      } else {
        id = known;
      }
    }
    // Artifact columns are mostly constant or in runs (one date per day): copy the id along the run.
    const key = runKeys[i];
    const runStart = i;
    rowIndex[i] = id;
    i += 1;
    while (i < rowCount && runKeys[i] === key) {
      rowIndex[i] = id;
      i += 1;
    }
    if (id < 0) {
      nullCount += i - runStart;
    }
  }
  return entries.length === 0 ? undefined : { entries, entryCount: entries.length, nullCount, rowIndex };
}

/** Last row (exclusive) of a PLAIN page starting at `start`: about `pageSizeBytes` of values, estimated from UTF-16 lengths. */
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

function writePlainPages(values: readonly (string | null)[], rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): number {
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
    const head = pages.head;
    for (let i = start; i < end; i += 1) {
      const value = values[i];
      if (value !== null) {
        head.lengthPrefixedUtf8(value);
      }
    }
    pages.dataPage(end - start, Encoding.PLAIN);
    start = end;
  } while (start < rowCount);
  return nullCount;
}

/**
 * An OPTIONAL BYTE_ARRAY (UTF-8) chunk: a PLAIN dictionary page plus RLE_DICTIONARY data pages
 * when the dictionary rule accepts the column, PLAIN data pages otherwise. null is null; '' is
 * an empty, present value. A column with label codes writes the same bytes from its codes,
 * without making its values.
 */
export function writeStringChunk(column: StringColumn, rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): ChunkLayout {
  const { coded } = column;
  const rowIndex = scratch.reserveRowIndex(rowCount);
  const dictionary = coded
    ? buildDictionary(coded.codes, (row) => (coded.codes[row] < 0 ? null : coded.labels[coded.codes[row]]), rowCount, rowIndex)
    : buildStringDictionary(column.values, rowCount, rowIndex);
  if (dictionary) {
    const dictionaryPageOffset = pages.out.length;
    for (const entry of dictionary.entries) {
      pages.head.lengthPrefixedUtf8(entry);
    }
    pages.dictionaryPage(dictionary.entryCount);
    const dataPageOffset = pages.out.length;
    const nullCount = writeDictionaryDataPages(dictionary, rowCount, pages, scratch, pageSizeBytes);
    return { nullCount, dictionaryPageOffset, dataPageOffset };
  }
  const dataPageOffset = pages.out.length;
  const nullCount = coded ? writeCodedPlainPages(coded, rowCount, pages, scratch, pageSizeBytes) : writePlainPages(column.values, rowCount, pages, scratch, pageSizeBytes);
  return { nullCount, dictionaryPageOffset: undefined, dataPageOffset };
}
