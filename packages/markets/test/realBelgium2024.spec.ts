import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isoUtc, localDayGrid, localDatesBetween } from '../src/calendar';
import { normalizeCsv, type NormalizeOptions } from '../src/io/normalizeCsv';
import { loadMarketData, validateData } from '../src/io/validateData';
import { tempFolder } from './helpers/files';

const REAL = path.resolve(__dirname, '../../../examples/data/real');
const RAW = path.join(REAL, 'belgium_day_ahead_2024_raw.csv');
const UNFILLED = path.join(REAL, 'belgium_day_ahead_2024.csv');
const FILLED = path.join(REAL, 'belgium_day_ahead_2024_filled.csv');
const TZ = 'Europe/Brussels';
const YEAR = { startDate: '2024-01-01', endDate: '2024-12-31' };
const folder = tempFolder();
afterAll(() => folder.cleanup());

// The same options as tools/data/make-real-belgium-2024.mjs.
const OPTIONS: Omit<NormalizeOptions, 'input'> = {
  series: 'day_ahead',
  timestampColumn: 'datetime_utc',
  valueColumn: 'price_eur_mwh',
  timezone: 'UTC',
  resolution: 'PT15M',
  zone: '10YBE----------2',
  source: 'NOXxGDGKUL_AIAccelerate2025@fba4361',
  provenance: 'dam_prices.csv;sdac_hourly_repeated_4x',
  qualityStatus: 'as_published',
  window: YEAR,
};

/** The UTC instants of the raw slice (its `datetime_utc` is naive UTC). */
function rawInstants(): Set<number> {
  const lines = readFileSync(RAW, 'utf8').trim().split('\n').slice(1);
  return new Set(lines.map((line) => Date.parse(`${line.slice(0, 19).replace(' ', 'T')}Z`)));
}

