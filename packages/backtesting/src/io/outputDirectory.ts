import { mkdtempSync, rmdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileErrorHint, nearestFolder, UserError } from '@euroflex/config';

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
