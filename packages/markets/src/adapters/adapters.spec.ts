import { MARKET_IDS, SERIES_NAMES, type BaseWorkflow } from '@euroflex/config';
import { localDayGrid } from '../calendar';
import { publicationTimeMs } from '../publication';
import type { Series } from '../series';
import { imbalancePricesAt, imbalanceRevenueEur } from './imbalanceSettlement';
import { activeAssumptions, publicationRules } from './publicationRules';
import { adapterForZone, marketAdapter, marketAdapters } from './registry';

describe('market adapters', () => {
  it('registers one adapter per market id', () => {
    expect(marketAdapters().map((adapter) => adapter.id)).toEqual([...MARKET_IDS]);
    expect(() => marketAdapter('germany' as never)).toThrow(/unknown market "germany"/);
  });

  it('describes Belgium', () => {
    const be = marketAdapter('belgium');
    expect([be.timezone, be.zoneEic, be.operator, be.imbalanceSettlement]).toEqual([
      'Europe/Brussels',
      '10YBE----------2',
      'Elia',
      'single_price',
    ]);
    expect(be.defaultGates).toEqual({ fcr: '08:00', afrr: '09:00' });
    expect(be.defaultPublicationLagsMinutes.imbalance).toBe(15);
    expect(be.requiredColumns).toEqual({});
  });

  it('describes the Netherlands with dual imbalance prices', () => {
    const nl = marketAdapter('netherlands');
    expect([nl.timezone, nl.zoneEic, nl.operator, nl.imbalanceSettlement]).toEqual([
      'Europe/Amsterdam',
      '10YNL----------L',
      'TenneT',
      'dual_price',
    ]);
    expect(nl.requiredColumns.imbalance).toEqual([
      'imbalance_shortage_price_eur_per_mwh',
      'imbalance_surplus_price_eur_per_mwh',
    ]);
  });

  it.each(MARKET_IDS)('%s offers FCR and aFRR in 4-hour blocks and flags its assumed defaults', (id) => {
    const adapter = marketAdapter(id);
    expect(adapter.reserveProducts.map((p) => [p.id, p.symmetric, p.defaultBlockMinutes, p.gate])).toEqual([
      ['fcr_symmetric', true, 240, 'fcr'],
      ['afrr_asymmetric', false, 240, 'afrr'],
    ]);
    expect(Object.keys(adapter.defaultPublicationLagsMinutes).sort()).toEqual([...SERIES_NAMES].sort());
    expect(Object.keys(adapter.assumedDefaults)).toEqual(['gates.afrr', 'publication_lags.imbalance']);
    for (const assumption of Object.values(adapter.assumedDefaults)) {
      expect(adapter.assumptions).toContain(assumption);
    }
    expect(adapterForZone(adapter.zoneEic)).toBe(adapter);
  });
});

