import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { seriesFromTable, type SeriesReadOptions, type SeriesReadResult } from '../table/seriesFromTable';
import { parseCsvText } from './csvText';

/**
 * Read a canonical series CSV (see docs/data.md) into a quarter-hour series keyed by UTC
 * instant. Never throws for bad data: a missing or unreadable file, missing columns and
 * every row problem come back as issues naming the file, line and instant.
 */
export function readSeriesFile(path: string, options: Omit<SeriesReadOptions, 'file'>): SeriesReadResult {
  let text: string;
  try {
    text = decodeText(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file_not_found' : 'unreadable_file';
    const reason = code === 'file_not_found' ? 'the file does not exist' : `the file cannot be read (${String(error)})`;
    return {
      series: undefined,
      issues: [
        {
          path: `data.${options.name}`,
          code,
          message: `${reason}; check the path configured for ${options.name}`,
          file: path,
        },
      ],
      rows: 0,
      resolution: '',
    };
  }
  return seriesFromTable(parseCsvText(text), { ...options, file: path });
}

/**
 * UTF-8 decoding validates every byte and costs ~50 ms for a 6 MB year file; an ASCII file
 * (every canonical file) decodes identically as latin1, which is a plain copy.
 */
export function decodeText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
