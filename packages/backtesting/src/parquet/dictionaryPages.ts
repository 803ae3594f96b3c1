import type { DictionaryIndex } from './dictionaryRule';
import { forEachPage } from './forEachPage';
import type { PageScratch } from './pageScratch';
import type { PageWriter } from './pageWriter';
import { Encoding } from './parquetFormat';
import { bitWidthOf, writeRleHybrid } from './rleHybrid';

/**
 * The RLE_DICTIONARY data pages of an OPTIONAL column whose dictionary page was just written:
 * per page, definition levels, one byte of bit width, then the non-null rows' indices in the
 * RLE/bit-packing hybrid (no length prefix). Returns the null count.
 */
export function writeDictionaryDataPages(dictionary: DictionaryIndex, rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): number {
  const { rowIndex } = dictionary;
  const bitWidth = bitWidthOf(dictionary.entryCount - 1);
  // Worst case (no runs) a row costs bitWidth bits of index plus one level bit.
  const pageRows = Math.max(8, Math.floor((pageSizeBytes * 8) / (bitWidth + 1)));
  const levels = scratch.reserveLevels(Math.min(rowCount, pageRows));
  const indices = scratch.reserveIndices(Math.min(rowCount, pageRows));
  let nullCount = 0;
  forEachPage(rowCount, pageRows, (start, end) => {
    if (dictionary.nullCount === 0) {
      // Every row is present: the levels are one run and the indices are rowIndex itself.
      pages.writeLevels(levels, end - start, 0);
      pages.head.u8(bitWidth);
      writeRleHybrid(pages.head, rowIndex, start, end, bitWidth);
      pages.dataPage(end - start, Encoding.RLE_DICTIONARY);
      return;
    }
    let count = 0;
    for (let i = start; i < end; i += 1) {
      const id = rowIndex[i];
      if (id >= 0) {
        levels[i - start] = 1;
        indices[count++] = id;
      } else {
        levels[i - start] = 0;
      }
    }
    const pageNulls = end - start - count;
    nullCount += pageNulls;
    pages.writeLevels(levels, end - start, pageNulls);
    pages.head.u8(bitWidth);
    writeRleHybrid(pages.head, indices, 0, count, bitWidth);
    pages.dataPage(end - start, Encoding.RLE_DICTIONARY);
  });
  return nullCount;
}
