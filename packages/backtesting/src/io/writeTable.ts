import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeParquet } from '../parquet';
import type { Table } from '../tables/table';
import { csvByteChunks } from './csvBytes';

/** Parquet bytes of a table: the same columns as its CSV, nulls where the CSV cell is empty. */
export function tableToParquet(table: Table): Uint8Array {
  return writeParquet(table);
}

/** Write `<dir>/<table>.csv` (the bytes of `tableToCsv`) and `<dir>/<table>.parquet`. */
export function writeTable(dir: string, table: Table): void {
  const fd = openSync(join(dir, `${table.name}.csv`), 'w');
  try {
    for (const chunk of csvByteChunks(table)) {
      let written = 0;
      while (written < chunk.length) {
        written += writeSync(fd, chunk, written, chunk.length - written);
      }
    }
  } finally {
    closeSync(fd);
  }
  writeFileSync(join(dir, `${table.name}.parquet`), tableToParquet(table));
}
