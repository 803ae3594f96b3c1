import type { LabelCodes } from '../tables/table';
import { ByteWriter } from './byteWriter';
import type { PageScratch } from './pageScratch';
import type { PageWriter } from './pageWriter';
import { Encoding } from './parquetFormat';

/**
 * The PLAIN pages of a column given as label codes (`LabelCodes`), byte for byte those of
 * `writePlainPages` on its values: the same page breaks, each label's length-prefixed UTF-8
 * encoded once and copied per row. Returns the null count.
 */
export function writeCodedPlainPages(coded: LabelCodes, rowCount: number, pages: PageWriter, scratch: PageScratch, pageSizeBytes: number): number {
  const { labels, codes } = coded;
  const encoded = new ByteWriter(labels.length * 32);
  const labelStart = new Int32Array(labels.length + 1);
  for (let k = 0; k < labels.length; k += 1) {
    encoded.lengthPrefixedUtf8(labels[k]);
    labelStart[k + 1] = encoded.length;
  }
  const source = encoded.bytes;
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
    const bytes = head.bytes;
    let at = head.length;
    for (let i = start; i < end; i += 1) {
      const code = codes[i];
      if (code >= 0) {
        const last = labelStart[code + 1];
        for (let b = labelStart[code]; b < last; b += 1) {
          bytes[at++] = source[b];
        }
      }
    }
    head.length = at;
    pages.dataPage(end - start, Encoding.PLAIN);
    start = end;
  } while (start < rowCount);
  return nullCount;
}
