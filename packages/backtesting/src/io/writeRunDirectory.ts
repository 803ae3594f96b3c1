import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeDirectory } from '@euroflex/config';
import { stringify } from 'yaml';
import type { Table } from '../tables/table';
import { writeTable } from './writeTable';

export interface RunDirectoryContent {
  readonly runId: string;
  readonly summary: unknown;
  readonly configSnapshot: unknown;
  /** Tables, or functions that build them: each is built, written and released in turn. */
  readonly tables: readonly (Table | (() => Table))[];
  /** Extra JSON files of the run (e.g. `reconciliation_summary.json`), by file name. */
  readonly json?: Readonly<Record<string, unknown>>;
  /** Tables written under `normalized_inputs/`. */
  readonly inputs: readonly (Table | (() => Table))[];
  /**
   * Called with the complete temporary directory (summary.json included) before it is
   * renamed into place, to add derived files (the CLI writes `report/` here). If it
   * throws, nothing is renamed and the temporary directory is removed. It is handed the
   * tables named in `keepTables` that were written (top-level tables only), so that it need
   * not read back what was just written.
   */
  readonly finish?: (tmpDir: string, tables: ReadonlyMap<string, Table>) => void;
  /** Tables kept in memory for `finish` (the others are released once written). */
  readonly keepTables?: readonly string[];
}

/**
 * Write a run directory atomically: everything goes into a hidden temporary sibling,
 * which is renamed to `<root>/<runId>` only when complete. A crash leaves a `.tmp-*`
 * folder, never a half run that looks whole.
 */
export function writeRunDirectory(rootDir: string, content: RunDirectoryContent): string {
  const root = resolve(rootDir);
  const finalDir = join(root, content.runId);
  if (existsSync(finalDir)) {
    throw new Error(`run directory ${finalDir} already exists`);
  }
  makeDirectory(root);
  const tmpDir = join(root, `.tmp-${content.runId}`);
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir);
  try {
    const kept = new Map<string, Table>();
    for (const entry of content.tables) {
      const table = typeof entry === 'function' ? entry() : entry;
      writeTable(tmpDir, table);
      if (content.keepTables?.includes(table.name)) {
        kept.set(table.name, table);
      }
    }
    if (content.inputs.length > 0) {
      const inputsDir = join(tmpDir, 'normalized_inputs');
      mkdirSync(inputsDir);
      for (const table of content.inputs) {
        writeTable(inputsDir, typeof table === 'function' ? table() : table);
      }
    }
    writeFileSync(join(tmpDir, 'config_snapshot.yaml'), stringify(content.configSnapshot, { lineWidth: 0 }));
    for (const [name, value] of Object.entries(content.json ?? {})) {
      writeFileSync(join(tmpDir, name), `${JSON.stringify(value, null, 2)}\n`);
    }
    // summary.json last: its presence marks a complete run inside the temporary folder too.
    writeFileSync(join(tmpDir, 'summary.json'), `${JSON.stringify(content.summary, null, 2)}\n`);
    content.finish?.(tmpDir, kept);
    renameSync(tmpDir, finalDir);
  } catch (error) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
  return finalDir;
}
