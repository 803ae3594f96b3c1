import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isoLocal, isoUtc, localDatesBetween, localDayGrid } from '../src/calendar';
import { validateData } from '../src/io/validateData';
import { indexOfInstant } from '../src/series';
import { dataLines, loadReal, naiveUtcMs, REAL } from './helpers/realData';

const TZ = 'Europe/Brussels';
const WINDOW = { startDate: '2024-06-01', endDate: '2025-05-31' };
const IMBALANCE = 'belgium_imbalance_2024-06_2025-05.csv';
const DAY_AHEAD = 'belgium_day_ahead_2024-06_2025-05_filled.csv';

/** UTC instant -> value of a raw slice (`datetime_utc,...,price_eur_mwh`). */
function rawValues(file: string): Map<number, number> {
  return new Map(dataLines(file).map((line) => [naiveUtcMs(line), Number(line.split(',')[4])]));
}

describe('real Belgian imbalance and day-ahead prices, 2024-06-01..2025-05-31 plus one history day', () => {
  const { get, report } = loadReal({ day_ahead: DAY_AHEAD, imbalance: IMBALANCE }, 'belgium', WINDOW, 1);
  const imbalance = get('imbalance');
  const dayAhead = get('day_ahead');
  const days = localDatesBetween('2024-05-31', WINDOW.endDate);

  it('both cover the local days 2024-05-31..2025-05-31 exactly, DST days included', () => {
    expect(report.ok).toBe(true);
    const grid = days.flatMap((date) => Array.from(localDayGrid(date, TZ)));
    expect(grid).toHaveLength(366 * 96);
    expect(Array.from(imbalance.instantsMs)).toEqual(grid);
    expect(Array.from(dayAhead.instantsMs)).toEqual(grid);
    expect(localDayGrid('2024-10-27', TZ)).toHaveLength(100);
    expect(localDayGrid('2025-03-30', TZ)).toHaveLength(92);
  });

  it('the history day is the first day of the files: two history days are not covered', () => {
    const files = { day_ahead: path.join(REAL, DAY_AHEAD), imbalance: path.join(REAL, IMBALANCE) };
    const two = validateData({ files, timezone: TZ, window: WINDOW, marketId: 'belgium', historyDays: 2 });
    const codes = two.series.map((s) => s.issues.map((issue) => [issue.code, issue.instant]));
    // 2024-05-30 00:00 local = 2024-05-29T22:00Z is the first missing history quarter-hour.
    expect(codes).toEqual([
      [['history_not_covered', '2024-05-29T22:00:00Z']],
      [['history_not_covered', '2024-05-29T22:00:00Z']],
    ]);
  });

  it('imbalance: every value is the published Elia price at its instant', () => {
    const raw = rawValues('belgium_imbalance_2024-06_2025-05_raw.csv');
    expect(raw.size).toBe(imbalance.instantsMs.length);
    const wrong = Array.from(imbalance.instantsMs).filter((ms, i) => raw.get(ms) !== imbalance.values[i]);
    expect(wrong.map(isoUtc)).toEqual([]);
  });

  it('imbalance: known values at known instants (price floor, the high of the window)', () => {
    const at = (ms: number): number => imbalance.values[indexOfInstant(imbalance, ms)];
    // Source line `2025-03-23 11:30:00,2025-03-23,11,30,-999.00`: 12:30 CET, a sunny Sunday noon.
    expect(at(Date.UTC(2025, 2, 23, 11, 30))).toBe(-999);
    expect(isoLocal(Date.UTC(2025, 2, 23, 11, 30), TZ)).toBe('2025-03-23T12:30:00+01:00');
    // Source line `2025-01-20 09:00:00,2025-01-20,9,0,2450.00`: the highest price of the window.
    expect(at(Date.UTC(2025, 0, 20, 9))).toBe(2450);
    expect(Math.max(...imbalance.values)).toBe(2450);
    // The first quarter-hour of the history day, 2024-05-31 00:00 CEST.
    expect([isoUtc(imbalance.instantsMs[0]), imbalance.values[0]]).toEqual(['2024-05-30T22:00:00Z', 116.83]);
  });

  it('day-ahead: the 10 DST-day quarter-hours missing upstream are filled and say so, all others are the source', () => {
    const raw = rawValues('belgium_day_ahead_2024-06_2025-05_raw.csv');
    const missing = Array.from(dayAhead.instantsMs).filter((ms) => !raw.has(ms));
    expect(missing.map(isoUtc)).toEqual([
      ...['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45'].map((t) => `2024-10-27T${t}:00Z`),
      '2025-03-30T00:45:00Z',
      '2025-03-30T01:00:00Z',
    ]);
    const wrong = Array.from(dayAhead.instantsMs).filter((ms, i) => raw.has(ms) && raw.get(ms) !== dayAhead.values[i]);
    expect(wrong).toEqual([]);
    const at = (ms: number): number => dayAhead.values[indexOfInstant(dayAhead, ms)];
    // Autumn: both 02:00 hours are gone, so `previous` carries 01:45 CEST (83.90) over them.
    for (const ms of missing.slice(0, 8)) {
      expect(at(ms)).toBe(raw.get(Date.UTC(2024, 9, 26, 23, 45)));
    }
    expect(at(missing[0])).toBe(83.9);
    // Spring: 01:45 CET and 03:00 CEST take a quarter-hour of their own (hourly) price.
    expect(at(Date.UTC(2025, 2, 30, 0, 45))).toBe(raw.get(Date.UTC(2025, 2, 30, 0, 30)));
    expect(at(Date.UTC(2025, 2, 30, 1))).toBe(raw.get(Date.UTC(2025, 2, 30, 1, 15)));
    expect([at(Date.UTC(2025, 2, 30, 0, 45)), at(Date.UTC(2025, 2, 30, 1))]).toEqual([15.81, 5.04]);
    expect(dayAhead.provenance.steps).toEqual(['expanded_from_PT60M', 'filled_rows_in_file:10']);
  });

  it('day-ahead: each filled row records its method and origin in its provenance', () => {
    const text = readFileSync(path.join(REAL, DAY_AHEAD), 'utf8');
    const filled = text
      .split('\n')
      .filter((line) => line.includes(';filled_'))
      .map((line) => `${line.slice(0, 20)} ${line.slice(line.indexOf(';filled_') + 1)}`);
    expect(filled).toEqual([
      ...['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45'].map(
        (t) => `2024-10-27T${t}:00Z filled_previous_from_2024-10-26T23:45:00Z`,
      ),
      '2025-03-30T00:45:00Z filled_same_hour_from_2025-03-30T00:30:00Z',
      '2025-03-30T01:00:00Z filled_same_hour_from_2025-03-30T01:15:00Z',
    ]);
  });
});
