import { localDayGrid } from './calendar';
import { missingInstants, sliceToWindow, validateSeriesCoverage, windowBoundsMs, windowGrid } from './coverage';
import type { Series } from './series';

const TZ = 'Europe/Brussels';

function seriesOver(instantsMs: number[]): Series {
  return {
    name: 'imbalance',
    instantsMs: Float64Array.from(instantsMs),
    values: Float64Array.from(instantsMs, (_, i) => i),
    columns: { extra: Float64Array.from(instantsMs, (_, i) => 2 * i) },
    provenance: { source: 'test', steps: [] },
  };
}

describe('windows', () => {
  it('spans local midnights and counts 92/96/100 quarter-hours per day', () => {
    expect(windowGrid({ startDate: '2024-03-30', endDate: '2024-04-01', timezone: TZ })).toHaveLength(96 + 92 + 96);
    expect(windowGrid({ startDate: '2024-10-27', endDate: '2024-10-27', timezone: TZ })).toHaveLength(100);
    expect(windowGrid({ startDate: '2024-01-01', endDate: '2024-12-31', timezone: TZ })).toHaveLength(35_136);
    expect(windowBoundsMs({ startDate: '2025-06-17', endDate: '2025-06-17', timezone: TZ }, 1)).toEqual({
      startMs: Date.UTC(2025, 5, 15, 22),
      endMs: Date.UTC(2025, 5, 17, 22),
    });
  });

  it('rejects an empty or malformed window', () => {
    expect(() => windowGrid({ startDate: '2025-06-18', endDate: '2025-06-17', timezone: TZ })).toThrow(/empty/);
    expect(() => windowGrid({ startDate: '2025-6-1', endDate: '2025-06-17', timezone: TZ })).toThrow(RangeError);
  });

  it('slices a series to a window, sharing memory', () => {
    const series = seriesOver([...localDayGrid('2025-06-16', TZ), ...localDayGrid('2025-06-17', TZ)]);
    const slice = sliceToWindow(series, { startDate: '2025-06-17', endDate: '2025-06-17', timezone: TZ });
    expect(slice.instantsMs).toHaveLength(96);
    expect(slice.instantsMs[0]).toBe(Date.UTC(2025, 5, 16, 22));
    expect(slice.values[0]).toBe(96);
    expect(slice.columns.extra[0]).toBe(192);
    expect(slice.values.buffer).toBe(series.values.buffer);
  });
});

describe('validateSeriesCoverage', () => {
  const june17 = Array.from(localDayGrid('2025-06-17', TZ));
  const window = { startDate: '2025-06-17', endDate: '2025-06-17', timezone: TZ };

  it('is clean when every quarter-hour is there', () => {
    expect(validateSeriesCoverage(seriesOver(june17), window)).toEqual([]);
  });

  it('names the first missing instants and counts them', () => {
    const holes = june17.filter((_, i) => i < 40 || i >= 52);
    expect(missingInstants(seriesOver(holes), june17[0], june17[95] + 900_000)).toHaveLength(12);
    const issues = validateSeriesCoverage(seriesOver(holes), window, { file: 'imb.csv', maxListed: 3 });
    expect(issues).toEqual([
      {
        path: 'data.imbalance',
        code: 'window_not_covered',
        instant: '2025-06-17T08:00:00Z',
        file: 'imb.csv',
        message:
          'imbalance does not cover the delivery window 2025-06-17..2025-06-17 (Europe/Brussels): 12 of 96 quarter-hours missing: ' +
          '2025-06-17T08:00:00Z, 2025-06-17T08:15:00Z, 2025-06-17T08:30:00Z (+9 more); supply data for these instants or change the delivery dates',
      },
    ]);
  });

  it('checks the history days separately', () => {
    const issues = validateSeriesCoverage(seriesOver(june17), window, { historyDays: 1 });
    expect(issues.map((issue) => [issue.code, issue.instant])).toEqual([['history_not_covered', '2025-06-15T22:00:00Z']]);
    expect(issues[0].message).toContain('96 of 96 quarter-hours missing');
  });

  it('turns an invalid window into an issue', () => {
    const issues = validateSeriesCoverage(seriesOver(june17), { ...window, startDate: '2025-06-18' });
    expect(issues.map((issue) => issue.code)).toEqual(['invalid_window']);
  });
});