describe('real Belgian day-ahead prices 2024', () => {
  const have = rawInstants();
  const missingByDay = new Map<string, number[]>();
  for (const date of localDatesBetween(YEAR.startDate, YEAR.endDate)) {
    const missing = Array.from(localDayGrid(date, TZ)).filter((ms) => !have.has(ms));
    if (missing.length > 0) {
      missingByDay.set(date, missing);
    }
  }
  const allMissing = [...missingByDay.values()].flat();

  it('raw slice covers the local year except whole hours on both DST days', () => {
    expect(have.size).toBe(35_136 - 16);
    expect([...missingByDay.keys()]).toEqual(['2024-03-31', '2024-10-27']);
    // Spring: 92 quarter-hours expected, 84 present; autumn: 100 expected, 92 present.
    expect(localDayGrid('2024-03-31', TZ).length - (missingByDay.get('2024-03-31')?.length ?? 0)).toBe(84);
    expect(localDayGrid('2024-10-27', TZ).length - (missingByDay.get('2024-10-27')?.length ?? 0)).toBe(92);
    expect(allMissing.map(isoUtc)).toEqual([
      ...['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45'].map((t) => `2024-03-31T${t}:00Z`),
      ...['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45'].map((t) => `2024-10-27T${t}:00Z`),
    ]);
  });

  it('validate-data reports exactly the DST gaps of the unfilled file, with rows and instants', () => {
    const report = validateData({ files: { day_ahead: UNFILLED }, timezone: TZ, window: YEAR, marketId: 'belgium' });
    expect(report.ok).toBe(false);
    const [entry] = report.series;
    expect([entry.rows, entry.resolution]).toEqual([35_120, 'PT15M']);
    const yearStart = Date.UTC(2023, 11, 31, 23);
    // Line of the row holding `ms` (header = line 1, no row before the gap is missing).
    const lineOf = (ms: number, missingBefore: number): number => (ms - yearStart) / 900_000 - missingBefore + 2;
    const gaps = entry.issues.filter((issue) => issue.code === 'gap');
    expect(gaps.map((g) => [g.instant, g.row, g.file])).toEqual([
      ['2024-03-31T00:00:00Z', lineOf(Date.UTC(2024, 2, 31, 2), 8), UNFILLED],
      ['2024-10-27T00:00:00Z', lineOf(Date.UTC(2024, 9, 27, 2), 16), UNFILLED],
    ]);
    expect(gaps[0].message).toContain(
      `8 quarter-hours missing between row ${lineOf(Date.UTC(2024, 2, 30, 23, 45), 0)} (2024-03-30T23:45:00Z) and row ${lineOf(Date.UTC(2024, 2, 31, 2), 8)} (2024-03-31T02:00:00Z)`,
    );
    const coverage = entry.issues.filter((issue) => issue.code === 'window_not_covered');
    expect(coverage).toHaveLength(1);
    expect(coverage[0].message).toContain('16 of 35136 quarter-hours missing');
    expect(entry.issues).toHaveLength(3);
  });

  it('the unfilled file is usable for a window without DST gaps, which are then warnings', () => {
    const report = validateData({
      files: { day_ahead: UNFILLED },
      timezone: TZ,
      window: { startDate: '2024-06-01', endDate: '2024-06-30' },
      marketId: 'belgium',
      historyDays: 1,
    });
    expect(report.ok).toBe(true);
    expect(report.series[0].warnings.map((w) => w.instant)).toEqual(['2024-03-31T00:00:00Z', '2024-10-27T00:00:00Z']);
  });

  it('the filled file validates clean and records its 16 fills per row', () => {
    const { report, series } = loadMarketData({ files: { day_ahead: FILLED }, timezone: TZ, window: YEAR, marketId: 'belgium' });
    expect(report.ok).toBe(true);
    expect(report.series[0].warnings).toEqual([]);
    expect(series.day_ahead?.instantsMs).toHaveLength(35_136);
    expect(series.day_ahead?.provenance.steps).toEqual(['expanded_from_PT60M', 'filled_rows_in_file:16']);
    const filledLines = readFileSync(FILLED, 'utf8').split('\n').filter((line) => line.includes(';filled_'));
    expect(filledLines.map((line) => line.slice(0, 20))).toEqual(allMissing.map(isoUtc));
  });

  it('the filled file holds each whole source hour as one PT60M row, and reads back the quarter-hours of the unfilled file', () => {
    const lines = readFileSync(FILLED, 'utf8').trim().split('\n').slice(1);
    const resolutions = lines.map((line) => line.split(',')[3]);
    // 8,784 local hours; the 4 hours of the DST days that hold fills stay 16 PT15M rows.
    expect(resolutions.filter((r) => r === 'PT60M')).toHaveLength(8_780);
    expect(lines.filter((line) => line.split(',')[3] === 'PT15M').map((line) => line.slice(0, 20))).toEqual(allMissing.map(isoUtc));
    const filled = loadMarketData({ files: { day_ahead: FILLED }, timezone: TZ, window: YEAR, marketId: 'belgium' }).series.day_ahead;
    const plain = normalizeCsv({ ...OPTIONS, input: RAW, output: path.join(folder.dir, 'plain-values.csv') }).series;
    const byInstant = new Map(Array.from(plain?.instantsMs ?? []).map((ms, i) => [ms, plain?.values[i]]));
    const differ = Array.from(filled?.instantsMs ?? []).filter((ms, i) => byInstant.has(ms) && byInstant.get(ms) !== filled?.values[i]);
    expect(byInstant.size).toBe(35_120);
    expect(differ).toEqual([]);
  });

  it('both canonical files are reproduced byte for byte from the raw slice', () => {
    const plain = normalizeCsv({ ...OPTIONS, input: RAW, output: path.join(folder.dir, 'plain.csv') });
    const filled = normalizeCsv({ ...OPTIONS, input: RAW, output: path.join(folder.dir, 'filled.csv'), fill: ['same-hour', 'previous'], collapseTo: 'PT60M' });
    expect(plain.gaps).toEqual(allMissing.map(isoUtc));
    // No quarter-hour of a whole missing hour has a sibling: same-hour cannot fill any, previous fills all.
    expect(filled.filled.map((f) => f.method)).toEqual(Array(16).fill('previous'));
    expect(filled.filled.map((f) => f.instant)).toEqual(allMissing.map(isoUtc));
    expect(readFileSync(path.join(folder.dir, 'plain.csv'), 'utf8')).toBe(readFileSync(UNFILLED, 'utf8'));
    expect(readFileSync(path.join(folder.dir, 'filled.csv'), 'utf8')).toBe(readFileSync(FILLED, 'utf8'));
  });
});
