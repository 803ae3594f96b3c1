import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { asciiCsvTable, isPlainAsciiCsv, parseCsvText } from '../src/io/csvText';
import { decodeText, readSeriesFile } from '../src/io/readSeriesFile';
import { seriesFromTable, type SeriesReadOptions } from '../src/table/seriesFromTable';
import { zoneClock } from '../src/time/zoneClock';
import { HEADER, tempFolder } from './helpers/files';

/**
 * Files read from bytes (ASCII, no quotes) take canonical rows through a fast path; these
 * tests hold it to the text path it replaced: the same series, the same issues (file, row,
 * instant, field, message), for canonical rows and for every kind of damaged one.
 */
const TZ = 'Europe/Brussels';
const T0 = Date.UTC(2024, 2, 30, 20); // the evening before the spring DST change
const clock = zoneClock(TZ);
const folder = tempFolder();
afterAll(() => folder.cleanup());

/** The reading `readSeriesFile` did before the byte path: decode, then the text table. */
function textPathRead(file: string, options: Omit<SeriesReadOptions, 'file'>) {
  return seriesFromTable(parseCsvText(decodeText(readFileSync(file))), { ...options, file });
}

/** A result or the error it throws (csv-parse throws on some broken quoting, on both paths). */
function outcome<T>(run: () => T): { value: T } | { error: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: String(error) };
  }
}

const utcVariants = (ms: number): string[] => {
  const iso = new Date(ms).toISOString();
  return [
    iso.replace('.000Z', 'Z'),
    iso.replace('.000Z', '+00:00'),
    iso.replace('.000Z', 'z'),
    iso.replace('.000Z', '.250Z'),
    iso.replace('T', ' ').replace('.000Z', 'Z'),
    iso.slice(0, 19),
    iso.slice(0, 16) + 'Z',
    ` ${iso.replace('.000Z', 'Z')}`,
    iso.replace('.000Z', '+01:00'),
    iso.replace('.000Z', '+0000'),
    iso.replace('.000Z', 'X'),
    iso.replace('.000Z', '+19:00'),
    iso.replace('.000Z', '-00:00'),
    '2024-02-30T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:00:60Z',
    '2024-01-01T00:00:00+19:00',
    '2024-01-01T00:00:00+01:60',
    'yesterday',
    '',
  ];
};

const localVariants = (ms: number): string[] => {
  const right = clock.formatLocal(ms);
  const wall = new Date(clock.wallMs(ms)).toISOString().slice(0, 19);
  return [
    right,
    right,
    right,
    wall,
    `${wall}+00:00`,
    new Date(ms).toISOString().replace('.000Z', 'Z'),
    clock.formatLocal(ms + 900_000),
    `${wall}+05:00`,
    ` ${right} `,
    right.replace('T', ' '),
    'not a time',
  ];
};

const marketVariants = (name: string): string[] => [name, name, name, ` ${name}`, 'imbalance', name.toUpperCase(), ''];

const CELL_VARIANTS = {
  resolution: ['PT15M', 'PT15M', 'PT15M', 'pt15m', ' PT15M ', 'PT60M', 'PT1H', 'PT4H', 'PT5M', '', '   '],
  value: ['12.5', '0.25', '0', '-0', '-3.25', '1e3', ' 7 ', '', '   ', 'abc', '.5', '5.', '+3', 'Infinity', '0x10', '0.30000000000000004', '123456789012345678', '0.1234567890123456789012345', '-', '.', '00012.50', '1'],
  zone: ['10YBE----------2', '10YBE----------2', '', ' 10YBE----------2', '10YNL----------L', '   ', '\t'],
  source: ['entsoe', '', ' spaced ', '\t \t'],
  provenance: ['as_published', 'filled_same_hour', 'x;filled_previous', ''],
  extra: ['1.5', '', 'UP', '-2', ' 3 ', '1e-7', '   '],
};

interface RowChoice {
  step: number;
  utc: number;
  local: number;
  market: number;
  resolution: number;
  value: number;
  zone: number;
  source: number;
  provenance: number;
  extra: number;
  required: number;
  shape: number;
}

const rowChoice: fc.Arbitrary<RowChoice> = fc.record({
  // Mostly the next quarter-hour; sometimes a repeat, a jump back or a gap.
  step: fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 8 }) }),
  utc: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() }),
  local: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() }),
  market: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() }),
  resolution: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() }),
  value: fc.nat(),
  zone: fc.nat(),
  source: fc.nat(),
  provenance: fc.nat(),
  extra: fc.nat(),
  required: fc.nat(),
  // 0: as is; 1: a cell short; 2: a cell more; 3: CRLF; 4: blank line before; 5: whitespace line before
  shape: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) }),
});

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

