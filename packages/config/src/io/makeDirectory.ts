import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The nearest folder at or above `dir` that exists, and the levels below it down to `dir`
 * (shallowest first). A file at `dir` or on its way fails as mkdir fails there (EEXIST or
 * ENOTDIR, naming the path).
 */
export function nearestFolder(dir: string): { readonly folder: string; readonly missing: readonly string[] } {
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
 * It lives in the lowest layer so that markets and the layers above share this one copy.
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
