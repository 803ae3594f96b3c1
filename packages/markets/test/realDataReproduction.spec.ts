import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeCsv } from '../src/io/normalizeCsv';
import { validateData } from '../src/io/validateData';
import { tempFolder } from './helpers/files';
import { realDataRecipes, ROOT } from './helpers/realData';

const { datasets, validations } = realDataRecipes();
const folder = tempFolder();
afterAll(() => folder.cleanup());

const read = (relative: string): string => readFileSync(path.join(ROOT, relative), 'utf8');

/** Half the sum of two prices with at most 2 decimals, exact in text (computed in cents). */
function midText(long: string, short: string): string {
  const cents = (cell: string): number => {
    const value = Number(cell) * 100;
    if (cell.trim() === '' || Math.abs(value - Math.round(value)) > 1e-6) {
      throw new Error(`not a price with at most 2 decimals: "${cell}"`);
    }
    return Math.round(value);
  };
  return String((cents(long) + cents(short)) / 200);
}

describe('real data shipped with the examples: rebuilt from the recipes of tools/data', () => {
  it('has a recipe for every shipped file outside the 2024 Belgian day-ahead set', () => {
    const shipped = readdirCsv();
    const made = new Set(datasets.flatMap((d) => [d.input, ...d.outputs.map((o) => o.file)]).map((f) => path.basename(f)));
    const lead = ['belgium_day_ahead_2024.csv', 'belgium_day_ahead_2024_filled.csv', 'belgium_day_ahead_2024_raw.csv'];
    expect(shipped.filter((f) => !made.has(f)).sort()).toEqual(lead.sort());
    for (const dataset of datasets) {
      expect(existsSync(path.join(ROOT, dataset.script))).toBe(true);
    }
  });

  it.each(datasets.flatMap((d) => d.outputs.map((o) => [path.basename(o.file), d, o] as const)))(
    '%s is reproduced byte for byte by normalizeCsv from its shipped input',
    (name, dataset, output) => {
      const result = normalizeCsv({ ...output.options, input: path.join(ROOT, dataset.input), output: path.join(folder.dir, name) });
      expect(result.gaps).toEqual([]);
      expect(result.issues).toEqual([]);
      expect(readFileSync(path.join(folder.dir, name), 'utf8')).toBe(read(output.file));
    },
  );

  it.each(datasets.map((d) => [path.basename(d.input), d] as const))(
    '%s starts with the source header and holds only rows of its slice',
    (_name, dataset) => {
      const [header, ...lines] = read(dataset.input).trim().split('\n');
      const derived = dataset.derive === 'mid_of_long_and_short' ? ',mid_eur_mwh' : '';
      expect(header).toBe(`${dataset.header}${derived}`);
      expect(lines.filter((line) => line < dataset.slice.from || line >= dataset.slice.to)).toEqual([]);
    },
  );

  it('the Dutch prepared input appends mid = (long + short) / 2 to every source line', () => {
    const dataset = datasets.find((d) => d.derive === 'mid_of_long_and_short');
    expect(dataset).toBeDefined();
    const lines = read(dataset?.input ?? '').trim().split('\n').slice(1);
    expect(lines).toHaveLength(35_136);
    const wrong = lines.filter((line) => {
      const [, , long, short, mid] = line.split(',');
      return mid !== midText(long, short);
    });
    expect(wrong).toEqual([]);
    // A hand-checked row: 2024-01-01 00:00 local, long -46.72, short 83.22, mid 18.25.
    expect(lines[0]).toBe('2024-01-01 00:00:00+01:00,2023-12-31 23:00:00,-46.72,83.22,18.25');
  });

  // The sources live in the read-only real-data folder of the lab machine; elsewhere the
  // shipped inputs are all there is, and the checks above still hold.
  const withSources = datasets.filter((d) => existsSync(d.source));
  (withSources.length === datasets.length ? it : it.skip)('every shipped input is the slice of its source, byte for byte', () => {
    for (const dataset of withSources) {
      const [header, ...lines] = readFileSync(dataset.source, 'utf8').replace(/\r/g, '').trim().split('\n');
      let slice = lines.filter((line) => line >= dataset.slice.from && line < dataset.slice.to);
      if (dataset.derive === 'mid_of_long_and_short') {
        slice = slice.map((line) => `${line},${midText(line.split(',')[2], line.split(',')[3])}`);
      }
      const expected = `${header}${dataset.derive === undefined ? '' : ',mid_eur_mwh'}\n${slice.join('\n')}\n`;
      expect(read(dataset.input)).toBe(expected);
    }
  });

  it.each(validations.map((v) => [`${v.marketId} ${v.window.startDate}..${v.window.endDate} ${Object.keys(v.files).join('+')}`, v] as const))(
    'validate-data %s is clean, without warnings',
    (_label, check) => {
      const report = validateData({
        ...check,
        files: Object.fromEntries(Object.entries(check.files).map(([name, file]) => [name, path.join(ROOT, file)])),
      });
      expect(report.issues).toEqual([]);
      expect(report.series.flatMap((s) => [...s.issues, ...s.warnings])).toEqual([]);
      expect(report.ok).toBe(true);
      // The FCR blocks and the hourly day-ahead prices are stored at their own resolution
      // (normalize --keep-resolution, --collapse-to PT60M); the imbalance prices are quarter-hours.
      // The Belgian day-ahead files keep their filled DST-day quarter-hours as PT15M rows.
      const dayAhead = check.files.day_ahead?.includes('belgium') === true ? 'PT60M+PT15M' : 'PT60M';
      const stored = { fcr_capacity: 'PT4H', day_ahead: dayAhead, imbalance: 'PT15M' } as Record<string, string>;
      expect(report.series.map((s) => [s.name, s.resolution])).toEqual(report.series.map((s) => [s.name, stored[s.name]]));
    },
  );
});

function readdirCsv(): string[] {
  return readdirSync(path.join(ROOT, 'examples/data/real')).filter((f) => f.endsWith('.csv'));
}
