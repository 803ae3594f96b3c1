import { readFileSync } from 'node:fs';
import { isoLocal, localDayGrid } from '../src/calendar';
import { normalizeCsv, type NormalizeOptions } from '../src/io/normalizeCsv';
import { readSeriesFile } from '../src/io/readSeriesFile';
import { tempFolder } from './helpers/files';

const folder = tempFolder();
afterAll(() => folder.cleanup());
let counter = 0;

function normalize(text: string, options: Omit<NormalizeOptions, 'input'>) {
  counter += 1;
  const input = folder.write(`in${counter}.csv`, text);
  return normalizeCsv({ input, ...options });
}

const base = {
  series: 'day_ahead',
  timestampColumn: 'time',
  valueColumn: 'price',
  zone: '10YBE----------2',
} as const;

/** `time,price` lines for the given wall-clock labels. */
const table = (rows: readonly (readonly [string, string])[]): string => `time,price\n${rows.map(([t, p]) => `${t},${p}`).join('\n')}\n`;

/** Hourly naive local labels of a day, with the autumn 02:00 twice when `repeat`. */
function hourLabels(date: string, options: { skip?: number; repeat?: boolean } = {}): string[] {
  const labels: string[] = [];
  for (let hour = 0; hour < 24; hour += 1) {
    if (hour !== options.skip) {
      labels.push(`${date} ${String(hour).padStart(2, '0')}:00`);
    }
    if (hour === 2 && options.repeat === true) {
      labels.push(`${date} 02:00`);
    }
  }
  return labels;
}

describe('normalizeCsv: number formats and units', () => {
  it('reads semicolons, quoted cells, decimal commas and EUR/kWh', () => {
    const text = '"datum_nl";"datum_utc";"prijs"\n"2025-01-01 00:00";"2024-12-31 23:00";"0,12345"\n"2025-01-01 00:15";"2024-12-31 23:15";"-0,0021"\n"2025-01-01 00:30";"2024-12-31 23:30";"1.234,5"\n';
    const result = normalize(text, {
      ...base,
      timestampColumn: 'datum_utc',
      valueColumn: 'prijs',
      timezone: 'UTC',
      delimiter: ';',
      decimalComma: true,
      unitFactor: 1000,
      zone: '10YNL----------L',
    });
    expect(result.issues).toEqual([]);
    expect(result.marketTimezone).toBe('Europe/Amsterdam');
    expect(Array.from(result.series?.values ?? [])).toEqual([123.45, -2.1, 1_234_500]);
    expect(result.series?.instantsMs[0]).toBe(Date.UTC(2024, 11, 31, 23));
    expect(result.series?.provenance.steps).toEqual(['normalized', 'unit_factor:1000']);
  });

  it('reports values that are not numbers and does not zero-fill them', () => {
    const result = normalize(table([['2025-06-16T00:00Z', '5'], ['2025-06-16T00:15Z', 'n/a'], ['2025-06-16T00:30Z', '']]), {
      ...base,
      timezone: 'UTC',
    });
    expect(result.issues.map((i) => [i.code, i.row])).toEqual([
      ['invalid_value', 3],
      ['invalid_value', 4],
    ]);
    expect(Array.from(result.series?.values ?? [])).toEqual([5]);
  });
});

