import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { bool, constant, int, makeTable, num, str } from '../tables/table';
import { writeParquet } from './writeParquet';
import { writeFileSync } from 'node:fs';

it('smoke', async () => {
  const t = makeTable('t', [
    str('s', ['a', null, 'Brüssel', '']),
    constant('c', 'BE', 4),
    num('x', [1.5, NaN, -0, Infinity]),
    int('i', [1, -2, 3, 2147483647]),
    bool('b', [true, false, true, true]),
  ]);
  for (const compression of ['UNCOMPRESSED', 'SNAPPY'] as const) {
    const bytes = writeParquet(t, { compression });
    writeFileSync(`/tmp/pqsmoke/smoke-${compression}.parquet`, bytes);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    console.log(JSON.stringify(parquetMetadata(ab), (_k, v) => (typeof v === 'bigint' ? String(v) : v)).slice(0, 3000));
    console.log(await parquetReadObjects({ file: ab }));
  }
});
