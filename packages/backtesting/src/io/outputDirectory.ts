import { existsSync, mkdirSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '@euroflex/config';
import { fileErrorHint } from './fileErrorHint';

/**
 * The nearest folder at or above `dir` that exists, and the levels below it down to `dir`
 * (shallowest first). A file at `dir` or on its way fails as mkdir fails there (EEXIST or
 * ENOTDIR, naming the path).
 */
function nearestFolder(dir: string): { readonly folder: string; readonly missing: readonly string[] } {
  const missing: string[] = [];
  let level = dir;
  while (!existsSync(level) && dirname(level) !== level) {
    missing.unshift(level);
    level = dirname(level);
  }
  if (!statSync(level).isDirectory()) {
    mkdirSync(missing[0] ?? level); // throws: ENOTDIR under the file, EEXIST on it
  }
  return { folder: level, missing };
}

/**
 * Create the folder `dir` and its missing parents, one level at a time from the nearest
 * existing one. Never `mkdirSync(dir, { recursive: true })`: on some paths (`/proc/x`) Node's
 * recursive mkdir loops forever instead of failing (here: ENOENT). Returns the absolute folder.
 */
export function makeDirectory(dir: string): string {
  const target = resolve(dir);
  for (const level of nearestFolder(target).missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      // Another process may have made the same level meanwhile (two runs into a new root).
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(level).isDirectory()) {
        throw error;
      }
    }
  }
  return target;
}

/** Where an output folder came from, for its error: the option or flag that named it, or the config field. */
export interface OutputDirectorySource {
  /** The flag or option (`--out`), when the folder was given that way. */
  readonly flag?: string;
  /** The config file and field (`artifacts.root_dir`), when the folder came from there. */
  readonly config?: { readonly file: string; readonly field: string; readonly flag?: string };
}

/**
 * Check, before any work, that the output folder `dir` exists or can be created and that it
 * can be written, without creating it: a folder is made and removed again in the nearest
 * existing folder at or above it. Throws a UserError naming the folder, where it came from,
 * the OS reason and the fix.
 */
export function checkOutputDirectory(dir: string, what: string, source: OutputDirectorySource): void {
  const target = resolve(dir);
  try {
    rmdirSync(mkdtempSync(join(nearestFolder(target).folder, '.tmp-write-check-')));
  } catch (error) {
    const hint = fileErrorHint(error);
    if (hint === undefined) {
      throw error;
    }
    const reason = `${hint} (${(error as Error).message})`;
    const wanted = 'a folder that exists or can be created, and that you can write to';
    if (source.config !== undefined) {
      const { file, field, flag } = source.config;
      const fix = `set ${field} to ${wanted}${flag === undefined ? '' : `, or pass ${flag} DIR`}`;
      throw new UserError(`cannot write ${what} ${target} (${field} in ${file})`, [{ path: field, code: 'unwritable_folder', message: `${reason}; ${fix}` }], file);
    }
    const flag = source.flag ?? 'outDir';
    throw new UserError(`cannot write ${what} ${target} (${flag})`, [{ path: flag, code: 'unwritable_folder', message: `${reason}; pass ${flag} ${wanted}` }]);
  }
}
