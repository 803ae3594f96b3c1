import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SERIES_NAMES, type SeriesName } from '@euroflex/config';
import { marketAdapter, readSeriesFile, validateData, validateSeriesCoverage } from '../src';

const DATA = path.resolve(__dirname, '../../../examples/reference/examples/data');
const WINDOW = { startDate: '2025-06-16', endDate: '2025-06-17', timezone: 'Europe/Brussels' };

/** `belgium_fcr_capacity_prices.csv` -> ['belgium', 'fcr_capacity']. */
function slotOf(file: string): [market: 'belgium' | 'netherlands', name: SeriesName] {
  const market = file.startsWith('belgium_') ? 'belgium' : 'netherlands';
  const rest = file.slice(market.length + 1).replace(/(_prices)?\.csv$/, '');
  const name = SERIES_NAMES.find((candidate) => candidate === rest);
  if (name === undefined) {
    throw new Error(`no series slot for ${file}`);
  }
  return [market, name];
}

describe('reference sample data', () => {
  const files = readdirSync(DATA).filter((file) => file.endsWith('.csv'));

  it('has the 18 sample files of both markets', () => {
    expect(files).toHaveLength(18);
  });

  it.each(files)('%s loads clean for 2025-06-16..2025-06-17', (file) => {
    const [market, name] = slotOf(file);
    const adapter = marketAdapter(market);
    const result = readSeriesFile(path.join(DATA, file), {
      name,
      timezone: adapter.timezone,
      expectedZone: adapter.zoneEic,
      requiredColumns: adapter.requiredColumns[name] ?? [],
    });
    expect(result.issues).toEqual([]);
    expect(result.rows).toBe(192);
    expect(result.resolution).toBe('PT15M');
    const series = result.series;
    if (series === undefined) {
      throw new Error('no series');
    }
    // Two CEST days: 2025-06-15T22:00Z .. 2025-06-17T21:45Z, strictly ascending.
    expect(series.instantsMs).toHaveLength(192);
    expect(series.instantsMs[0]).toBe(Date.UTC(2025, 5, 15, 22));
    expect(series.instantsMs[191]).toBe(Date.UTC(2025, 5, 17, 21, 45));
    expect(validateSeriesCoverage(series, WINDOW)).toEqual([]);
  });

  it('sorts the unsorted files and records it', () => {
    const unsorted = files.map((file) => {
      const [market, name] = slotOf(file);
      const result = readSeriesFile(path.join(DATA, file), { name, timezone: marketAdapter(market).timezone });
      return result.series?.provenance.steps.includes('sorted_on_load') ? file : undefined;
    });
    expect(unsorted.filter((file) => file !== undefined).length).toBeGreaterThan(0);
  });

  it('keeps the numeric extra columns (NL dual prices, BE imbalance components)', () => {
    const nl = readSeriesFile(path.join(DATA, 'netherlands_imbalance_prices.csv'), {
      name: 'imbalance',
      timezone: 'Europe/Amsterdam',
    }).series;
    expect(Object.keys(nl?.columns ?? {}).sort()).toEqual([
      'dispatch_down_price_eur_per_mwh',
      'dispatch_up_price_eur_per_mwh',
      'imbalance_shortage_price_eur_per_mwh',
      'imbalance_surplus_price_eur_per_mwh',
      'regulation_state',
    ]);
    const be = readSeriesFile(path.join(DATA, 'belgium_imbalance_prices.csv'), {
      name: 'imbalance',
      timezone: 'Europe/Brussels',
    }).series;
    expect(Object.keys(be?.columns ?? {}).sort()).toEqual([
      'alpha_eur_per_mwh',
      'marginal_decremental_price_eur_per_mwh',
      'marginal_incremental_price_eur_per_mwh',
      'system_imbalance_mw',
    ]);
  });

  it.each(['belgium', 'netherlands'] as const)('validate-data passes for every %s series', (market) => {
    const files: Partial<Record<SeriesName, string>> = {};
    for (const file of readdirSync(DATA).filter((f) => f.startsWith(`${market}_`))) {
      files[slotOf(file)[1]] = path.join(DATA, file);
    }
    const report = validateData({
      files,
      timezone: marketAdapter(market).timezone,
      window: { startDate: '2025-06-17', endDate: '2025-06-17' },
      marketId: market,
      historyDays: 1,
    });
    expect(report.series).toHaveLength(9);
    expect(report.series.flatMap((entry) => [...entry.issues, ...entry.warnings])).toEqual([]);
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
