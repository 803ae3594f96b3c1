import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import type { ExportManifest } from '../../src';
import { parseRunCsv, type RunTable } from '@euroflex/backtesting';

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A written payload read back in its three formats. */
export interface PayloadFiles {
  readonly csv: RunTable;
  readonly jsonColumns: readonly string[];
  readonly jsonRecords: readonly Record<string, unknown>[];
  readonly parquetColumns: readonly string[];
  readonly parquetRows: number;
}

/** Read `<dir>/<payload>.{csv,json,parquet}`. */
export async function readPayload(dir: string, payload: string): Promise<PayloadFiles> {
  const csvFile = join(dir, `${payload}.csv`);
  const json = JSON.parse(readFileSync(join(dir, `${payload}.json`), 'utf8')) as { payload: string; columns: string[]; records: Record<string, unknown>[] };
  expect(json.payload).toBe(payload);
  const parquet = arrayBufferOf(readFileSync(join(dir, `${payload}.parquet`)));
  const metadata = parquetMetadata(parquet);
  const rows = metadata.num_rows > 0n ? await parquetReadObjects({ file: parquet }) : [];
  return {
    csv: parseRunCsv(readFileSync(csvFile, 'utf8'), payload, csvFile),
    jsonColumns: json.columns,
    jsonRecords: json.records,
    parquetColumns: metadata.schema.slice(1).map((element) => element.name),
    parquetRows: rows.length,
  };
}

export function readManifest(dir: string): ExportManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ExportManifest;
}

/** Check every manifest entry against the file on disk: size and SHA-256. */
export function expectChecksums(dir: string, manifest: ExportManifest): void {
  for (const file of manifest.files) {
    const bytes = readFileSync(join(dir, file.path));
    expect(statSync(join(dir, file.path)).size).toBe(file.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
  }
}
