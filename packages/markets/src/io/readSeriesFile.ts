import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { seriesFromTable, type SeriesReadOptions, type SeriesReadResult } from '../table/seriesFromTable';
import { asciiCsvTable, isPlainAsciiCsv, parseCsvText } from './csvText';

/**
 * Read a canonical series CSV (see docs/data.md) into a quarter-hour series keyed by UTC
 * instant. Never throws for bad data: a missing or unreadable file, missing columns and
 * every row problem come back as issues naming the file, line and instant.
 */
export function readSeriesFile(path: string, options: Omit<SeriesReadOptions, 'file'>): SeriesReadResult {
  const extension = extname(path).toLowerCase();
  if (UNSUPPORTED.includes(extension)) {
    const message = `${extension} files are not read as series; convert them to the canonical CSV first (\`euroflex normalize\`)`;
    return failed(path, options.name, 'unsupported_format', message);
  }
  let bytes: Buffer;
  let text: string | undefined;
  try {
    bytes = readFileSync(path);
    if (!isPlainAsciiCsv(bytes)) {
      text = decodeText(bytes);
    }
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = missing ? 'the file does not exist' : `the file cannot be read (${String(error)})`;
    const message = `${reason}; check the path configured for ${options.name}`;
    return failed(path, options.name, missing ? 'file_not_found' : 'unreadable_file', message);
  }
  // Canonical files (ASCII, no quotes) are read from the bytes; the rest as text, quoted ones by csv-parse.
  const table = text === undefined ? asciiCsvTable(bytes) : parseCsvText(text);
  return seriesFromTable(table, { ...options, file: path });
}

const UNSUPPORTED = ['.parquet', '.json', '.xml', '.xlsx'];

function failed(file: string, name: string, code: string, message: string): SeriesReadResult {
  return { series: undefined, issues: [{ path: `data.${name}`, code, message, file }], rows: 0, resolution: '' };
}

/**
 * UTF-8 decoding validates every byte and costs ~50 ms for a 6 MB year file; an ASCII file
 * (every canonical file) decodes identically as latin1, which is a plain copy.
 */
export function decodeText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
