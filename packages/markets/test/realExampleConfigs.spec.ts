import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, marketTimezone, SERIES_NAMES, type SeriesName } from '@euroflex/config';
import { addDays, localDateOf } from '../src/calendar';
import { validateData } from '../src/io/validateData';
import { ROOT } from './helpers/realData';

const CONFIGS = path.join(ROOT, 'examples/configs/real');
const files = readdirSync(CONFIGS).filter((f) => f.endsWith('.yaml'));

// Several configs share data and window; validate each combination once (a year takes ~0.3 s).
const reports = new Map<string, ReturnType<typeof validateData>>();
function validateOnce(input: Parameters<typeof validateData>[0]): ReturnType<typeof validateData> {
  const key = JSON.stringify(input);
  const cached = reports.get(key) ?? validateData(input);
  reports.set(key, cached);
  return cached;
}

/** The first instant of a canonical file (its rows are in ascending order). */
function firstInstantMs(file: string): number {
  return Date.parse(readFileSync(file, 'utf8').split('\n')[1].split(',')[0]);
}

describe('example configs on real data (examples/configs/real)', () => {
  it('include the real-data set of every workflow this data supports', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'belgium_2024_da_plus_fcr_perfect_foresight.yaml',
        'belgium_2024_da_plus_fcr_persistence.yaml',
        'belgium_2024_da_plus_fcr_perfect_foresight_reference_v1.yaml',
        'belgium_2024_da_plus_fcr_persistence_reference_v1.yaml',
        'belgium_2024_da_only_perfect_foresight_reference_v1.yaml',
        'belgium_2024_da_only_persistence_reference_v1.yaml',
        'belgium_2024-06_2025-05_da_plus_imbalance_persistence.yaml',
        'belgium_2024-06_2025-05_revision_da_only_persistence.yaml',
        'netherlands_2024_da_plus_imbalance_persistence.yaml',
      ]),
    );
  });

  it.each(files)('%s is a valid config without warnings, and its data validate for its window', (file) => {
    const { config, warnings } = loadConfig(path.join(CONFIGS, file));
    expect(warnings).toEqual([]);
    const data: Partial<Record<SeriesName, string>> = {};
    for (const name of SERIES_NAMES) {
      const entry = config.data[name];
      if (entry !== undefined) {
        data[name] = entry.actual_path;
      }
    }
    // Persistence reads the previous local day; the window starts one day after the data.
    const historyDays = config.forecast_provider.name === 'persistence' ? 1 : 0;
    const timezone = marketTimezone(config.market.id);
    const window = { startDate: config.timing.delivery_start_date, endDate: config.timing.delivery_end_date };
    const report = validateOnce({ files: data, timezone, window, marketId: config.market.id, historyDays });
    expect(report.series.flatMap((s) => [...s.issues, ...s.warnings])).toEqual([]);
    expect(report.ok).toBe(true);
    for (const file of Object.values(data)) {
      expect(addDays(localDateOf(firstInstantMs(file), timezone), historyDays)).toBe(window.startDate);
    }
  });

  it('the strict and reference_v1 variants differ only in profile and run name', () => {
    const pairs = files.filter((f) => f.endsWith('_reference_v1.yaml')).map((f) => [f.replace('_reference_v1', ''), f]);
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    for (const [strictFile, referenceFile] of pairs) {
      const strict = loadConfig(path.join(CONFIGS, strictFile)).config;
      const reference = loadConfig(path.join(CONFIGS, referenceFile)).config;
      expect([strict.model.profile, reference.model.profile]).toEqual(['strict', 'reference_v1']);
      expect({ ...reference, model: strict.model, run_name: strict.run_name }).toEqual(strict);
    }
  });
});
