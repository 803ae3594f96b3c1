import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

/** The reference's canonical Belgian full-stack config. */
export const CANONICAL_BELGIUM = resolve(__dirname, '../../../examples/reference/examples/configs/canonical/belgium_full_stack.yaml');

/** The canonical Belgian config in a temp folder, data paths made absolute, then edited; returns its path. */
export function canonicalVariant(edit: (doc: Record<string, Record<string, unknown>>) => void): string {
  const doc = parse(readFileSync(CANONICAL_BELGIUM, 'utf8')) as Record<string, Record<string, unknown>>;
  for (const entry of Object.values(doc.data as Record<string, { actual_path: string }>)) {
    entry.actual_path = resolve(CANONICAL_BELGIUM, '..', entry.actual_path);
  }
  edit(doc);
  const file = join(mkdtempSync(join(tmpdir(), 'euroflex-cli-config-')), 'config.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}
