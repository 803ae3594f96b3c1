import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

const REFERENCE = resolve(__dirname, '../../../examples/reference');

/** The reference's canonical Belgian full-stack config. */
export const CANONICAL_BELGIUM = join(REFERENCE, 'examples/configs/canonical/belgium_full_stack.yaml');

/** A reference config (path under examples/reference/) in a temp folder, data paths made absolute, then edited; returns its path. */
export function referenceVariant(relative: string, edit: (doc: Record<string, unknown>) => void): string {
  const original = join(REFERENCE, relative);
  const doc = parse(readFileSync(original, 'utf8')) as Record<string, unknown>;
  for (const entry of Object.values(doc.data as Record<string, { actual_path: string }>)) {
    entry.actual_path = resolve(original, '..', entry.actual_path);
  }
  edit(doc);
  const file = join(mkdtempSync(join(tmpdir(), 'euroflex-cli-config-')), 'config.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

/** The canonical Belgian config, edited section by section (see `referenceVariant`). */
export function canonicalVariant(edit: (doc: Record<string, Record<string, unknown>>) => void): string {
  return referenceVariant('examples/configs/canonical/belgium_full_stack.yaml', (doc) => edit(doc as Record<string, Record<string, unknown>>));
}
