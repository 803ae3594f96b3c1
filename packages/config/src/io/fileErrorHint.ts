/**
 * What an OS error on a path the user chose means, and what to do about it: these codes are
 * the user's to fix (exit code 1), never a bug in euroflex.
 */
const HINTS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist, or cannot be created there: check the path',
  EACCES: 'permission denied: choose a path you may use, or change its permissions',
  EPERM: 'the operation is not permitted there: choose another path, or change its permissions',
  EROFS: 'the file system is read-only: choose a path on a writable one',
  ENOSPC: 'no space is left on the device: free some space, or choose a path on another device',
  EDQUOT: 'the disk quota is used up: free some space, or choose a path elsewhere',
  ENOTDIR: 'a part of the path is a file, not a folder: choose a path where no file stands in the way',
  EEXIST: 'a file of that name is already there: choose another path, or move that file',
  EISDIR: 'it is a folder where a file is expected: name a file',
};

/** An OS error whose code is in the table above (a user's file problem). */
export function isUserFileError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && Object.hasOwn(HINTS, code);
}

/** The plain-language reason and fix for a user's file error, undefined for any other error. */
export function fileErrorHint(error: unknown): string | undefined {
  return isUserFileError(error) ? HINTS[error.code as string] : undefined;
}
