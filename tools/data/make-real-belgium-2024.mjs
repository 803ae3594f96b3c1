// Rebuild examples/data/real/belgium_day_ahead_2024*.csv from the shared real-data copy of
// the Belgian day-ahead prices, using the package's own normalisation.
//
//   npx nx run @euroflex/markets:build && node tools/data/make-real-belgium-2024.mjs [SOURCE_CSV]
//
// SOURCE_CSV defaults to /work/shared/real-data/belgium/dam_prices.csv (read-only).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import markets from '@euroflex/markets';

const { normalizeCsv, validateData } = markets;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = process.argv[2] ?? '/work/shared/real-data/belgium/dam_prices.csv';
const outDir = path.join(root, 'examples/data/real');
const raw = path.join(outDir, 'belgium_day_ahead_2024_raw.csv');
const unfilled = path.join(outDir, 'belgium_day_ahead_2024.csv');
const filled = path.join(outDir, 'belgium_day_ahead_2024_filled.csv');

// The local year 2024 in Europe/Brussels is [2023-12-31T23:00Z, 2024-12-31T23:00Z); the
// source's datetime_utc is a naive UTC string, so a string comparison selects it.
const [header, ...lines] = readFileSync(source, 'utf8').replace(/\r/g, '').split('\n').filter((l) => l !== '');
if (header !== 'datetime_utc,date,hour,minute,price_eur_mwh') {
  throw new Error(`unexpected header in ${source}: ${header}`);
}
const slice = lines.filter((line) => line >= '2023-12-31 23:00:00' && line < '2024-12-31 23:00:00');
mkdirSync(outDir, { recursive: true });
writeFileSync(raw, `${header}\n${slice.join('\n')}\n`);

const common = {
  input: raw,
  series: 'day_ahead',
  timestampColumn: 'datetime_utc',
  valueColumn: 'price_eur_mwh',
  timezone: 'UTC',
  resolution: 'PT15M',
  zone: '10YBE----------2',
  source: 'NOXxGDGKUL_AIAccelerate2025@fba4361',
  provenance: 'dam_prices.csv;sdac_hourly_repeated_4x',
  qualityStatus: 'as_published',
  window: { startDate: '2024-01-01', endDate: '2024-12-31' },
};
const plain = normalizeCsv({ ...common, output: unfilled });
// The filled file, which the runs read, keeps each whole hour as one PT60M row: the source
// repeats the hourly SDAC price on its four quarter-hours (docs/data.md, normalize --collapse-to).
const withFill = normalizeCsv({ ...common, output: filled, fill: ['same-hour', 'previous'], collapseTo: 'PT60M' });

const validate = (file) =>
  validateData({
    files: { day_ahead: file },
    timezone: 'Europe/Brussels',
    window: { startDate: '2024-01-01', endDate: '2024-12-31' },
    marketId: 'belgium',
  });

console.log(`source rows in the local year 2024: ${slice.length}`);
console.log(`unfilled: ${plain.series.instantsMs.length} quarter-hours, ${plain.gaps.length} missing`);
console.log(`filled:   ${withFill.series.instantsMs.length} quarter-hours, ${withFill.filled.length} filled`);
for (const fill of withFill.filled) {
  console.log(`| ${fill.instant} | ${fill.method} | ${fill.from} |`);
}
console.log(`validate-data unfilled ok=${validate(unfilled).ok}, filled ok=${validate(filled).ok}`);
