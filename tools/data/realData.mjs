// Shared steps of the real-data rebuild scripts (make-real-*.mjs): slice a source file of the
// read-only real-data folder, derive what normalizeCsv cannot, normalise with the markets
// package and validate. The options live in real-data-recipes.json, which the tests read too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import markets from '@euroflex/markets';

const { normalizeCsv, validateData } = markets;

/** Repository root (two levels above this file). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The recipes: `{ datasets, validations }`. */
export function loadRecipes() {
  return JSON.parse(readFileSync(path.join(ROOT, 'tools/data/real-data-recipes.json'), 'utf8'));
}

/**
 * normalizeCsv cannot compute a column from two others, so the Dutch single price is appended
 * here: mid = (long + short) / 2, computed in integer cents (the source has 2 decimals), so the
 * text is exact (18.25, never 18.249999999999996).
 */
function midOfLongAndShort(header, lines) {
  const columns = header.split(',');
  const iLong = columns.indexOf('long_eur_mwh');
  const iShort = columns.indexOf('short_eur_mwh');
  const cents = (cell, line) => {
    const value = Number(cell) * 100;
    if (cell.trim() === '' || !Number.isFinite(value) || Math.abs(value - Math.round(value)) > 1e-6) {
      throw new Error(`not a price with at most 2 decimals: "${cell}" in line ${line}`);
    }
    return Math.round(value);
  };
  return {
    header: `${header},mid_eur_mwh`,
    lines: lines.map((line) => {
      const cells = line.split(',');
      return `${line},${String((cents(cells[iLong], line) + cents(cells[iShort], line)) / 200)}`;
    }),
  };
}

const DERIVATIONS = { mid_of_long_and_short: midOfLongAndShort };

/**
 * Write the dataset's input: the source header and its lines with from <= line < to (string
 * order; every source starts with a sortable timestamp), plus the derived column if any.
 * Returns the number of data lines.
 */
export function sliceSource(dataset, sourcePath = dataset.source) {
  const [header, ...lines] = readFileSync(sourcePath, 'utf8').replace(/\r/g, '').split('\n').filter((l) => l !== '');
  if (header !== dataset.header) {
    throw new Error(`unexpected header in ${sourcePath}: ${header}`);
  }
  const slice = lines.filter((line) => line >= dataset.slice.from && line < dataset.slice.to);
  const derive = dataset.derive === undefined ? undefined : DERIVATIONS[dataset.derive];
  if (dataset.derive !== undefined && derive === undefined) {
    throw new Error(`unknown derivation ${dataset.derive}`);
  }
  const out = derive === undefined ? { header, lines: slice } : derive(header, slice);
  const input = path.join(ROOT, dataset.input);
  mkdirSync(path.dirname(input), { recursive: true });
  writeFileSync(input, `${out.header}\n${out.lines.join('\n')}\n`);
  return slice.length;
}

/** Normalise the dataset's input into each output; prints what was filled or is missing. */
export function normalizeDataset(dataset) {
  for (const output of dataset.outputs) {
    const result = normalizeCsv({
      ...output.options,
      input: path.join(ROOT, dataset.input),
      output: path.join(ROOT, output.file),
    });
    console.log(
      `${output.file}: ${result.series?.instantsMs.length ?? 0} quarter-hours, ${result.gaps.length} missing, ${result.filled.length} filled, ${result.issues.length} issue(s)`,
    );
    for (const fill of result.filled) {
      console.log(`  filled ${fill.instant} by ${fill.method} from ${fill.from}`);
    }
    for (const issue of result.issues) {
      console.log(`  ${issue.code}: ${issue.instant ?? ''} ${issue.message}`);
    }
    if (!result.written || result.gaps.length > 0) {
      throw new Error(`${output.file} is incomplete; see the issues above`);
    }
  }
}

/** Run validate-data on every recipe validation that names one of `files`. */
export function validateOutputs(files) {
  const { validations } = loadRecipes();
  for (const check of validations.filter((v) => Object.values(v.files).some((f) => files.includes(f)))) {
    const report = validateData({
      ...check,
      files: Object.fromEntries(Object.entries(check.files).map(([name, file]) => [name, path.join(ROOT, file)])),
    });
    const problems = [...report.issues, ...report.series.flatMap((s) => [...s.issues, ...s.warnings])];
    console.log(
      `validate-data ${check.marketId} ${check.window.startDate}..${check.window.endDate} (history ${check.historyDays} d) ${Object.keys(check.files).join('+')}: ok=${report.ok}, ${problems.length} issue(s)/warning(s)`,
    );
    for (const problem of problems) {
      console.log(`  ${problem.code}: ${problem.file ?? ''} ${problem.instant ?? ''} ${problem.message}`);
    }
    if (!report.ok) {
      throw new Error('validate-data failed');
    }
  }
}

/**
 * Rebuild the datasets with these ids. `sources` optionally maps a dataset id to another
 * copy of its source file (default: the path in the recipe, the read-only real-data folder).
 */
export function rebuild(ids, sources = {}) {
  const { datasets } = loadRecipes();
  const chosen = ids.map((id) => {
    const dataset = datasets.find((d) => d.id === id);
    if (dataset === undefined) {
      throw new Error(`no dataset ${id} in real-data-recipes.json`);
    }
    return dataset;
  });
  for (const dataset of chosen) {
    const rows = sliceSource(dataset, sources[dataset.id]);
    console.log(`${dataset.input}: ${rows} source rows`);
    normalizeDataset(dataset);
  }
  validateOutputs(chosen.flatMap((d) => d.outputs.map((o) => o.file)));
}