describe('normalizeCsv: naive local timestamps across DST', () => {
  it('reports the non-existent spring hour and expands the other 23 hours to 92 quarter-hours', () => {
    const rows = hourLabels('2024-03-31').map((label, i) => [label, String(i)] as const);
    const result = normalize(table(rows), { ...base, timezone: 'Europe/Brussels', resolution: 'PT60M' });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'nonexistent_local_time', row: 4, path: 'time' }),
    ]);
    expect(result.issues[0].message).toContain('local time 2024-03-31 02:00 does not exist in Europe/Brussels');
    expect(Array.from(result.series?.instantsMs ?? [])).toEqual(Array.from(localDayGrid('2024-03-31', 'Europe/Brussels')));
    expect(result.series?.values[8]).toBe(3); // 03:00 CEST is the fourth row
    expect(result.rowProvenance[0]).toMatch(/;expanded_from_PT60M$/);
  });

  it('maps a repeated autumn 02:00 to both occurrences in order', () => {
    const rows = hourLabels('2024-10-27', { repeat: true }).map((label, i) => [label, String(i)] as const);
    const result = normalize(table(rows), { ...base, timezone: 'Europe/Brussels', resolution: 'PT60M' });
    expect(result.issues).toEqual([]);
    expect(result.series?.instantsMs).toHaveLength(100);
    const at = (i: number): string => `${isoLocal(result.series?.instantsMs[i] ?? 0, 'Europe/Brussels')}=${result.series?.values[i]}`;
    expect([at(8), at(12), at(16)]).toEqual(['2024-10-27T02:00:00+02:00=2', '2024-10-27T02:00:00+01:00=3', '2024-10-27T03:00:00+01:00=4']);
  });

  it('maps the repeat the other way round in a newest-first file', () => {
    const rows = hourLabels('2024-10-27', { repeat: true }).map((label, i) => [label, String(i)] as const).reverse();
    const result = normalize(table(rows), { ...base, timezone: 'Europe/Brussels', resolution: 'PT60M' });
    expect(result.issues).toEqual([]);
    // The first 02:00 in the file (value 3) is the later, CET occurrence.
    expect(result.series?.values[8]).toBe(2);
    expect(result.series?.values[12]).toBe(3);
  });

  it('reports a repeated-hour label that appears only once, and the gap it leaves', () => {
    const rows = hourLabels('2024-10-27').map((label, i) => [label, String(i)] as const);
    const result = normalize(table(rows), { ...base, timezone: 'Europe/Brussels', resolution: 'PT60M' });
    expect(result.issues.map((i) => [i.code, i.row ?? i.instant])).toEqual([
      ['ambiguous_local_time', 4],
      ['gap', '2024-10-27T00:00:00Z'],
    ]);
    expect(result.gaps).toHaveLength(8);
    expect(result.series?.instantsMs).toHaveLength(92);
  });

  it('reads a custom timestamp format (Stata style, EUR/kWh)', () => {
    const text = 'time,DAM_price\n31mar2024 00:00:00,.08433\n31mar2024 01:00:00,.07683\n31mar2024 02:00:00,\n31mar2024 03:00:00,.05268\n';
    const result = normalize(text, {
      ...base,
      valueColumn: 'DAM_price',
      timezone: 'Europe/Brussels',
      timestampFormat: 'ddLLLyyyy HH:mm:ss',
      unitFactor: 1000,
      resolution: 'PT60M',
    });
    // The 02:00 row is both blank and non-existent: reported once, as a bad value.
    expect(result.issues.map((i) => i.code)).toEqual(['invalid_value']);
    expect(Array.from(result.series?.values ?? []).filter((_, i) => i % 4 === 0)).toEqual([84.33, 76.83, 52.68]);
    expect(result.series?.instantsMs[8]).toBe(Date.UTC(2024, 2, 31, 1));
  });
});

