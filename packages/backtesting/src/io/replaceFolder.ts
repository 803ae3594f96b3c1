import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { makeDirectory, UserError } from '@euroflex/config';

/** What may stand where a command writes its output folder. */
export interface ReplaceableFolder {
  /** What the folder holds, for errors: `export`, `reconcile output`. */
  readonly what: string;
  /** The flag that names the folder (`--out`), for the fix. */
  readonly flag: string;
  /** How the folder was chosen when not by the flag, e.g. `the default RUN_DIR/reconciliation`. */
  readonly defaulted?: string;
  /** How an earlier output of the command is recognised, for the refusal. */
  readonly earlierOutput: string;
  /** True when the non-empty folder `dir` (holding `entries`) is an earlier output that may be replaced. */
  isEarlierOutput(dir: string, entries: readonly string[]): boolean;
}

/**
 * Check that `dir` can be (re)written: it does not exist, is an empty folder, or is an earlier
 * output of the same command. A file, or a folder holding anything else, is a UserError naming
 * the folder, the flag and the fix, and nothing is touched. Returns the absolute folder.
 */
export function checkReplaceableFolder(dir: string, folder: ReplaceableFolder): string {
  const target = resolve(dir);
  if (!existsSync(target)) {
    return target;
  }
  const named = folder.defaulted ?? folder.flag;
  const fix = `pass ${folder.flag} a new or empty folder`;
  if (!statSync(target).isDirectory()) {
    throw new UserError(`${target} (${named}) is a file, not a folder for the ${folder.what}: refusing to replace it; ${fix}, or move the file away`);
  }
  const entries = readdirSync(target);
  if (entries.length > 0 && !folder.isEarlierOutput(target, entries)) {
    throw new UserError(
      `${target} (${named}) is not empty and is not an earlier ${folder.what} (${folder.earlierOutput}): refusing to replace it; ${fix}, or move its files away`,
    );
  }
  return target;
}

/**
 * Write a folder atomically: `write` fills a fresh hidden sibling (`.tmp-<name>-<random>`), which
 * replaces `dir` only when complete; on failure it is removed and `dir` stays as it was. `dir`
 * is checked first (checkReplaceableFolder).
 */
export function writeFolderAtomically<T>(dir: string, folder: ReplaceableFolder, write: (tmp: string) => T): T {
  const target = checkReplaceableFolder(dir, folder);
  makeDirectory(dirname(target));
  // A new name each time, so nothing already there is removed; mkdir (not mkdtemp) keeps the umask's mode.
  const tmp = join(dirname(target), `.tmp-${basename(target)}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  try {
    const result = write(tmp);
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
    return result;
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
