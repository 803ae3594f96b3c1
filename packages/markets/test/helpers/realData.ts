import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MarketId, SeriesName } from '@euroflex/config';
import type { NormalizeOptions } from '../../src/io/normalizeCsv';
import { loadMarketData } from '../../src/io/validateData';
import type { Series } from '../../src/series';

/** Repository root. */
export const ROOT = path.resolve(__dirname, '../../../..');
/** The folder of the shipped real data. */
export const REAL = path.join(ROOT, 'examples/data/real');

/** One dataset of tools/data/real-data-recipes.json (the options the rebuild scripts use). */
export interface DatasetRecipe {
  readonly id: string;
  readonly script: string;
  readonly source: string;
  readonly header: string;
  readonly slice: { readonly from: string; readonly to: string };
  readonly derive?: 'mid_of_long_and_short';
  readonly input: string;
  readonly outputs: readonly { readonly file: string; readonly options: Omit<NormalizeOptions, 'input' | 'output'> }[];
}

/** One validate-data check of the recipes (paths relative to the root). */
export interface ValidationRecipe {
  readonly marketId: MarketId;
  readonly timezone: string;
  readonly window: { readonly startDate: string; readonly endDate: string };
  readonly historyDays: number;
  readonly files: Partial<Record<SeriesName, string>>;
}

/** The recipes the rebuild scripts under tools/data/ run. */
export function realDataRecipes(): { datasets: DatasetRecipe[]; validations: ValidationRecipe[] } {
  return JSON.parse(readFileSync(path.join(ROOT, 'tools/data/real-data-recipes.json'), 'utf8')) as {
    datasets: DatasetRecipe[];
    validations: ValidationRecipe[];
  };
}

/** The dataset with this id (throws if the recipes lack it). */
export function datasetRecipe(id: string): DatasetRecipe {
  const found = realDataRecipes().datasets.find((dataset) => dataset.id === id);
  if (found === undefined) {
    throw new Error(`no dataset ${id} in tools/data/real-data-recipes.json`);
  }
  return found;
}

/** Data lines (no header) of a shipped file under examples/data/real/. */
export function dataLines(file: string): string[] {
  return readFileSync(path.join(REAL, file), 'utf8').trim().split('\n').slice(1);
}

/** Milliseconds of a naive `YYYY-MM-DD HH:MM:SS` UTC timestamp. */
export function naiveUtcMs(text: string): number {
  return Date.parse(`${text.slice(0, 19).replace(' ', 'T')}Z`);
}

/** Load shipped canonical files (names under examples/data/real/) through validate-data. */
export function loadReal(
  files: Partial<Record<SeriesName, string>>,
  marketId: MarketId,
  window: { startDate: string; endDate: string },
  historyDays = 0,
): ReturnType<typeof loadMarketData> & { get(name: SeriesName): Series } {
  const loaded = loadMarketData({
    files: Object.fromEntries(Object.entries(files).map(([name, file]) => [name, path.join(REAL, file)])),
    timezone: marketId === 'belgium' ? 'Europe/Brussels' : 'Europe/Amsterdam',
    window,
    marketId,
    historyDays,
  });
  return {
    ...loaded,
    get(name) {
      const series = loaded.series[name];
      if (series === undefined) {
        throw new Error(`${name} not loaded`);
      }
      return series;
    },
  };
}
