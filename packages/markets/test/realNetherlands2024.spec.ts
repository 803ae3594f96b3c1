import { NETHERLANDS } from '../src/adapters/netherlands';
import { imbalancePricesAt, imbalanceRevenueEur } from '../src/adapters/imbalanceSettlement';
import { isoLocal, isoUtc, localDayGrid } from '../src/calendar';
import { indexOfInstant, INTERVAL_MS } from '../src/series';
import { NL_SHORTAGE_COLUMN, NL_SURPLUS_COLUMN } from '../src/table/csvTable';
import { dataLines, loadReal, naiveUtcMs } from './helpers/realData';

const TZ = 'Europe/Amsterdam';
const YEAR = { startDate: '2024-01-01', endDate: '2024-12-31' };

describe('real Dutch day-ahead and imbalance prices, local year 2024', () => {
  const { get, report } = loadReal(
    { day_ahead: 'netherlands_day_ahead_2024.csv', imbalance: 'netherlands_imbalance_2024.csv' },
    'netherlands',
    YEAR,
  );
  const dayAhead = get('day_ahead');
  const imbalance = get('imbalance');

  it('validates clean and aligned for 2024, with 35,136 quarter-hours each', () => {
    expect(report.ok).toBe(true);
    expect(dayAhead.instantsMs).toHaveLength(35_136);
    expect(Array.from(imbalance.instantsMs)).toEqual(Array.from(dayAhead.instantsMs));
    expect(localDayGrid('2024-10-27', TZ)).toHaveLength(100);
  });

  it('day-ahead: every ENTSO-E hour is held on its four quarter-hours', () => {
    const hours = dataLines('netherlands_day_ahead_2024_raw.csv').map((line) => {
      const [, utc, price] = line.split(',');
      return { startMs: naiveUtcMs(utc), price: Number(price) };
    });
    expect(hours).toHaveLength(366 * 24);
    const wrong = hours.filter((hour) =>
      [0, 1, 2, 3].some((k) => dayAhead.values[indexOfInstant(dayAhead, hour.startMs + k * INTERVAL_MS)] !== hour.price),
    );
    expect(wrong).toEqual([]);
  });

  it('day-ahead: the two 02:00 hours of 2024-10-27 keep their own prices', () => {
    // Source: 02:00+02:00 (00:00Z) 82.23 and 02:00+01:00 (01:00Z) 80.43.
    const at = (ms: number): number => dayAhead.values[indexOfInstant(dayAhead, ms)];
    expect(isoLocal(Date.UTC(2024, 9, 27, 0, 45), TZ)).toBe('2024-10-27T02:45:00+02:00');
    expect([at(Date.UTC(2024, 9, 27, 0)), at(Date.UTC(2024, 9, 27, 0, 45))]).toEqual([82.23, 82.23]);
    expect([at(Date.UTC(2024, 9, 27, 1)), at(Date.UTC(2024, 9, 27, 1, 45))]).toEqual([80.43, 80.43]);
  });

  it('imbalance: long is the surplus price, short the shortage price, the single price their mid', () => {
    const raw = dataLines('netherlands_imbalance_2024_prepared.csv');
    expect(raw).toHaveLength(imbalance.instantsMs.length);
    const surplus = imbalance.columns[NL_SURPLUS_COLUMN];
    const shortage = imbalance.columns[NL_SHORTAGE_COLUMN];
    const wrong = raw.filter((line) => {
      const [, utc, long, short] = line.split(',');
      const i = indexOfInstant(imbalance, naiveUtcMs(utc));
      return surplus[i] !== Number(long) || shortage[i] !== Number(short) || Math.abs(imbalance.values[i] - (Number(long) + Number(short)) / 2) > 1e-9;
    });
    expect(wrong).toEqual([]);
    // TenneT dual pricing: 5,791 quarter-hours of 2024 have shortage != surplus.
    expect(Array.from(shortage).filter((price, i) => price !== surplus[i])).toHaveLength(5_791);
    expect(Object.keys(imbalance.columns).sort()).toEqual([NL_SHORTAGE_COLUMN, NL_SURPLUS_COLUMN]);
  });

  it('imbalance: a dual-price quarter-hour settles long at the surplus and short at the shortage price', () => {
    // 2024-01-01 00:00 CET: long -46.72, short 83.22 (source line 2), mid 18.25.
    const first = Date.UTC(2023, 11, 31, 23);
    const i = indexOfInstant(imbalance, first);
    expect([isoUtc(first), imbalance.values[i]]).toEqual(['2023-12-31T23:00:00Z', 18.25]);
    const prices = imbalancePricesAt(NETHERLANDS, imbalance, i);
    expect(prices).toEqual({ rule: 'dual_price', surplus_eur_per_mwh: -46.72, shortage_eur_per_mwh: 83.22 });
    // 1 MW long for 15 min is paid -46.72 x 0.25 = -11.68 EUR; 1 MW short pays 83.22 x 0.25.
    expect(imbalanceRevenueEur(1, prices)).toBeCloseTo(-11.68, 10);
    expect(imbalanceRevenueEur(-1, prices)).toBeCloseTo(-20.805, 10);
    // The next quarter-hour is single-priced: long = short = 76.91.
    expect(imbalancePricesAt(NETHERLANDS, imbalance, i + 1)).toEqual({
      rule: 'dual_price',
      surplus_eur_per_mwh: 76.91,
      shortage_eur_per_mwh: 76.91,
    });
    expect(imbalance.values[i + 1]).toBe(76.91);
  });
});
