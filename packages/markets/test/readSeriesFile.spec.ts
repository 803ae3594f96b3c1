import { isoUtc, localDayGrid } from '../src/calendar';
import { readSeriesFile } from '../src/io/readSeriesFile';
import { canonicalLines, csvText, HEADER, tempFolder } from './helpers/files';

const T0 = Date.UTC(2025, 5, 15, 22); // 2025-06-16 00:00 CEST
const TZ = 'Europe/Brussels';
const folder = tempFolder();
afterAll(() => folder.cleanup());

function read(text: string, options: Partial<Parameters<typeof readSeriesFile>[1]> = {}) {
  const file = folder.write(`f${Math.random().toString(36).slice(2)}.csv`, text);
  return { file, ...readSeriesFile(file, { name: 'day_ahead', timezone: TZ, ...options }) };
}

const codes = (issues: readonly { code: string }[]): string[] => issues.map((issue) => issue.code);

describe('readSeriesFile: good files', () => {
  it('reads a canonical file keyed by UTC instant', () => {
    const { series, issues, rows, resolution, file } = read(csvText(canonicalLines(T0, 8)));
    expect(issues).toEqual([]);
    expect(rows).toBe(8);
    expect(resolution).toBe('PT15M');
    expect(series?.instantsMs[0]).toBe(T0);
    expect(series?.instantsMs[7]).toBe(T0 + 7 * 900_000);
    expect(Array.from(series?.values ?? [])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(series?.provenance).toEqual({ path: file, source: 'test', zone: '10YBE----------2', steps: [] });
  });

  it('sorts rows that are out of order and records it', () => {
    const { series, issues } = read(csvText(canonicalLines(T0, 6).reverse()));
    expect(issues).toEqual([]);
    expect(Array.from(series?.instantsMs ?? [], (ms) => (ms - T0) / 900_000)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(series?.values ?? [])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(series?.provenance.steps).toEqual(['sorted_on_load']);
  });

  it('expands a PT60M file over the autumn DST day to 100 quarter-hours', () => {
    const start = Date.UTC(2024, 9, 26, 22);
    const { series, issues, resolution } = read(csvText(canonicalLines(start, 25, { stepMinutes: 60, resolution: 'PT60M' })));
    expect(issues).toEqual([]);
    expect(resolution).toBe('PT60M');
    expect(Array.from(series?.instantsMs ?? [])).toEqual(Array.from(localDayGrid('2024-10-27', TZ)));
    expect(series?.provenance.steps).toEqual(['expanded_from_PT60M']);
    expect(series?.values[99]).toBe(24);
  });

  it('expands PT4H blocks over the spring DST day to 92 quarter-hours', () => {
    const grid = Array.from(localDayGrid('2024-03-31', TZ));
    const starts = [0, 12, 28, 44, 60, 76].map((q) => grid[q]);
    const lines = starts.map((ms, i) => canonicalLines(ms, 1, { resolution: 'PT4H', override: () => ({ value: String(10 * i) }) })[0]);
    const { series, issues, resolution } = read(csvText(lines));
    expect(issues).toEqual([]);
    expect(resolution).toBe('PT4H');
    expect(Array.from(series?.instantsMs ?? [])).toEqual(grid);
    expect(series?.values[11]).toBe(0);
    expect(series?.values[12]).toBe(10);
  });

  it('accepts a resolution_minutes column instead of resolution', () => {
    const header = HEADER.replace(',resolution,', ',resolution_minutes,');
    const lines = canonicalLines(T0, 2, { stepMinutes: 60, resolution: '60' });
    const { series, issues } = read(csvText(lines, header));
    expect(issues).toEqual([]);
    expect(series?.instantsMs).toHaveLength(8);
  });

  it('keeps numeric extra columns, ignores text ones, drops half-empty numeric ones', () => {
    const header = `${HEADER},system_imbalance_mw,regulating_condition,alpha_eur_per_mwh`;
    const lines = canonicalLines(T0, 3).map((line, i) => `${line},${i * 10},UP,${i === 1 ? '' : '1.5'}`);
    const { series, issues } = read(csvText(lines, header));
    expect(issues).toEqual([]);
    expect(Object.keys(series?.columns ?? {})).toEqual(['system_imbalance_mw']);
    expect(Array.from(series?.columns.system_imbalance_mw ?? [])).toEqual([0, 10, 20]);
    expect(series?.provenance.steps).toEqual(['dropped_column_with_blanks:alpha_eur_per_mwh']);
  });

  it('falls back to a real CSV parser for quoted cells', () => {
    const lines = canonicalLines(T0, 2).map((line) => line.replace(/test_fixture$/, '"a,b"'));
    const { series, issues } = read(csvText(lines));
    expect(issues).toEqual([]);
    expect(series?.instantsMs).toHaveLength(2);
  });

  it('loads a 35,136-row year fast (well under a second even on a busy CI runner)', () => {
    const text = csvText(canonicalLines(Date.UTC(2023, 11, 31, 23), 35_136));
    read(text);
    const started = process.hrtime.bigint();
    const { series, issues } = read(text);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(issues).toEqual([]);
    expect(series?.instantsMs).toHaveLength(35_136);
    expect(elapsedMs).toBeLessThan(1000);
  });
});

describe('readSeriesFile: every problem is an issue with file, row and instant', () => {
  it('reports a missing file', () => {
    const result = readSeriesFile(`${folder.dir}/nope.csv`, { name: 'imbalance', timezone: TZ });
    expect(result.series).toBeUndefined();
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'file_not_found', path: 'data.imbalance', file: `${folder.dir}/nope.csv` }),
    ]);
  });

  it('reports a folder given as file, and formats that are not canonical CSV', () => {
    expect(readSeriesFile(folder.dir, { name: 'day_ahead', timezone: TZ }).issues.map((i) => i.code)).toEqual([
      'unreadable_file',
    ]);
    const parquet = readSeriesFile(`${folder.dir}/prices.parquet`, { name: 'day_ahead', timezone: TZ });
    expect(parquet.issues.map((i) => [i.code, i.file])).toEqual([['unsupported_format', `${folder.dir}/prices.parquet`]]);
  });

  it.each([
    ['an empty file', ''],
    ['a header without rows', `${HEADER}\n`],
  ])('reports %s', (_label, text) => {
    const { series, issues, file } = read(text);
    expect(series).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: 'empty_file', row: 1, file })]);
  });

  it('reports every missing column at once', () => {
    const header = 'timestamp_utc,timestamp_local,resolution,currency';
    const { series, issues } = read(`${header}\n2025-06-15T22:00:00Z,2025-06-16T00:00:00+02:00,PT15M,EUR\n`, {
      requiredColumns: ['imbalance_surplus_price_eur_per_mwh'],
    });
    expect(series).toBeUndefined();
    expect(issues.map((issue) => [issue.code, issue.path, issue.row])).toEqual([
      ['missing_column', 'market', 1],
      ['missing_column', 'price_eur_per_mwh', 1],
      ['missing_column', 'imbalance_surplus_price_eur_per_mwh', 1],
    ]);
    // The hint names the extra columns this series needs in this market next to the canonical header.
    expect(issues[2].message).toBe(
      'column `imbalance_surplus_price_eur_per_mwh` is missing; the `day_ahead` file of this market needs the canonical header ' +
        `${HEADER} plus the column imbalance_surplus_price_eur_per_mwh (numeric in every row); convert foreign files with \`euroflex normalize\``,
    );
  });

  it('gives the canonical header alone when the series needs no extra column', () => {
    const { issues } = read('timestamp_utc,timestamp_local,market,resolution\n2025-06-15T22:00:00Z,2025-06-16T00:00:00+02:00,day_ahead,PT15M\n');
    expect(issues.map((issue) => issue.message)).toEqual([`column \`price_eur_per_mwh\` is missing; the canonical header is ${HEADER}; convert foreign files with \`euroflex normalize\``]);
  });

  it('reports an unknown market time zone instead of throwing', () => {
    const { series, issues } = read(csvText(canonicalLines(T0, 1)), { timezone: 'Europe/Bruxelles' });
    expect(series).toBeUndefined();
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalid_timezone', 'timezone']]);
  });

  it('reports a row with the wrong number of fields', () => {
    const lines = canonicalLines(T0, 3);
    lines[1] = lines[1].split(',').slice(0, 5).join(',');
    const { issues } = read(csvText(lines));
    expect(issues.map((i) => [i.code, i.row])).toEqual([['malformed_row', 3]]);
  });

  it('reports an unreadable timestamp', () => {
    const lines = canonicalLines(T0, 3);
    lines[2] = lines[2].replace(/^[^,]+/, 'yesterday');
    const { issues } = read(csvText(lines));
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid_timestamp', row: 4, path: 'timestamp_utc' })]);
  });

  it('reports an unknown resolution', () => {
    const { issues } = read(csvText(canonicalLines(T0, 2, { override: (i) => (i === 1 ? { resolution: 'PT5M' } : {}) })));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unknown_resolution', row: 3, instant: '2025-06-15T22:15:00Z' }),
    ]);
  });

  it.each([
    ['another instant', '2025-06-16T00:15:00+02:00', /is the instant 2025-06-15T22:15:00Z, not timestamp_utc 2025-06-15T22:00:00Z/],
    ['the same instant with a foreign offset', '2025-06-15T22:00:00+00:00', /offset \+00:00 but Europe\/Brussels is at \+02:00/],
    ['a naive wall clock that is UTC', '2025-06-15T22:00:00', /not the Europe\/Brussels wall clock/],
  ])('reports a local time that is %s', (_label, local, message) => {
    const { issues, series } = read(csvText(canonicalLines(T0, 1, { override: () => ({ local }) })));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'local_time_mismatch', row: 2, instant: '2025-06-15T22:00:00Z', path: 'timestamp_local' }),
    ]);
    expect(issues[0].message).toMatch(message);
    expect(issues[0].message).toContain('expected 2025-06-16T00:00:00+02:00');
    expect(series?.instantsMs).toHaveLength(1);
  });

  it('accepts a naive local time that is the market wall clock', () => {
    const { issues } = read(csvText(canonicalLines(T0, 1, { override: () => ({ local: '2025-06-16 00:00:00' }) })));
    expect(issues).toEqual([]);
  });

  it('reports a market column that names another series', () => {
    const { issues } = read(csvText(canonicalLines(T0, 2, { name: 'imbalance' })), { name: 'day_ahead' });
    expect(codes(issues)).toEqual(['market_mismatch', 'market_mismatch']);
    expect(issues[0].message).toContain('market is "imbalance" but the file is configured as day_ahead');
  });

  it('reports a foreign bidding zone when a zone is expected', () => {
    const lines = canonicalLines(T0, 2, { override: (i) => (i === 0 ? { zone: '10YNL----------L' } : {}) });
    expect(codes(read(csvText(lines), { expectedZone: '10YBE----------2' }).issues)).toEqual(['zone_mismatch']);
    expect(read(csvText(lines)).issues).toEqual([]);
  });

  it('reports blank and non-numeric values, leaves them out, and never zero-fills', () => {
    const values = ['1', '', 'abc', 'NaN', '5'];
    const { issues, series } = read(csvText(canonicalLines(T0, 5, { override: (i) => ({ value: values[i] }) })));
    expect(issues.map((i) => [i.code, i.row, i.instant])).toEqual([
      ['invalid_value', 3, '2025-06-15T22:15:00Z'],
      ['invalid_value', 4, '2025-06-15T22:30:00Z'],
      ['invalid_value', 5, '2025-06-15T22:45:00Z'],
    ]);
    expect(issues[0].message).toMatch(/blank; nothing is zero-filled/);
    expect(issues[1].message).toMatch(/"abc" is not a finite number/);
    expect(Array.from(series?.values ?? [])).toEqual([1, 5]);
    expect(Array.from(series?.instantsMs ?? [])).toEqual([T0, T0 + 4 * 900_000]);
  });

  it.each([
    ['unquoted (byte fast path)', (text: string) => text],
    ['quoted (csv-parse path)', (text: string) => text.replace(/,test,/g, ',"test",')],
  ])('reads only plain decimals, %s: 0x3E, 0b1, 0o7, Infinity and 1_000 are invalid values', (_label, quote) => {
    const values = ['0x3E', '0b1', '0o7', 'Infinity', '1_000', ' 62 ', '+1.5e1', '-.5', '7.'];
    const { issues, series } = read(quote(csvText(canonicalLines(T0, values.length, { override: (i) => ({ value: values[i] }) }))));
    expect(issues.map((i) => [i.code, i.row])).toEqual([2, 3, 4, 5, 6].map((row) => ['invalid_value', row]));
    expect(issues[0].message).toMatch(/^"0x3E" is not a finite number/);
    expect(Array.from(series?.values ?? [])).toEqual([62, 15, -0.5, 7]);
  });

  it('reads a JS hex literal in an extra column as text (the column is ignored) and in resolution_minutes as unknown', () => {
    const lines = canonicalLines(T0, 2).map((line, i) => `${line},${i === 0 ? '0x10' : '16'}`);
    expect(Object.keys(read(csvText(lines, `${HEADER},system_imbalance_mw`)).series?.columns ?? {})).toEqual([]);
    const header = HEADER.replace(',resolution,', ',resolution_minutes,');
    const { issues } = read(csvText(canonicalLines(T0, 1, { resolution: '0xF' }), header));
    expect(issues.map((i) => i.code)).toContain('unknown_resolution');
  });

  it('reports activation ratios outside [0, 1]', () => {
    const values = ['0.5', '1.5', '-0.1', '1'];
    const { issues, series } = read(
      csvText(canonicalLines(T0, 4, { name: 'afrr_activation_ratio_up', override: (i) => ({ value: values[i] }) })),
      { name: 'afrr_activation_ratio_up' },
    );
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ['ratio_out_of_range', 3],
      ['ratio_out_of_range', 4],
    ]);
    expect(Array.from(series?.values ?? [])).toEqual([0.5, 1]);
  });

  it('reports a row off its resolution grid', () => {
    const { issues } = read(csvText(canonicalLines(T0 + 15 * 60_000, 1, { resolution: 'PT60M' })));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'resolution_mismatch', row: 2, instant: '2025-06-15T22:15:00Z', path: 'resolution' }),
    ]);
  });

  it('reports a duplicate instant and keeps the first row', () => {
    const lines = canonicalLines(T0, 3);
    lines.push(canonicalLines(T0 + 900_000, 1, { override: () => ({ value: '99' }) })[0]);
    const { issues, series } = read(csvText(lines));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'duplicate_instant', row: 5, instant: '2025-06-15T22:15:00Z' }),
    ]);
    expect(issues[0].message).toContain('already given by row 3');
    expect(Array.from(series?.values ?? [])).toEqual([0, 1, 2]);
  });

  it('reports a gap once, with the rows around it and the missing instants', () => {
    const lines = canonicalLines(T0, 8);
    lines.splice(2, 3);
    const { issues } = read(csvText(lines));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'gap', row: 4, instant: '2025-06-15T22:30:00Z', path: 'timestamp_utc' }),
    ]);
    expect(issues[0].message).toContain(
      '3 quarter-hours missing between row 3 (2025-06-15T22:15:00Z) and row 4 (2025-06-15T23:15:00Z): 2025-06-15T22:30:00Z, 2025-06-15T22:45:00Z, 2025-06-15T23:00:00Z',
    );
  });

  it('reports a hole in the repeated autumn hour as a gap', () => {
    const grid = Array.from(localDayGrid('2024-10-27', TZ));
    const kept = grid.filter((ms) => ms < Date.UTC(2024, 9, 27, 1) || ms >= Date.UTC(2024, 9, 27, 2));
    const lines = kept.map((ms) => canonicalLines(ms, 1)[0]);
    const { issues, series } = read(csvText(lines));
    expect(series?.instantsMs).toHaveLength(96);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'gap', instant: isoUtc(Date.UTC(2024, 9, 27, 1)), row: 14 });
    expect(issues[0].message).toContain('4 quarter-hours missing');
  });

  it('lists at most maxIssuesPerCode issues per code and counts the rest', () => {
    const { issues } = read(csvText(canonicalLines(T0, 30, { name: 'imbalance' })), { maxIssuesPerCode: 5 });
    expect(issues).toHaveLength(6);
    expect(issues[5]).toMatchObject({ code: 'market_mismatch', row: 7 });
    expect(issues[5].message).toMatch(/^25 more rows with the same problem/);
  });

  it('requires the NL dual-price columns to hold numbers in every row', () => {
    const header = `${HEADER},imbalance_shortage_price_eur_per_mwh,imbalance_surplus_price_eur_per_mwh`;
    const lines = canonicalLines(T0, 3, { name: 'imbalance' }).map((line, i) => `${line},${i === 1 ? '' : '80'},60`);
    const { issues, series } = read(csvText(lines, header), {
      name: 'imbalance',
      requiredColumns: ['imbalance_shortage_price_eur_per_mwh', 'imbalance_surplus_price_eur_per_mwh'],
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid_value', path: 'imbalance_shortage_price_eur_per_mwh', row: 3 }),
    ]);
    expect(Array.from(series?.columns.imbalance_surplus_price_eur_per_mwh ?? [])).toEqual([60, 60]);
  });
});
