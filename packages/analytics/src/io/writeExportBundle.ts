import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFolderAtomically } from '@euroflex/backtesting';
import type { ExportBundle, ExportManifest } from '../exports/buildExport';

/** What an export wrote. */
export interface ExportResult {
  /** Absolute export folder. */
  readonly outDir: string;
  readonly manifest: ExportManifest;
  /** Absolute paths of the data files, then manifest.json. */
  readonly files: readonly string[];
}

/** An export folder: replaced only when it is an earlier export (it holds a manifest.json). */
const EXPORT_FOLDER = {
  what: 'export',
  flag: '--out',
  earlierOutput: 'an export holds a manifest.json',
  isEarlierOutput: (_dir: string, entries: readonly string[]) => entries.includes('manifest.json'),
};

/**
 * Write an export folder atomically: the files go into a hidden temporary sibling that
 * replaces `outDir` only when complete. An existing folder is replaced only when it is an
 * earlier export (it holds a manifest.json) or is empty; anything else is refused.
 */
export function writeExportBundle(outDir: string, bundle: ExportBundle, createdAtUtc: string): ExportResult {
  return writeFolderAtomically(outDir, EXPORT_FOLDER, (tmp) => {
    for (const file of bundle.files) {
      writeFileSync(join(tmp, file.path), file.bytes);
    }
    const manifest = bundle.manifest(createdAtUtc);
    writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const target = resolve(outDir);
    return { outDir: target, manifest, files: [...bundle.files.map((file) => join(target, file.path)), join(target, 'manifest.json')] };
  });
}
