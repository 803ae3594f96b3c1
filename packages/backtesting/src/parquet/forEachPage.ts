/** Calls `page(start, end)` for consecutive row ranges of at most `pageRows`; a 0-row column still gets one empty page. */
export function forEachPage(rowCount: number, pageRows: number, page: (start: number, end: number) => void): void {
  let start = 0;
  do {
    const end = Math.min(rowCount, start + pageRows);
    page(start, end);
    start = end;
  } while (start < rowCount);
}
