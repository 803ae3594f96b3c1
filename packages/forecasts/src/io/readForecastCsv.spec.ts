import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, UserError } from '@euroflex/config';
import { readForecastCsv } from './readForecastCsv';

const HEADER = 'market,delivery_start_utc,delivery_end_utc,forecast_price_eur_per_mwh,issue_time_utc,available_from_utc,provider_name';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forecast-csv-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** A row for the i-th quarter-hour of 2024-04-02 (UTC), issued 09:00 and available 10:00 the day before. */
function quarterHourRow(series: string, i: number, value: string): string {
  const startMs = Date.parse('2024-04-02T00:00:00Z') + i * 900_000;
  const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
  return `${series},${iso(startMs)},${iso(startMs + 900_000)},${value},2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,a`;
}

function dataErrorOf(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('readForecastCsv', () => {
  it('reads rows with their line numbers; pandas-style times and an empty line are fine', () => {
    const path = write('ok.csv', [
      HEADER,
      'day_ahead,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,61.5,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,vendor_a',
      '',
      'day_ahead,2024-04-02 00:15:00+00:00,2024-04-02 00:30:00+00:00,-3,2024-04-01 11:00:00+02:00,2024-04-01 09:30:00+00:00,',
    ]);
    const file = readForecastCsv(path, 'day_ahead');
    expect(file.path).toBe(path);
    expect(Array.from(file.rows)).toEqual([2, 4]);
    expect(Array.from(file.deliveryStartMs)).toEqual([Date.parse('2024-04-02T00:00:00Z'), Date.parse('2024-04-02T00:15:00Z')]);
    expect(Array.from(file.issueTimeMs)).toEqual([Date.parse('2024-04-01T09:00:00Z'), Date.parse('2024-04-01T09:00:00Z')]);
    expect(Array.from(file.values)).toEqual([61.5, -3]);
    expect(file.providerNames).toEqual(['vendor_a', 'csv']);
    expect(file.scenarioIds).toEqual([undefined, undefined]);
    expect(Array.from(file.scenarioWeights)).toEqual([1, 1]);
  });

  it('reads optional scenario columns', () => {
    const path = write('scenarios.csv', [
      `${HEADER},scenario_id,scenario_weight`,
      'imbalance,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,10,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,m,low,0.25',
      'imbalance,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,90,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,m,high,0.75',
    ]);
    const file = readForecastCsv(path, 'imbalance');
    expect(file.scenarioIds).toEqual(['low', 'high']);
    expect(Array.from(file.scenarioWeights)).toEqual([0.25, 0.75]);
  });

  it('lists every missing column on line 1', () => {
    const path = write('columns.csv', ['market,delivery_start_utc,forecast_price_eur_per_mwh,provider_name', 'day_ahead,x,1,y']);
    const failure = dataErrorOf(() => readForecastCsv(path, 'day_ahead'));
    expect(failure.issues.map((issue) => issue.path)).toEqual(['delivery_end_utc', 'issue_time_utc', 'available_from_utc']);
    expect(failure.issues.every((issue) => issue.file === path && issue.row === 1 && issue.code === 'missing_column')).toBe(true);
  });

  it('rejects issue_time_utc after available_from_utc, naming file and row', () => {
    const path = write('vintage.csv', [
      HEADER,
      'day_ahead,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,61.5,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,a',
      'day_ahead,2024-04-02T00:15:00Z,2024-04-02T00:30:00Z,62,2024-04-01T10:00:01Z,2024-04-01T10:00:00Z,a',
    ]);
    const failure = dataErrorOf(() => readForecastCsv(path, 'day_ahead'));
    expect(failure.file).toBe(path);
    expect(failure.issues).toHaveLength(1);
    expect(failure.issues[0]).toMatchObject({ file: path, row: 3, path: 'issue_time_utc', code: 'issue_after_available' });
    expect(failure.issues[0].message).toContain('issue_time_utc 2024-04-01T10:00:01Z is after available_from_utc 2024-04-01T10:00:00Z');
  });

  it('reports every bad row at once: times, values, market, grid', () => {
    const path = write('bad.csv', [
      HEADER,
      'day_ahead,2024-04-31T00:00:00Z,2024-04-02T00:15:00Z,1,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,a',
      'day_ahead,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,NaN,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,a',
      'day_ahead,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,a',
      'imbalance,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,1,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,a',
      'day_ahead,2024-04-02T00:05:00Z,2024-04-02T00:20:00Z,1,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,a',
      'day_ahead,2024-04-02T00:00:00Z,2024-04-02T01:00:00Z,1,2024-04-01T09:00:00Z,2024-04-01T10:00:00Z,a',
      'day_ahead,2024-04-02T00:00:00Z,2024-04-02T00:15:00Z,1,tomorrow,2024-04-01T10:00:00Z,a',
    ]);
    const failure = dataErrorOf(() => readForecastCsv(path, 'day_ahead'));
    expect(failure.issues.map((issue) => [issue.row, issue.path, issue.code])).toEqual([
      [2, 'delivery_start_utc', 'invalid_time'],
      [3, 'forecast_price_eur_per_mwh', 'non_finite'],
      [4, 'forecast_price_eur_per_mwh', 'non_finite'],
      [5, 'market', 'wrong_series'],
      [6, 'delivery_start_utc', 'off_grid'],
      [7, 'delivery_start_utc', 'off_grid'],
      [8, 'issue_time_utc', 'invalid_time'],
    ]);
    expect(failure.issues[3].message).toContain('market is "imbalance" but this file is configured as the `day_ahead` forecast');
  });

  it('reads only plain decimal numbers: 0x3E, 0b1 and 0o7 are not numbers', () => {
    const rows = ['0x3E', '0b1', '0o7', ' 62 '].map((value, i) => quarterHourRow('day_ahead', i, value));
    const failure = dataErrorOf(() => readForecastCsv(write('literals.csv', [HEADER, ...rows]), 'day_ahead'));
    expect(failure.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [2, 'non_finite'],
      [3, 'non_finite'],
      [4, 'non_finite'],
    ]);
    expect(failure.issues[0].message).toBe('"0x3E" is not a finite number; every row needs a plain decimal number such as 61.5');
  });

  it('reports activation ratios outside [0, 1] once per file, with the first line, the count and the fix', () => {
    const values = ['0.5', '25', '1', '-0.1', '1.01'];
    const rows = values.map((value, i) => quarterHourRow('afrr_activation_ratio_up', i, value));
    const path = write('ratios.csv', [HEADER, ...rows]);
    const failure = dataErrorOf(() => readForecastCsv(path, 'afrr_activation_ratio_up'));
    expect(failure.issues).toEqual([
      {
        path: 'forecast_price_eur_per_mwh',
        code: 'ratio_out_of_range',
        file: path,
        row: 3,
        instant: '2024-04-02T00:15:00Z',
        message: 'activation ratio 25 is outside [0, 1]; so are 2 more rows (lines 5, 6); ratios are fractions of the reserved capacity (0.25, not 25)',
      },
    ]);
    // The same values are prices in another series: fine.
    expect(readForecastCsv(write('prices.csv', [HEADER, ...rows.map((row) => row.replace('afrr_activation_ratio_up', 'afrr_activation_price_up'))]), 'afrr_activation_price_up').values).toHaveLength(5);
  });

  it('says so when the file cannot be read', () => {
    expect(() => readForecastCsv(join(dir, 'absent.csv'), 'day_ahead')).toThrow(UserError);
    expect(() => readForecastCsv(join(dir, 'absent.csv'), 'day_ahead')).toThrow('fix forecast_provider.day_ahead_path');
  });

  it('rejects a file with a header only, and ragged rows', () => {
    expect(dataErrorOf(() => readForecastCsv(write('header.csv', [HEADER]), 'day_ahead')).issues[0].code).toBe('empty_file');
    const ragged = dataErrorOf(() => readForecastCsv(write('ragged.csv', [HEADER, 'day_ahead,1']), 'day_ahead'));
    expect(ragged.issues[0]).toMatchObject({ code: 'invalid_csv', row: 2 });
  });
});
