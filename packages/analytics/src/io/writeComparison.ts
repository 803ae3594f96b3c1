import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { makeDirectory } from '@euroflex/config';
import { dirname, join, resolve } from 'node:path';
import { compareRuns, type CompareOptions, type Comparison } from '../compare/compareRuns';
import { comparisonCsv, comparisonGroupsCsv, renderComparisonMarkdown } from '../compare/renderComparison';
import { readRunDirectory } from './readRunDirectory';

export interface WriteComparisonOptions extends CompareOptions {
  /** Output folder. Defaults to `comparison-<hash of the run ids>` next to the first run. */
  readonly outDir?: string;
}

export interface WrittenComparison {
  readonly comparison: Comparison;
  /** Absolute output folder. */
  readonly outDir: string;
  /** Absolute paths of the files written. */
  readonly files: readonly string[];
}

/**
 * The default output folder: `comparison-<first 12 hex of SHA-256 of the run ids, in
 * order>` next to the first run, so the same runs always land in the same place.
 */
export function defaultComparisonDir(runDirs: readonly string[], runIds: readonly string[]): string {
  const hash = createHash('sha256').update(runIds.join('\n')).digest('hex').slice(0, 12);
  return join(dirname(resolve(runDirs[0])), `comparison-${hash}`);
}

/**
 * Read the run directories, compare them and write `comparison.csv`, `comparison.json`,
 * `comparison_groups.csv` and `comparison.md` into the output folder. The content is
 * deterministic: no timestamps.
 */
export function writeComparison(runDirs: readonly string[], options: WriteComparisonOptions = {}): WrittenComparison {
  const runs = runDirs.map((dir) => readRunDirectory(dir));
  const comparison = compareRuns(runs, options);
  const outDir = resolve(
    options.outDir ??
      defaultComparisonDir(
        runs.map((run) => run.dir),
        runs.map((run) => run.runId),
      ),
  );
  makeDirectory(outDir);
  const files: [string, string][] = [
    ['comparison.csv', comparisonCsv(comparison)],
    ['comparison.json', `${JSON.stringify(comparison, null, 2)}\n`],
    ['comparison_groups.csv', comparisonGroupsCsv(comparison)],
    ['comparison.md', renderComparisonMarkdown(comparison)],
  ];
  for (const [name, text] of files) {
    writeFileSync(join(outDir, name), text);
  }
  return { comparison, outDir, files: files.map(([name]) => join(outDir, name)) };
}
