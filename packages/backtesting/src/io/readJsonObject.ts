import { readFileSync } from 'node:fs';
import { DataError } from '@euroflex/config';
import { RUN_DAMAGED } from './readRunCsvCells';

/**
 * A JSON file of a run directory (`summary.json`, `reconciliation_summary.json`) as an object.
 * Invalid JSON, or JSON that is not an object, is a DataError naming the file and the fix.
 */
export function readJsonObject(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const message = `not valid JSON (${(error as Error).message}): ${RUN_DAMAGED}`;
    throw new DataError([{ path: '', code: 'invalid_json', message, file }], file);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DataError([{ path: '', code: 'invalid_json', message: `expected a JSON object: ${RUN_DAMAGED}`, file }], file);
  }
  return value as Record<string, unknown>;
}