describe('normalizeCsv: gaps and opt-in fills', () => {
  // 2025-06-16 00:00..00:45 and 01:00..01:45 local; 00:15, 00:30 and all of 01:xx but 01:45 missing.
  const rows: [string, string][] = [
    ['2025-06-16T00:00:00+02:00', '10'],
    ['2025-06-16T00:45:00+02:00', '40'],
    ['2025-06-16T01:45:00+02:00', '80'],
  ];

  it('reports gaps and fills nothing by default', () => {
    const result = normalize(table(rows), { ...base, timezone: 'UTC' });
    expect(result.filled).toEqual([]);
    expect(result.gaps).toEqual([
      '2025-06-15T22:15:00Z',
      '2025-06-15T22:30:00Z',
      '2025-06-15T23:00:00Z',
      '2025-06-15T23:15:00Z',
      '2025-06-15T23:30:00Z',
    ]);
    expect(result.issues.map((i) => [i.code, i.instant])).toEqual([
      ['gap', '2025-06-15T22:15:00Z'],
      ['gap', '2025-06-15T23:00:00Z'],
    ]);
  });

  it('same-hour copies the nearest real quarter-hour of the same local hour', () => {
    const result = normalize(table(rows), { ...base, timezone: 'UTC', fill: 'same-hour' });
    expect(result.filled).toEqual([
      { instant: '2025-06-15T22:15:00Z', method: 'same-hour', from: '2025-06-15T22:00:00Z' },
      { instant: '2025-06-15T22:30:00Z', method: 'same-hour', from: '2025-06-15T22:45:00Z' },
      { instant: '2025-06-15T23:00:00Z', method: 'same-hour', from: '2025-06-15T23:45:00Z' },
      { instant: '2025-06-15T23:15:00Z', method: 'same-hour', from: '2025-06-15T23:45:00Z' },
      { instant: '2025-06-15T23:30:00Z', method: 'same-hour', from: '2025-06-15T23:45:00Z' },
    ]);
    expect(Array.from(result.series?.values ?? [])).toEqual([10, 10, 40, 40, 80, 80, 80, 80]);
    expect(result.rowProvenance[1]).toBe('normalized_from_in' + counter + '.csv;filled_same_hour_from_2025-06-15T22:00:00Z');
    expect(result.rowProvenance[0]).toBe(`normalized_from_in${counter}.csv`);
    expect(result.series?.provenance.steps).toContain('filled_same_hour:5');
    expect(result.gaps).toEqual([]);
  });

  it('previous carries the last real value through a run of holes', () => {
    const result = normalize(table(rows), { ...base, timezone: 'UTC', fill: 'previous' });
    expect(Array.from(result.series?.values ?? [])).toEqual([10, 10, 10, 40, 40, 40, 40, 80]);
    expect(result.filled.map((f) => f.from)).toEqual([
      '2025-06-15T22:00:00Z',
      '2025-06-15T22:00:00Z',
      '2025-06-15T22:45:00Z',
      '2025-06-15T22:45:00Z',
      '2025-06-15T22:45:00Z',
    ]);
  });

  it('tries methods in order and falls back when a whole local hour is missing', () => {
    const sparse: [string, string][] = [
      ['2025-06-16T00:00:00+02:00', '10'],
      ['2025-06-16T00:15:00+02:00', '20'],
      ['2025-06-16T02:00:00+02:00', '90'],
    ];
    const result = normalize(table(sparse), { ...base, timezone: 'UTC', fill: ['same-hour', 'previous'] });
    expect(result.filled.map((f) => [f.instant.slice(11, 16), f.method])).toEqual([
      ['22:30', 'same-hour'],
      ['22:45', 'same-hour'],
      ['23:00', 'previous'],
      ['23:15', 'previous'],
      ['23:30', 'previous'],
      ['23:45', 'previous'],
    ]);
    expect(Array.from(result.series?.values ?? [])).toEqual([10, 20, 20, 20, 20, 20, 20, 20, 90]);
  });

  it('treats both 02:00 hours of the autumn day as one local hour for same-hour', () => {
    const grid = Array.from(localDayGrid('2024-10-27', 'Europe/Brussels'));
    // Keep everything but the second (CET) 02:00 hour: 01:00Z..01:45Z.
    const kept = grid.filter((ms) => ms < Date.UTC(2024, 9, 27, 1) || ms >= Date.UTC(2024, 9, 27, 2));
    const text = table(kept.map((ms, i) => [new Date(ms).toISOString(), String(i)] as const));
    const result = normalize(text, { ...base, timezone: 'UTC', fill: 'same-hour' });
    expect(result.filled.map((f) => f.from)).toEqual(Array(4).fill('2024-10-27T00:45:00Z'));
    expect(result.series?.instantsMs).toHaveLength(100);
  });

  it('restricts output to a window and reports what the window lacks at its edges', () => {
    const result = normalize(table(rows), {
      ...base,
      timezone: 'UTC',
      fill: 'previous',
      window: { startDate: '2025-06-16', endDate: '2025-06-16' },
    });
    expect(result.series?.instantsMs).toHaveLength(96);
    expect(result.gaps).toEqual([]);
    const short = normalize(table(rows), { ...base, timezone: 'UTC', window: { startDate: '2025-06-15', endDate: '2025-06-16' } });
    expect(short.gaps).toHaveLength(96 + 96 - 3);
    expect(short.issues[0]).toMatchObject({ code: 'gap', instant: '2025-06-14T22:00:00Z' });
  });
});