describe('publicationRules', () => {
  const be = marketAdapter('belgium');

  it('uses the adapter defaults and the day-ahead gate', () => {
    const rules = publicationRules(be, { dayAheadGateLocal: '12:00' });
    expect(rules.day_ahead).toEqual({ kind: 'daily_auction', gateLocal: '12:00', lagMinutes: 60 });
    expect(rules.fcr_capacity).toEqual({ kind: 'daily_auction', gateLocal: '08:00', lagMinutes: 60 });
    expect(rules.afrr_capacity_up).toEqual({ kind: 'daily_auction', gateLocal: '09:00', lagMinutes: 60 });
    expect(rules.afrr_capacity_down).toEqual(rules.afrr_capacity_up);
    expect(rules.imbalance).toEqual({ kind: 'after_interval', lagMinutes: 15 });
    expect(rules.afrr_activation_ratio_down).toEqual({ kind: 'after_interval', lagMinutes: 0 });
    expect(publicationRules(marketAdapter('netherlands'), { dayAheadGateLocal: '12:00' }).imbalance.lagMinutes).toBe(30);
  });

  it('makes FCR prices of 2025-06-17 public at 2025-06-16 09:00 CEST', () => {
    const rules = publicationRules(be, { dayAheadGateLocal: '12:00' });
    expect(publicationTimeMs(rules.fcr_capacity, Date.UTC(2025, 5, 17, 10), be.timezone)).toBe(Date.UTC(2025, 5, 16, 7));
  });

  it('applies gate and lag overrides', () => {
    const rules = publicationRules(be, {
      dayAheadGateLocal: '11:30',
      gates: { afrr: '07:45' },
      publicationLags: { day_ahead: 30, imbalance: 0 },
    });
    expect(rules.day_ahead).toEqual({ kind: 'daily_auction', gateLocal: '11:30', lagMinutes: 30 });
    expect(rules.afrr_capacity_down).toEqual({ kind: 'daily_auction', gateLocal: '07:45', lagMinutes: 60 });
    expect(rules.fcr_capacity.kind === 'daily_auction' && rules.fcr_capacity.gateLocal).toBe('08:00');
    expect(rules.imbalance).toEqual({ kind: 'after_interval', lagMinutes: 0 });
  });

  it('rejects invalid gates and lags', () => {
    expect(() => publicationRules(be, { dayAheadGateLocal: '12h00' })).toThrow(/HH:MM/);
    expect(() => publicationRules(be, { dayAheadGateLocal: '12:00', publicationLags: { imbalance: -5 } })).toThrow(/>= 0/);
  });

  it('drops an assumption once the config overrides it', () => {
    const all = activeAssumptions(be, { dayAheadGateLocal: '12:00' }, 'da_plus_afrr');
    const overridden = activeAssumptions(be, { dayAheadGateLocal: '12:00', gates: { afrr: '09:30' } }, 'da_plus_afrr');
    expect(all).toContain(be.assumedDefaults['gates.afrr'].text);
    expect(overridden).toEqual(all.filter((text) => text !== be.assumedDefaults['gates.afrr'].text));
  });

  it('lists only the assumptions about series the workflow uses', () => {
    const nl = marketAdapter('netherlands');
    const overrides = { dayAheadGateLocal: '12:00' };
    expect(activeAssumptions(be, overrides, 'da_only')).toEqual([]);
    expect(activeAssumptions(nl, overrides, 'da_only')).toEqual([]);
    expect(activeAssumptions(be, overrides, 'da_plus_afrr')).toEqual([
      'Belgian aFRR capacity gate assumed at D-1 09:00 Europe/Brussels (Elia daily auction; override with market.gates.afrr).',
      'Reserve capacity prices of day D are assumed public 60 minutes after their gate on D-1 (override with market.publication_lags.<series>).',
      'aFRR activation prices and ratios are assumed public at the end of their quarter-hour (lag 0).',
    ]);
    expect(activeAssumptions(be, overrides, 'da_plus_fcr')).toEqual([
      'Reserve capacity prices of day D are assumed public 60 minutes after their gate on D-1 (override with market.publication_lags.<series>).',
    ]);
    expect(activeAssumptions(nl, overrides, 'da_plus_imbalance')).toEqual([
      'Dutch imbalance prices assumed public 30 minutes after the end of their ISP (TenneT settlement prices; not verified, override with market.publication_lags.imbalance).',
      'Dutch imbalance is settled at dual prices: the surplus price when long (deviation >= 0), the shortage price when short.',
    ]);
    // Every assumption is about some series, so each one reaches the summary of some workflow.
    for (const adapter of [be, nl]) {
      const workflows: BaseWorkflow[] = ['da_plus_fcr', 'da_plus_afrr', 'da_plus_imbalance'];
      const reached = new Set(workflows.flatMap((workflow) => activeAssumptions(adapter, overrides, workflow)));
      expect([...reached].sort()).toEqual(adapter.assumptions.map((a) => a.text).sort());
    }
  });
});

describe('imbalance settlement', () => {
  it('settles Belgium at one price in both directions', () => {
    const prices = { rule: 'single_price', price_eur_per_mwh: 80 } as const;
    expect(imbalanceRevenueEur(2, prices)).toBe(40); // 2 MW x 0.25 h x 80
    expect(imbalanceRevenueEur(-2, prices)).toBe(-40);
    expect(imbalanceRevenueEur(1, prices, 1)).toBe(80);
  });

  it('settles the Netherlands at the surplus price when long and the shortage price when short', () => {
    const prices = { rule: 'dual_price', surplus_eur_per_mwh: 60, shortage_eur_per_mwh: 100 } as const;
    expect(imbalanceRevenueEur(4, prices)).toBe(60); // long: 4 x 0.25 x 60
    expect(imbalanceRevenueEur(-4, prices)).toBe(-100); // short: pays 4 x 0.25 x 100
    expect(imbalanceRevenueEur(0, prices)).toBe(0);
  });

  it('reads the prices of an interval from an imbalance series', () => {
    const grid = localDayGrid('2025-06-17', 'Europe/Amsterdam').subarray(0, 2);
    const series: Series = {
      name: 'imbalance',
      instantsMs: grid,
      values: Float64Array.from([70, 75]),
      columns: {
        imbalance_surplus_price_eur_per_mwh: Float64Array.from([60, 65]),
        imbalance_shortage_price_eur_per_mwh: Float64Array.from([80, 85]),
      },
      provenance: { source: 'test', steps: [] },
    };
    const nl = marketAdapter('netherlands');
    expect(imbalancePricesAt(nl, series, 1)).toEqual({ rule: 'dual_price', surplus_eur_per_mwh: 65, shortage_eur_per_mwh: 85 });
    expect(imbalancePricesAt(nl, series, 1, 'single')).toEqual({ rule: 'single_price', price_eur_per_mwh: 75 });
    expect(imbalancePricesAt(marketAdapter('belgium'), series, 0)).toEqual({ rule: 'single_price', price_eur_per_mwh: 70 });
    expect(() => imbalancePricesAt(nl, { ...series, columns: {} }, 0)).toThrow(/needs columns/);
  });
});
