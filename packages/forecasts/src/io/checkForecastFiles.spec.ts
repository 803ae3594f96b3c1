import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDayGrid } from '@euroflex/markets';
import { testConfig } from '../../test/support/config';
import { checkForecastFiles } from './checkForecastFiles';
import { FORECAST_CSV_COLUMNS } from './readForecastCsv';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-forecasts-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** One row per quarter-hour of each local day, available at `availableIso(date, i)` (issued an hour earlier). */
function forecastFile(name: string, dates: readonly string[], availableIso: (date: string, i: number) => string, value = (i: number) => String(50 + i)): string {
  const lines = [FORECAST_CSV_COLUMNS.join(',')];
  for (const date of dates) {
    localDayGrid(date, 'Europe/Brussels').forEach((startMs, i) => {
      const availableMs = Date.parse(availableIso(date, i));
      lines.push(`day_ahead,${iso(startMs)},${iso(startMs + 900_000)},${value(i)},${iso(availableMs - 3_600_000)},${iso(availableMs)},vendor`);
    });
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const csvConfig = (path: string, endDate = '2025-06-18') =>
  testConfig({ workflow: 'da_only', provider: { name: 'csv', day_ahead_path: path }, endDate });

// The day-ahead gate is 12:00 Brussels (10:00Z) on D-1: 2025-06-16T10:00Z decides the 17th.
const DAY_BEFORE_09Z: Record<string, string> = { '2025-06-17': '2025-06-16T09:00:00Z', '2025-06-18': '2025-06-17T09:00:00Z' };

describe('checkForecastFiles', () => {
  it('passes a file with a vintage for every interval by each day\'s gate; other providers have no files to check', () => {
    const path = forecastFile('ok.csv', ['2025-06-17', '2025-06-18'], (date) => DAY_BEFORE_09Z[date]);
    expect(checkForecastFiles(csvConfig(path))).toEqual([{ series: 'day_ahead', file: path, issues: [] }]);
    expect(checkForecastFiles(testConfig({ provider: 'persistence' }))).toEqual([]);
  });

  it('reports what the backtest would stop at: a vintage published after the second day\'s gate', () => {
    // 2025-06-18 02:00 local (index 8) is only available at 11:00Z on the 17th, after the 10:00Z gate.
    const path = forecastFile('late.csv', ['2025-06-17', '2025-06-18'], (date, i) => (date === '2025-06-18' && i === 8 ? '2025-06-17T11:00:00Z' : DAY_BEFORE_09Z[date]));
    const [check] = checkForecastFiles(csvConfig(path));
    expect(check.issues).toEqual([
      {
        path: 'forecast_provider.day_ahead_path',
        code: 'forecast_lookahead',
        file: path,
        instant: '2025-06-18T00:00:00Z',
        message:
          '1 requested delivery interval(s) of `day_ahead` only have vintages available after the decision time 2025-06-17T10:00:00Z ' +
          '(first: 2025-06-18T00:00:00Z; earliest available_from_utc 2025-06-17T11:00:00Z): using them would need look-ahead; ' +
          'add a vintage available by 2025-06-17T10:00:00Z',
      },
    ]);
  });

  it('reports the first uncovered day in full and counts the other days', () => {
    const path = forecastFile('short.csv', ['2025-06-17'], (date) => DAY_BEFORE_09Z[date]);
    const [check] = checkForecastFiles(csvConfig(path, '2025-06-20'));
    expect(check.issues.map((issue) => [issue.code, issue.instant])).toEqual([
      ['forecast_missing', '2025-06-17T22:00:00Z'],
      ['forecast_more_days', undefined],
    ]);
    expect(check.issues[1].message).toBe(
      'the forecast fails at the first decision of 2 more delivery day(s) too (2025-06-19, 2025-06-20); fix the file and run validate-data again',
    );
  });

  it('reports unreadable files and bad rows with file and line', () => {
    const missing = join(dir, 'nope.csv');
    expect(checkForecastFiles(csvConfig(missing))[0].issues.map((issue) => [issue.code, issue.file])).toEqual([['file_unreadable', missing]]);
    const path = forecastFile('nan.csv', ['2025-06-17', '2025-06-18'], (date) => DAY_BEFORE_09Z[date], (i) => (i === 3 ? 'NaN' : '1'));
    expect(checkForecastFiles(csvConfig(path))[0].issues.map((issue) => [issue.code, issue.row])).toEqual([
      ['non_finite', 5],
      ['non_finite', 101],
    ]);
  });
});
