import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Column, Table } from '../tables/table';
import { tableToCsv } from '../tables/toCsv';

type ParquetColumn = Parameters<typeof parquetWriteBuffer>[0]['columnData'][number];

function parquetColumn(column: Column): ParquetColumn {
  switch (column.kind) {
    case 'string':
      return { name: column.name, data: column.values as (string | null)[], type: 'STRING', nullable: true };
    case 'boolean':
      return { name: column.name, data: [...column.values], type: 'BOOLEAN', nullable: false };
    case 'int32':
      return { name: column.name, data: Int32Array.from(column.values), type: 'INT32', nullable: false };
    default: {
      const values = Array.from(column.values, (value) => (Number.isNaN(value) ? null : value));
      return { name: column.name, data: values, type: 'DOUBLE', nullable: true };
    }
  }
}

/** Parquet bytes of a table: the same columns as its CSV, nulls where the CSV cell is empty. */
export function tableToParquet(table: Table): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: table.columns.map(parquetColumn),
    createdBy: 'euroflex',
  });
  return new Uint8Array(buffer);
}

/** Write `<dir>/<table>.csv` and `<dir>/<table>.parquet`. */
export function writeTable(dir: string, table: Table): void {
  writeFileSync(join(dir, `${table.name}.csv`), tableToCsv(table));
  writeFileSync(join(dir, `${table.name}.parquet`), tableToParquet(table));
}
