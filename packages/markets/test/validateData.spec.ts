import { DataError } from '@euroflex/config';
import { loadMarketData, readMarketData, validateData } from '../src/io/validateData';
import { reportIssues } from '../src/validation/dataValidationReport';
import { canonicalLines, csvText, HEADER, tempFolder } from './helpers/files';

const TZ = 'Europe/Brussels';
const JUNE16 = Date.UTC(2025, 5, 15, 22); // local 2025-06-16 00:00
const folder = tempFolder();
afterAll(() => folder.cleanup());

/** Two local days (2025-06-16, 2025-06-17) of a series, optionally with changed rows. */
function twoDays(name: string, file: string, drop: (i: number) => boolean = () => false): string {
  const lines = canonicalLines(JUNE16, 192, { name }).filter((_, i) => !drop(i));
  return folder.write(file, csvText(lines));
}

const window = { startDate: '2025-06-17', endDate: '2025-06-17' };

describe('validateData', () => {
  it('passes for complete, aligned series', () => {
    const report = validateData({
      files: { day_ahead: twoDays('day_ahead', 'da.csv'), imbalance: twoDays('imbalance', 'imb.csv') },
      timezone: TZ,
      window,
      marketId: 'belgium',
      historyDays: 1,
    });
    expect(report.ok).toBe(true);
    expect(report.series.map((s) => [s.name, s.rows, s.resolution, s.issues.length, s.warnings.length])).toEqual([
      ['day_ahead', 192, 'PT15M', 0, 0],
      ['imbalance', 192, 'PT15M', 0, 0],
    ]);
  });

  it('requires day-ahead prices', () => {
    const report = validateData({ files: { imbalance: twoDays('imbalance', 'i2.csv') }, timezone: TZ, window, marketId: 'belgium' });
    expect(report.ok).toBe(false);
    expect(report.issues.map((issue) => issue.code)).toEqual(['missing_series']);
  });

  it('blocks on problems in the window and warns about problems outside it', () => {
    // Row index 10 is 2025-06-16 02:30 local (history day), 150 is 2025-06-17 13:30 local.
    const da = twoDays('day_ahead', 'da-holes.csv', (i) => i === 10 || i === 150);
    const withoutHistory = validateData({ files: { day_ahead: da }, timezone: TZ, window, marketId: 'belgium' });
    expect(withoutHistory.ok).toBe(false);
    const [entry] = withoutHistory.series;
    expect(entry.issues.map((i) => [i.code, i.instant])).toEqual([
      ['gap', '2025-06-17T11:30:00Z'],
      ['window_not_covered', '2025-06-17T11:30:00Z'],
    ]);
    expect(entry.warnings.map((i) => [i.code, i.instant, i.file])).toEqual([['gap', '2025-06-16T00:30:00Z', da]]);

    const withHistory = validateData({ files: { day_ahead: da }, timezone: TZ, window, marketId: 'belgium', historyDays: 1 });
    expect(withHistory.series[0].issues.map((i) => i.code)).toEqual(['gap', 'gap', 'window_not_covered', 'history_not_covered']);
    expect(withHistory.series[0].warnings).toEqual([]);
  });

  it('reports series that do not align with day-ahead', () => {
    const report = validateData({
      files: { day_ahead: twoDays('day_ahead', 'da3.csv'), fcr_capacity: twoDays('fcr_capacity', 'fcr3.csv', (i) => i >= 188) },
      timezone: TZ,
      window,
      marketId: 'belgium',
    });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'misaligned', path: 'data.fcr_capacity', instant: '2025-06-17T21:00:00Z' });
    expect(report.issues[0].message).toContain('4 instant(s) of day_ahead missing in fcr_capacity');
    expect(report.series[1].issues.map((i) => i.code)).toEqual(['window_not_covered']);
  });

  it('needs the Dutch dual-price columns and the Dutch zone', () => {
    const report = validateData({
      files: { day_ahead: twoDays('day_ahead', 'be-da.csv'), imbalance: twoDays('imbalance', 'nl-imb.csv') },
      timezone: 'Europe/Amsterdam',
      window,
      marketId: 'netherlands',
    });
    const [da, imbalance] = report.series;
    expect(new Set(da.issues.map((i) => i.code))).toEqual(new Set(['zone_mismatch']));
    expect(imbalance.issues.map((i) => [i.code, i.path])).toEqual([
      ['missing_column', 'imbalance_shortage_price_eur_per_mwh'],
      ['missing_column', 'imbalance_surplus_price_eur_per_mwh'],
    ]);
    // 96 zone issues in the window are listed up to 20, the rest summarised.
    expect(da.issues).toHaveLength(21);
  });

  it('reports an invalid window once, not per series', () => {
    const report = validateData({
      files: { day_ahead: twoDays('day_ahead', 'da4.csv') },
      timezone: TZ,
      window: { startDate: '2025-06-18', endDate: '2025-06-17' },
      marketId: 'belgium',
    });
    expect(report.issues.map((i) => i.code)).toEqual(['invalid_window']);
    expect(report.series[0].issues).toEqual([]);
  });
});

describe('loadMarketData', () => {
  it('returns the series when they are usable for the window', () => {
    const { series, report } = loadMarketData({
      files: { day_ahead: twoDays('day_ahead', 'ok-da.csv') },
      timezone: TZ,
      window,
      marketId: 'belgium',
      historyDays: 1,
    });
    expect(report.ok).toBe(true);
    expect(series.day_ahead?.instantsMs).toHaveLength(192);
  });

  it('reuses series read for the same input, and reads again for another', () => {
    const input = { files: { day_ahead: twoDays('day_ahead', 'reuse-da.csv') }, timezone: TZ, window, marketId: 'belgium' as const, historyDays: 1 };
    const read = readMarketData(input);
    expect(loadMarketData({ ...input, files: { ...input.files } }, read).series.day_ahead).toBe(read.series.day_ahead);
    const other = loadMarketData({ ...input, historyDays: 0 }, read);
    expect(other.series.day_ahead).not.toBe(read.series.day_ahead);
    expect(other.report.historyDays).toBe(0);
  });

  it('throws for already read series that are not usable, as for a fresh read', () => {
    const input = { files: { day_ahead: twoDays('day_ahead', 'reuse-bad.csv', (i) => i === 100) }, timezone: TZ, window, marketId: 'belgium' as const };
    expect(() => loadMarketData(input, readMarketData(input))).toThrow(DataError);
  });

  it('throws a DataError carrying every blocking issue of every series', () => {
    const input = {
      files: {
        day_ahead: twoDays('day_ahead', 'bad-da.csv', (i) => i === 100),
        imbalance: folder.write('bad-imb.csv', `${HEADER}\n`),
      },
      timezone: TZ,
      window,
      marketId: 'belgium' as const,
    };
    let caught: unknown;
    try {
      loadMarketData(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataError);
    const issues = (caught as DataError).issues;
    expect(issues.map((i) => [i.code, i.file])).toEqual([
      ['gap', input.files.day_ahead],
      ['window_not_covered', input.files.day_ahead],
      ['empty_file', input.files.imbalance],
    ]);
    expect(issues).toEqual(reportIssues(validateData(input)));
  });
});
