import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { makeDirectory } from '@euroflex/backtesting';
import { UserError } from '@euroflex/config';
import type { ExportBundle, ExportManifest } from '../exports/buildExport';

/** What an export wrote. */
export interface ExportResult {
  /** Absolute export folder. */
  readonly outDir: string;
  readonly manifest: ExportManifest;
  /** Absolute paths of the data files, then manifest.json. */
  readonly files: readonly string[];
}

/**
 * Write an export folder atomically: the files go into a hidden temporary sibling that
 * replaces `outDir` only when complete. An existing folder is replaced only when it is an
 * earlier export (it holds a manifest.json) or is empty; anything else is refused.
 */
export function writeExportBundle(outDir: string, bundle: ExportBundle, createdAtUtc: string): ExportResult {
  const target = resolve(outDir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      throw new UserError(`${target} is a file: --out must name a folder for the export`);
    }
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes('manifest.json')) {
      throw new UserError(`${target} is not empty and holds no manifest.json: refusing to replace a folder that is not an earlier export`);
    }
  }
  makeDirectory(dirname(target));
  const tmp = join(dirname(target), `.tmp-${basename(target)}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    for (const file of bundle.files) {
      writeFileSync(join(tmp, file.path), file.bytes);
    }
    const manifest = bundle.manifest(createdAtUtc);
    writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
    return { outDir: target, manifest, files: [...bundle.files.map((file) => join(target, file.path)), join(target, 'manifest.json')] };
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
