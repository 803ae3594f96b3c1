import { resolve } from 'node:path';
import type { LoadedConfig } from '@euroflex/config';

/** `loaded` when it was read from `file` (by an earlier step of `pipeline`), else `file` to load. */
export function configSource(file: string, loaded: LoadedConfig | undefined): string | LoadedConfig {
  return loaded !== undefined && loaded.file === resolve(file) ? loaded : file;
}
