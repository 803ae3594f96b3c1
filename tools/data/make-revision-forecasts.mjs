// Vintaged CSV forecasts for the canonical full-stack configs (delivery day 2025-06-17), so
// that schedule revisions see new information at their checkpoints:
//   vintage 1 (issued 2025-06-15 20:00, available 2025-06-16 06:00 local): the previous
//     day's actual value at the same time (what a D-1 desk knows);
//   vintage 2 (available 2025-06-17 05:00, before the 06:00 checkpoint): halfway between
//     vintage 1 and the actual value;
//   vintage 3 (available 2025-06-17 11:00, before the 12:00 checkpoint): the actual value.
// Activation ratios are forecast well in every vintage (the actual value): the example is
// about prices that become clearer during the day, not about SoC drift (that is what the
// persistence run of the same config shows).
// Deterministic; rerun with: node tools/data/make-revision-forecasts.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = path.join(root, 'examples/reference/examples/data');
const SERIES = [
  'day_ahead',
  'afrr_capacity_up',
  'afrr_capacity_down',
  'afrr_activation_price_up',
  'afrr_activation_price_down',
  'afrr_activation_ratio_up',
  'afrr_activation_ratio_down',
];
const FILE = {
  day_ahead: 'day_ahead_prices',
  afrr_capacity_up: 'afrr_capacity_up_prices',
  afrr_capacity_down: 'afrr_capacity_down_prices',
  afrr_activation_price_up: 'afrr_activation_price_up',
  afrr_activation_price_down: 'afrr_activation_price_down',
  afrr_activation_ratio_up: 'afrr_activation_ratio_up',
  afrr_activation_ratio_down: 'afrr_activation_ratio_down',
};
const DAY_MS = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const VINTAGES = [
  { issue: Date.parse('2025-06-15T18:00:00Z'), available: Date.parse('2025-06-16T04:00:00Z') },
  { issue: Date.parse('2025-06-17T03:00:00Z'), available: Date.parse('2025-06-17T03:00:00Z') },
  { issue: Date.parse('2025-06-17T09:00:00Z'), available: Date.parse('2025-06-17T09:00:00Z') },
];
const round = (value) => Math.round(value * 1e6) / 1e6;

for (const market of ['belgium', 'netherlands']) {
  const outDir = path.join(root, 'examples/revision/forecasts', market);
  mkdirSync(outDir, { recursive: true });
  for (const series of SERIES) {
    const rows = readFileSync(path.join(data, `${market}_${FILE[series]}.csv`), 'utf8').trim().split('\n').slice(1);
    const actual = new Map(rows.map((row) => {
      const cells = row.split(',');
      return [Date.parse(cells[0]), Number(cells[4])];
    }));
    const start = Date.parse('2025-06-16T22:00:00Z');
    const lines = ['market,delivery_start_utc,delivery_end_utc,forecast_price_eur_per_mwh,issue_time_utc,available_from_utc,provider_name'];
    for (const [v, vintage] of VINTAGES.entries()) {
      for (let t = 0; t < 96; t += 1) {
        const ms = start + t * 900_000;
        const previous = actual.get(ms - DAY_MS);
        const today = actual.get(ms);
        const ratio = series.startsWith('afrr_activation_ratio');
        const value = ratio || v === 2 ? today : v === 0 ? previous : (previous + today) / 2;
        lines.push([series, iso(ms), iso(ms + 900_000), round(value), iso(vintage.issue), iso(vintage.available), `desk_vintage_${v + 1}`].join(','));
      }
    }
    writeFileSync(path.join(outDir, `${series}.csv`), `${lines.join('\n')}\n`);
  }
}
console.log('wrote examples/revision/forecasts/{belgium,netherlands}/*.csv');
