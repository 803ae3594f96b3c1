import { DataError, UserError } from '@euroflex/config';
import type { Series } from '@euroflex/markets';
import { forecastFile, type VintageRow } from '../test/support/forecastFile';
import type { ForecastRequest, ForecastSnapshot } from './contract';
import { createCsvProvider } from './csvProvider';

const EMPTY_HISTORY: Series = {
  name: 'day_ahead',
  instantsMs: new Float64Array(0),
  values: new Float64Array(0),
  columns: {},
  provenance: { source: 'test', steps: [] },
};

function request(decisionIso: string, deliveryIsos: readonly string[]): ForecastRequest {
  return {
    series: 'day_ahead',
    marketId: 'belgium',
    timezone: 'Europe/Brussels',
    decisionTimeMs: Date.parse(decisionIso),
    deliveryInstantsMs: Float64Array.from(deliveryIsos, (iso) => Date.parse(iso)),
    history: EMPTY_HISTORY,
    visible: {},
  };
}

const T0 = '2024-04-02T00:00:00Z';
const T1 = '2024-04-02T00:15:00Z';
const T2 = '2024-04-02T00:30:00Z';
const T3 = '2024-04-02T00:45:00Z';

const vintages: VintageRow[] = [
  // T0: two vintages, the later one available at 11:00; a third only at 12:00.
  { delivery: T0, issued: '2024-04-01T09:00:00Z', available: '2024-04-01T10:00:00Z', value: 50 },
  { delivery: T0, issued: '2024-04-01T10:30:00Z', available: '2024-04-01T11:00:00Z', value: 60, provider: 'vendor_b' },
  { delivery: T0, issued: '2024-04-01T11:50:00Z', available: '2024-04-01T12:00:00Z', value: 99 },
  // T1: same availability, the later issue (listed first) wins the tie.
  { delivery: T1, issued: '2024-04-01T10:00:00Z', available: '2024-04-01T11:00:00Z', value: 80 },
  { delivery: T1, issued: '2024-04-01T09:00:00Z', available: '2024-04-01T11:00:00Z', value: 70 },
  { delivery: T1, issued: '2024-04-01T08:00:00Z', available: '2024-04-01T08:00:00Z', value: 40 },
  // T2: only a vintage available after 11:30.
  { delivery: T2, issued: '2024-04-01T11:00:00Z', available: '2024-04-01T13:00:00Z', value: 33 },
  // T3: nothing at all. Extra rows outside any window.
  { delivery: '2024-04-02T01:00:00Z', issued: '2024-04-01T08:00:00Z', available: '2024-04-01T08:00:00Z', value: 1 },
  { delivery: '2024-04-02T01:15:00Z', issued: '2024-04-01T08:00:00Z', available: '2024-04-01T08:00:00Z', value: 2 },
];

const provider = createCsvProvider({ day_ahead: forecastFile('day_ahead', vintages, 'da.csv') });

async function forecast(req: ForecastRequest): Promise<ForecastSnapshot> {
  return provider.forecast(req);
}

describe('csv provider', () => {
  it('takes the latest visible vintage, breaks availability ties by the latest issue, ignores later vintages', async () => {
    const snapshot = await forecast(request('2024-04-01T11:30:00Z', [T0, T1]));
    expect(Array.from(snapshot.values)).toEqual([60, 80]);
    expect(snapshot.issueTimeMs).toBe(Date.parse('2024-04-01T10:30:00Z'));
    expect(snapshot.availableFromMs).toBe(Date.parse('2024-04-01T11:00:00Z'));
    expect(snapshot.provider).toBe('vendor_b+vendor_a');
    expect(provider.auditable).toBe(true);
  });

  it('treats available_from equal to the decision time as visible, one millisecond later as look-ahead', async () => {
    const atTen = await forecast(request('2024-04-01T10:00:00Z', [T0, T1]));
    expect(Array.from(atTen.values)).toEqual([50, 40]);
    expect(atTen.availableFromMs).toBe(Date.parse('2024-04-01T10:00:00Z'));
    await expect(forecast(request('2024-04-01T09:59:59.999Z', [T0, T1]))).rejects.toThrow(UserError);
  });

  it('reports instants without rows and instants that would need look-ahead, by set not by count', async () => {
    // Four instants requested; the file has rows for four distinct instants, but not these four.
    const failure = (await forecast(request('2024-04-01T11:30:00Z', [T0, T1, T2, T3])).catch((error: unknown) => error)) as UserError;
    expect(failure).toBeInstanceOf(UserError);
    expect(failure.issues).toHaveLength(2);
    const [absent, hidden] = failure.issues;
    expect(absent).toMatchObject({ code: 'forecast_missing', file: 'da.csv', instant: '2024-04-02T00:45:00Z' });
    expect(absent.message).toContain('no forecast row for 1 requested delivery interval(s) of `day_ahead` (first: 2024-04-02T00:45:00Z)');
    expect(hidden).toMatchObject({ code: 'forecast_lookahead', instant: '2024-04-02T00:30:00Z' });
    expect(hidden.message).toContain('1 requested delivery interval(s)');
    expect(hidden.message).toContain('earliest available_from_utc 2024-04-01T13:00:00Z');
    expect(hidden.message).toContain('would need look-ahead');
  });

  it('names the missing file of a series it was not given', () => {
    expect(() => provider.forecast({ ...request('2024-04-01T11:30:00Z', [T0]), series: 'imbalance' })).toThrow(
      'set forecast_provider.imbalance_path',
    );
  });

  it('rejects two rows with the same vintage, naming both lines', () => {
    const duplicate = forecastFile('day_ahead', [vintages[0], { ...vintages[0], value: 51 }], 'dup.csv');
    const failure = (() => {
      try {
        createCsvProvider({ day_ahead: duplicate });
        return undefined;
      } catch (error) {
        return error as DataError;
      }
    })();
    expect(failure).toBeInstanceOf(DataError);
    expect(failure?.issues[0]).toMatchObject({ code: 'duplicate_vintage', file: 'dup.csv', row: 3 });
    expect(failure?.issues[0].message).toContain('as row 2');
  });
});

describe('csv provider, files with scenario ids in point mode', () => {
  const rows: VintageRow[] = [
    { delivery: T0, issued: '2024-04-01T09:00:00Z', available: '2024-04-01T10:00:00Z', value: 10, scenario: 'low' },
    { delivery: T0, issued: '2024-04-01T09:00:00Z', available: '2024-04-01T10:00:00Z', value: 30, scenario: 'high' },
  ];

  it('needs a scenario_id when the file holds several scenarios', () => {
    expect(() => createCsvProvider({ day_ahead: forecastFile('day_ahead', rows) })).toThrow(/holds 2 scenarios \("low", "high"\)/);
  });

  it('reads only the chosen scenario (duplicate vintages across scenarios are fine)', async () => {
    const high = createCsvProvider({ day_ahead: forecastFile('day_ahead', rows) }, { scenarioId: 'high' });
    const snapshot = await high.forecast(request('2024-04-01T11:00:00Z', [T0]));
    expect(Array.from(snapshot.values)).toEqual([30]);
  });

  it('names the scenarios it found when the chosen one is absent', () => {
    expect(() => createCsvProvider({ day_ahead: forecastFile('day_ahead', rows) }, { scenarioId: 'mid' })).toThrow(
      'no rows have scenario_id "mid" (found: "low", "high")',
    );
  });
});