describe('normalizeCsv: setup problems and output', () => {
  it('reports missing columns, unknown zones and an unknown market time zone', () => {
    expect(normalize('a,b\n1,2\n', { ...base, timezone: 'UTC' }).issues.map((i) => i.code)).toEqual([
      'missing_column',
      'missing_column',
    ]);
    expect(normalize(table(rows()), { ...base, timezone: 'Mars/Olympus' }).issues.map((i) => i.code)).toEqual([
      'invalid_timezone',
    ]);
    const noZone = normalize(table(rows()), { series: 'day_ahead', timestampColumn: 'time', valueColumn: 'price', timezone: 'UTC' });
    expect(noZone.issues.map((i) => i.code)).toEqual(['missing_timezone']);
    // Only what the CLI can take: --zone or --timezone (there is no flag for marketTimezone).
    expect(noZone.issues[0].message).toBe(
      "cannot tell the market time zone for timestamp_local: pass --zone with a known bidding-zone EIC (10YBE----------2 Europe/Brussels, 10YNL----------L Europe/Amsterdam), or --timezone with the market's IANA zone, e.g. Europe/Brussels",
    );
    const unknownZone = normalize(table(rows()), { series: 'day_ahead', timestampColumn: 'time', valueColumn: 'price', timezone: 'UTC', zone: '10YDE----------X' });
    expect(unknownZone.issues[0].message).toMatch(/^cannot tell the market time zone for timestamp_local \(--zone 10YDE----------X is not a known bidding zone\): pass --zone /);
    const byTimezone = normalize(table(rows()), { series: 'day_ahead', timestampColumn: 'time', valueColumn: 'price', timezone: 'Europe/Brussels' });
    expect(byTimezone.issues.map((i) => i.code)).not.toContain('missing_timezone');
    expect(normalize(table(rows()), { ...base, timezone: 'UTC', resolution: 'P1D' }).issues.map((i) => i.code)).toEqual([
      'unknown_resolution',
    ]);
    expect(normalizeCsv({ ...base, input: `${folder.dir}/missing.csv`, timezone: 'UTC' }).issues[0].code).toBe('file_not_found');
  });

  it('writes a canonical file that reads back clean, fills recorded per row', () => {
    const output = `${folder.dir}/out/day_ahead.csv`;
    const sparse = table([
      ['2025-06-16T00:00:00+02:00', '10'],
      ['2025-06-16T00:30:00+02:00', '30'],
    ]);
    const result = normalize(sparse, { ...base, timezone: 'UTC', fill: 'previous', output, source: 'unit_test', qualityStatus: 'Validated' });
    expect(result.written).toBe(true);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines).toEqual([
      'timestamp_utc,timestamp_local,market,resolution,price_eur_per_mwh,currency,zone,source,is_actual,is_forecast,quality_status,provenance',
      `2025-06-15T22:00:00Z,2025-06-16T00:00:00+02:00,day_ahead,PT15M,10,EUR,10YBE----------2,unit_test,True,False,Validated,normalized_from_in${counter}.csv`,
      `2025-06-15T22:15:00Z,2025-06-16T00:15:00+02:00,day_ahead,PT15M,10,EUR,10YBE----------2,unit_test,True,False,Validated,normalized_from_in${counter}.csv;filled_previous_from_2025-06-15T22:00:00Z`,
      `2025-06-15T22:30:00Z,2025-06-16T00:30:00+02:00,day_ahead,PT15M,30,EUR,10YBE----------2,unit_test,True,False,Validated,normalized_from_in${counter}.csv`,
    ]);
    const back = readSeriesFile(output, { name: 'day_ahead', timezone: 'Europe/Brussels', expectedZone: '10YBE----------2' });
    expect(back.issues).toEqual([]);
    expect(Array.from(back.series?.values ?? [])).toEqual([10, 10, 30]);
    expect(back.series?.provenance.steps).toEqual(['filled_rows_in_file:1']);
  });
});