function fileText(rows: readonly RowChoice[], withExtras: boolean, name = 'day_ahead'): string {
  const header = withExtras ? `${HEADER},system_imbalance_mw,imbalance_shortage_price_eur_per_mwh` : HEADER;
  const lines = [header];
  let slot = 0;
  let ending = '\n';
  for (const row of rows) {
    slot += row.step;
    const ms = T0 + slot * 900_000;
    const cells = [
      pick(utcVariants(ms), row.utc),
      pick(localVariants(ms), row.local),
      pick(marketVariants(name), row.market),
      pick(CELL_VARIANTS.resolution, row.resolution),
      pick(CELL_VARIANTS.value, row.value),
      'EUR',
      pick(CELL_VARIANTS.zone, row.zone),
      pick(CELL_VARIANTS.source, row.source),
      'True',
      'False',
      'as_published',
      pick(CELL_VARIANTS.provenance, row.provenance),
      ...(withExtras ? [pick(CELL_VARIANTS.extra, row.extra), pick(CELL_VARIANTS.value, row.required)] : []),
    ];
    if (row.shape === 1) {
      cells.pop();
    } else if (row.shape === 2) {
      cells.push('extra');
    } else if (row.shape === 3) {
      ending = '\r\n';
    } else if (row.shape === 4) {
      lines.push('');
    } else if (row.shape === 5) {
      lines.push(' \t ');
    }
    lines.push(cells.join(','));
  }
  return `${lines.join(ending)}${ending}`;
}

const optionsArbitrary: fc.Arbitrary<Omit<SeriesReadOptions, 'file'>> = fc.record({
  name: fc.constantFrom('day_ahead' as const, 'day_ahead' as const, 'imbalance' as const, 'afrr_activation_ratio_up' as const),
  timezone: fc.constant(TZ),
  maxIssuesPerCode: fc.constantFrom(Infinity, 3),
  expectedZone: fc.constantFrom(undefined, '10YBE----------2'),
  requiredColumns: fc.constantFrom([], ['imbalance_shortage_price_eur_per_mwh']),
});

describe('canonical rows read from bytes', () => {
  it('give the same series and issues as the text path, for good and damaged rows', () => {
    fc.assert(
      fc.property(fc.array(rowChoice, { maxLength: 40 }), fc.boolean(), optionsArbitrary, (rows, withExtras, options) => {
        const text = fileText(rows, withExtras, options.name);
        const bytes = Buffer.from(text, 'latin1');
        expect(isPlainAsciiCsv(bytes)).toBe(true);
        const fromBytes = seriesFromTable(asciiCsvTable(bytes), { ...options, file: 'f.csv' });
        const fromText = seriesFromTable(parseCsvText(text), { ...options, file: 'f.csv' });
        expect(fromBytes).toEqual(fromText);
      }),
      { numRuns: 400 },
    );
  });

  it('read a clean year-like file through the fast path with the same result', () => {
    const rows: RowChoice[] = Array.from({ length: 3000 }, () => ({ step: 1, utc: 0, local: 0, market: 0, resolution: 0, value: 0, zone: 0, source: 0, provenance: 0, extra: 0, required: 0, shape: 0 }));
    const text = fileText(rows, true);
    const options = { name: 'day_ahead' as const, timezone: TZ, requiredColumns: ['imbalance_shortage_price_eur_per_mwh'] };
    const fromBytes = seriesFromTable(asciiCsvTable(Buffer.from(text, 'latin1')), options);
    expect(fromBytes.issues).toEqual([]);
    expect(fromBytes).toEqual(seriesFromTable(parseCsvText(text), options));
  });

  it('leave files with quotes, non-ASCII text or another delimiter to the text path', () => {
    expect(isPlainAsciiCsv(Buffer.from('a,b\n1,"2"\n'))).toBe(false);
    expect(isPlainAsciiCsv(Buffer.from('a,b\n1,Brüssel\n'))).toBe(false);
    expect(isPlainAsciiCsv(Buffer.from('\ufeffa,b\n1,2\n'))).toBe(false);
    expect(isPlainAsciiCsv(Buffer.from('a;b\n1;2\n'), ';')).toBe(true);
    expect(isPlainAsciiCsv(Buffer.from('a,b\n'), '::')).toBe(false);
  });

  it('readSeriesFile returns what the text path returned, whatever the file', () => {
    const oddities = ['', '"quoted",x', 'Brüssel', '\ufeff'];
    fc.assert(
      fc.property(fc.array(rowChoice, { maxLength: 25 }), fc.boolean(), optionsArbitrary, fc.nat(), (rows, withExtras, options, odd) => {
        let text = fileText(rows, withExtras, options.name);
        const oddity = pick(oddities, odd);
        text = oddity === '\ufeff' ? `${oddity}${text}` : text.replace('as_published', `as_published${oddity}`);
        const file = folder.write(`f${odd % 7}.csv`, text);
        expect(outcome(() => readSeriesFile(file, options))).toEqual(outcome(() => textPathRead(file, options)));
      }),
      { numRuns: 120 },
    );
  });
});