function rows(): [string, string][] {
  return [['2025-06-16T00:00:00Z', '1']];
}

/** The data rows of a written canonical file, split into cells. */
const written = (output: string): string[][] =>
  readFileSync(output, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
/** Local hh:mm, resolution, value and provenance of each written row. */
const rowSummary = (output: string): string[][] => written(output).map((cells) => [cells[1].slice(11, 16), cells[3], cells[4], cells[11]]);

describe('normalizeCsv --keep-resolution: whole input blocks stay one row', () => {
  /** Naive local 4-hour block starts of a day and their values (block k is worth 10 * (k + 1)). */
  const blocks = (date: string): [string, string][] => [0, 4, 8, 12, 16, 20].map((hour, k) => [`${date} ${String(hour).padStart(2, '0')}:00`, String(10 * (k + 1))]);

  it.each([
    ['2024-03-31', 92, 12],
    ['2024-06-16', 96, 16],
    ['2024-10-27', 100, 20],
  ])('writes the six 4-hour blocks of %s as six PT4H rows that read back as %i quarter-hours', (date, quarterHours, firstBlock) => {
    const output = `${folder.dir}/keep/${date}.csv`;
    const options = { ...base, series: 'fcr_capacity', timezone: 'Europe/Brussels', resolution: 'PT4H', provenance: 'blocks', output } as const;
    const kept = normalize(table(blocks(date)), { ...options, keepResolution: true });
    expect(kept.issues).toEqual([]);
    const rows = written(output);
    // Local block starts, each a PT4H row without the expansion step (the reader records it).
    expect(rows.map((cells) => [cells[1].slice(11, 16), cells[3], cells[4], cells[11]])).toEqual(
      blocks(date).map(([label, value]) => [label.slice(11, 16), 'PT4H', value, 'blocks']),
    );
    const back = readSeriesFile(output, { name: 'fcr_capacity', timezone: 'Europe/Brussels', expectedZone: '10YBE----------2' });
    expect(back.issues).toEqual([]);
    expect(back.series?.instantsMs).toHaveLength(quarterHours);
    expect(back.series?.provenance.steps).toEqual(['expanded_from_PT4H']);
    // The 00-04 block lasts 3 h, 4 h or 5 h of the DST day; the reader holds it that long.
    expect(Array.from(back.series?.values ?? []).filter((v) => v === 10)).toHaveLength(firstBlock);
    // The same quarter-hours and values as the expanded file.
    const expanded = normalize(table(blocks(date)), { ...options, output: `${folder.dir}/keep/${date}-expanded.csv` });
    expect(Array.from(back.series?.instantsMs ?? [])).toEqual(Array.from(expanded.series?.instantsMs ?? []));
    expect(Array.from(back.series?.values ?? [])).toEqual(Array.from(expanded.series?.values ?? []));
    expect(kept.outputRows?.first.length).toBe(6);
  });

  it('keeps filled quarter-hours as PT15M rows with their fill, next to the whole hours', () => {
    // 00:00, 01:00 and 03:00 local: the 02:00 hour is missing and filled from the hour before.
    const hours: [string, string][] = [
      ['2024-06-16 00:00', '5'],
      ['2024-06-16 01:00', '6'],
      ['2024-06-16 03:00', '8'],
    ];
    const output = `${folder.dir}/keep/filled.csv`;
    const result = normalize(table(hours), { ...base, timezone: 'Europe/Brussels', resolution: 'PT60M', fill: 'previous', provenance: 'hours', keepResolution: true, output });
    expect(rowSummary(output)).toEqual([
      ['00:00', 'PT60M', '5', 'hours'],
      ['01:00', 'PT60M', '6', 'hours'],
      ['02:00', 'PT15M', '6', 'hours;expanded_from_PT60M;filled_previous_from_2024-06-15T23:45:00Z'],
      ['02:15', 'PT15M', '6', 'hours;expanded_from_PT60M;filled_previous_from_2024-06-15T23:45:00Z'],
      ['02:30', 'PT15M', '6', 'hours;expanded_from_PT60M;filled_previous_from_2024-06-15T23:45:00Z'],
      ['02:45', 'PT15M', '6', 'hours;expanded_from_PT60M;filled_previous_from_2024-06-15T23:45:00Z'],
      ['03:00', 'PT60M', '8', 'hours'],
    ]);
    const back = readSeriesFile(output, { name: 'day_ahead', timezone: 'Europe/Brussels', expectedZone: '10YBE----------2' });
    expect(back.issues).toEqual([]);
    expect(Array.from(back.series?.values ?? [])).toEqual([5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 8, 8, 8, 8]);
    expect(result.series?.instantsMs).toHaveLength(16);
  });

  it('writes quarter-hour input as it would without the option', () => {
    const quarters = table([
      ['2025-06-16T00:00:00+02:00', '10'],
      ['2025-06-16T00:15:00+02:00', '20'],
    ]);
    const one = `${folder.dir}/keep/q1.csv`;
    const two = `${folder.dir}/keep/q2.csv`;
    normalize(quarters, { ...base, timezone: 'UTC', provenance: 'q', output: one });
    normalize(quarters, { ...base, timezone: 'UTC', provenance: 'q', output: two, keepResolution: true });
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
  });
});

describe('normalizeCsv --collapse-to: quarter-hours that repeat one value become one row', () => {
  /** `time,price` quarter-hour rows in UTC, from `startIso`, one per value. */
  const quarters = (startIso: string, values: readonly number[]): [string, string][] =>
    values.map((value, q) => [new Date(Date.parse(startIso) + q * 900_000).toISOString(), String(value)]);

  it('writes a whole equal hour as one PT60M row and keeps a mixed hour and a filled quarter-hour as PT15M rows', () => {
    // 2024-06-16 local (CEST, UTC+2): 00:00 four times 10; 01:00 20, 20, 21, 20; 02:00 30, gap, 30, 30.
    const rows = quarters('2024-06-15T22:00:00Z', [10, 10, 10, 10, 20, 20, 21, 20, 30, 30, 30, 30]).filter((_, q) => q !== 9);
    const output = `${folder.dir}/collapse/hours.csv`;
    const result = normalize(table(rows), { ...base, timezone: 'UTC', fill: 'previous', provenance: 'src;repeated_4x', collapseTo: 'PT60M', output });
    expect(result.issues).toEqual([]);
    expect(rowSummary(output)).toEqual([
      ['00:00', 'PT60M', '10', 'src;repeated_4x'],
      ['01:00', 'PT15M', '20', 'src;repeated_4x'],
      ['01:15', 'PT15M', '20', 'src;repeated_4x'],
      ['01:30', 'PT15M', '21', 'src;repeated_4x'],
      ['01:45', 'PT15M', '20', 'src;repeated_4x'],
      // The hour holds a filled quarter-hour: it is not collapsed, and the fill stays on its row.
      ['02:00', 'PT15M', '30', 'src;repeated_4x'],
      ['02:15', 'PT15M', '30', 'src;repeated_4x;filled_previous_from_2024-06-16T00:00:00Z'],
      ['02:30', 'PT15M', '30', 'src;repeated_4x'],
      ['02:45', 'PT15M', '30', 'src;repeated_4x'],
    ]);
    expect(result.outputRows?.first.length).toBe(9);
    const back = readSeriesFile(output, { name: 'day_ahead', timezone: 'Europe/Brussels', expectedZone: '10YBE----------2' });
    expect(back.issues).toEqual([]);
    expect(Array.from(back.series?.values ?? [])).toEqual([10, 10, 10, 10, 20, 20, 21, 20, 30, 30, 30, 30]);
    expect(back.series?.provenance.steps).toContain('expanded_from_PT60M');
  });

  it.each([
    ['2024-03-31', 92, '2024-03-30T23:00:00Z'],
    ['2024-10-27', 100, '2024-10-26T22:00:00Z'],
  ])('collapses the %s DST day into one PT60M row per local hour and reads back the same %i quarter-hours', (date, count, startIso) => {
    // Each UTC hour of the local day has its own price, repeated on its four quarter-hours.
    const values = Array.from({ length: count }, (_, q) => 100 + Math.floor(q / 4));
    const expanded = normalize(table(quarters(startIso, values)), { ...base, timezone: 'UTC', output: `${folder.dir}/collapse/${date}-q.csv` });
    const output = `${folder.dir}/collapse/${date}.csv`;
    const collapsed = normalize(table(quarters(startIso, values)), { ...base, timezone: 'UTC', collapseTo: 'PT60M', output });
    expect(collapsed.issues).toEqual([]);
    const rows = written(output);
    expect(rows).toHaveLength(count / 4);
    expect(rows.every((cells) => cells[3] === 'PT60M')).toBe(true);
    // The autumn day repeats 02:00 local: two hourly rows with one label each, an hour apart in UTC.
    expect(rows.filter((cells) => cells[1].slice(11, 16) === '02:00')).toHaveLength(date === '2024-10-27' ? 2 : 0);
    const back = readSeriesFile(output, { name: 'day_ahead', timezone: 'Europe/Brussels', expectedZone: '10YBE----------2' });
    expect(back.issues).toEqual([]);
    expect(Array.from(back.series?.instantsMs ?? [])).toEqual(Array.from(expanded.series?.instantsMs ?? []));
    expect(Array.from(back.series?.values ?? [])).toEqual(values);
  });

  it('keeps an hour whose extra column differs in one quarter-hour as PT15M rows', () => {
    const text = 'time,price,short\n' + quarters('2024-06-15T22:00:00Z', [5, 5, 5, 5, 6, 6, 6, 6]).map(([t, p], q) => `${t},${p},${q === 6 ? 9 : 7}`).join('\n') + '\n';
    const output = `${folder.dir}/collapse/extra.csv`;
    normalize(text, { ...base, series: 'imbalance', extraColumns: { shortage_price_eur_per_mwh: 'short' }, timezone: 'UTC', collapseTo: 'PT60M', output });
    expect(written(output).map((cells) => cells[3])).toEqual(['PT60M', 'PT15M', 'PT15M', 'PT15M', 'PT15M']);
  });

  it.each([
    [{ collapseTo: 'PT7M' }, 'resolution "PT7M" is not supported (--collapse-to); use PT30M, PT60M (PT1H) or PT4H'],
    [{ collapseTo: 'PT15M' }, '--collapse-to PT15M must be coarser than the input resolution PT15M and a whole multiple of it'],
    [{ collapseTo: 'PT60M', resolution: 'PT4H' }, '--collapse-to PT60M must be coarser than the input resolution PT4H and a whole multiple of it'],
    [{ collapseTo: 'PT4H', keepResolution: true }, '--collapse-to cannot be combined with --keep-resolution; choose one'],
  ])('rejects %j, naming the option, and writes nothing', (extra, message) => {
    const output = `${folder.dir}/collapse/bad.csv`;
    const result = normalize(table(quarters('2024-06-15T22:00:00Z', [1, 1, 1, 1])), { ...base, timezone: 'UTC', ...extra, output });
    expect(result.issues).toEqual([{ path: 'collapseTo', code: 'invalid_collapse', message, file: expect.any(String) }]);
    expect(result.written).toBe(false);
  });
});
