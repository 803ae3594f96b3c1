import { parseConfig, resolveModel, type EuroflexConfig } from '@euroflex/config';
import { marketAdapter, type Series } from '@euroflex/markets';
import { assetModels, replayDay, settleRun, type DaySeries, type ExecutedDay, type SettlementContext } from '../../src';

/**
 * Hand-checkable settlement and replay cases on a 2-interval day with one battery:
 * band [0, 1] MWh, efficiencies 1, 1 MW, no degradation.
 */
function config(extra: Record<string, unknown>): EuroflexConfig {
  const raw = {
    schema_version: 4,
    run_name: 'hand',
    market: { id: extra.market ?? 'belgium' },
    workflow: extra.workflow ?? 'da_plus_afrr',
    forecast_provider: { name: 'perfect_foresight' },
    timing: { timezone: extra.market === 'netherlands' ? 'Europe/Amsterdam' : 'Europe/Brussels', delivery_start_date: '2025-06-17', delivery_end_date: '2025-06-17' },
    site: { id: 's', poi_import_limit_mw: 10, poi_export_limit_mw: 10 },
    assets: [
      {
        id: 'b',
        battery: {
          power_mw: 1,
          energy_mwh: 1,
          initial_soc_mwh: 0.5,
          soc_min_mwh: 0,
          soc_max_mwh: 1,
          charge_efficiency: 1,
          discharge_efficiency: 1,
        },
      },
    ],
    degradation: { mode: 'throughput_linear', throughput_cost_eur_per_mwh: 0 },
    data: {
      day_ahead: { actual_path: '/x.csv' },
      ...(extra.workflow === 'da_plus_imbalance'
        ? { imbalance: { actual_path: '/x.csv' } }
        : {
            afrr_capacity_up: { actual_path: '/x.csv' },
            afrr_capacity_down: { actual_path: '/x.csv' },
            afrr_activation_price_up: { actual_path: '/x.csv' },
            afrr_activation_price_down: { actual_path: '/x.csv' },
            afrr_activation_ratio_up: { actual_path: '/x.csv' },
            afrr_activation_ratio_down: { actual_path: '/x.csv' },
          }),
    },
    ...(extra.workflow === 'da_plus_imbalance' ? {} : { afrr: { sustain_duration_minutes: 15 } }),
    ...(extra.model ? { model: extra.model } : {}),
  };
  const parsed = parseConfig(raw);
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return parsed.config;
}

function context(cfg: EuroflexConfig, withImbalance = false): SettlementContext {
  return {
    config: cfg,
    model: resolveModel(cfg),
    assets: assetModels(cfg),
    adapter: marketAdapter(cfg.market.id),
    actuals: withImbalance ? { imbalance: {} as Series } : {},
  };
}

const f = (...values: number[]) => Float64Array.from(values);
const same = (values: Float64Array): DaySeries => ({ forecast: values, actual: values });

function afrrDay(cfg: EuroflexConfig, downMw: number, downRatio: number, downPrice: number, socStart: number): ExecutedDay {
  const ctx = { ...context(cfg), timezone: 'Europe/Brussels' } as unknown as Parameters<typeof replayDay>[0];
  const series = {
    day_ahead: same(f(0, 0)),
    afrr_capacity_up: same(f(0, 0)),
    afrr_capacity_down: same(f(0, 0)),
    afrr_activation_price_up: same(f(0, 0)),
    afrr_activation_price_down: same(f(downPrice, downPrice)),
    afrr_activation_ratio_up: same(f(0, 0)),
    afrr_activation_ratio_down: same(f(downRatio, downRatio)),
  };
  const instants = f(Date.UTC(2025, 5, 16, 22, 0), Date.UTC(2025, 5, 16, 22, 15));
  const plan = {
    chargeMw: [f(0, 0)],
    dischargeMw: [f(0, 0)],
    socMwh: [f(socStart, socStart + 0.25 * downRatio * downMw, socStart + 0.5 * downRatio * downMw)],
    afrrUpMw: [f(0, 0)],
    afrrDownMw: [f(downMw, downMw)],
  };
  const assets = replayDay(ctx, instants, plan, [f(0, 0)], series, [socStart]);
  return { date: '2025-06-17', instantsMs: instants, assets, series, poiImportDualEurPerMw: f(0, 0), poiExportDualEurPerMw: f(0, 0), decisions: [], snapshots: [] };
}

describe('settlement, by hand', () => {
  it('a downward activation at a positive price costs money under strict (bsp_pays) and earns under reference_v1', () => {
    // 1 MW down, ratio 0.5, 100 EUR/MWh: 0.125 MWh per quarter-hour, two quarter-hours.
    const strict = config({});
    const strictDay = afrrDay(strict, 1, 0.5, 100, 0.2);
    expect(Array.from(strictDay.assets[0].afrrDownDeliveredMwh as Float64Array)).toEqual([0.125, 0.125]);
    expect(settleRun([strictDay], context(strict)).site.reserve_activation_revenue_eur).toEqual(f(-12.5, -12.5));
    const reference = config({ model: { profile: 'reference_v1' } });
    expect(settleRun([afrrDay(reference, 1, 0.5, 100, 0.2)], context(reference)).site.reserve_activation_revenue_eur).toEqual(f(12.5, 12.5));
  });

  it('clips a downward activation at the SoC ceiling and reports it as non-delivered', () => {
    // Start at 0.9 MWh of 1: 0.25 MWh of activation per quarter-hour (1 MW, ratio 1) fits 0.1 only.
    const strict = config({ model: { profile: 'strict' } });
    const day = afrrDay(strict, 1, 1, 50, 0.9);
    const asset = day.assets[0];
    expect(Array.from(asset.socMwh)).toEqual([0.9, 1, 1]);
    expect(asset.afrrDownDeliveredMwh?.[0]).toBeCloseTo(0.1, 12);
    expect(asset.afrrDownDeliveredMwh?.[1]).toBeCloseTo(0, 12);
    expect(asset.afrrNonDeliveredMwh?.[0]).toBeCloseTo(0.15, 12);
    expect(asset.afrrNonDeliveredMwh?.[1]).toBeCloseTo(0.25, 12);
    const settled = settleRun([day], context(strict));
    expect(settled.site.afrr_non_delivered_mwh.reduce((a, b) => a + b, 0)).toBeCloseTo(0.4, 12);
    // Only the delivered 0.1 MWh is paid for (bsp_pays: -50 x 0.1).
    expect(settled.site.reserve_activation_revenue_eur.reduce((a, b) => a + b, 0)).toBeCloseTo(-5, 12);
  });

  it('reference_v1 keeps the planned SoC and books the whole activation, but reports what the band could not have delivered', () => {
    const reference = config({ model: { profile: 'reference_v1' } });
    const day = afrrDay(reference, 1, 1, 50, 0.9);
    expect(Array.from(day.assets[0].afrrDownDeliveredMwh as Float64Array)).toEqual([0.25, 0.25]);
    expect(day.assets[0].afrrNonDeliveredMwh?.[0]).toBeCloseTo(0.15, 12);
    expect(day.assets[0].afrrNonDeliveredMwh?.[1]).toBeCloseTo(0.25, 12);
    // Booked in full: +50 x 0.25 x 2 under bsp_receives, and no per-MWh penalty.
    const settled = settleRun([day], context(reference));
    expect(settled.site.reserve_activation_revenue_eur.reduce((a, b) => a + b, 0)).toBeCloseTo(25, 12);
  });

  it('settles a Dutch deviation at the surplus price when the site is long and the shortage price when short', () => {
    const cfg = config({ market: 'netherlands', workflow: 'da_plus_imbalance' });
    const instants = f(Date.UTC(2025, 5, 16, 22, 0), Date.UTC(2025, 5, 16, 22, 15));
    const imbalance: DaySeries = {
      forecast: f(70, 70),
      actual: f(70, 70),
      extraActual: { imbalance_surplus_price_eur_per_mwh: f(60, 60), imbalance_shortage_price_eur_per_mwh: f(90, 90) },
      extraForecast: { imbalance_surplus_price_eur_per_mwh: f(60, 60), imbalance_shortage_price_eur_per_mwh: f(90, 90) },
    };
    // Nominated 0 MW; executed +1 MW (long) then -1 MW (short).
    const day: ExecutedDay = {
      date: '2025-06-17',
      instantsMs: instants,
      series: { day_ahead: same(f(50, 50)), imbalance },
      poiImportDualEurPerMw: f(0, 0),
      poiExportDualEurPerMw: f(0, 0),
      decisions: [],
      snapshots: [],
      assets: [
        {
          chargeMw: f(0, 1),
          dischargeMw: f(1, 0),
          plannedChargeMw: f(0, 1),
          plannedDischargeMw: f(1, 0),
          socMwh: f(0.5, 0.25, 0.5),
          plannedSocMwh: f(0.5, 0.25, 0.5),
          powerLimitMw: f(1, 1),
          nominationMw: f(0, 0),
        },
      ],
    };
    const settled = settleRun([day], context(cfg, true));
    // Long 1 MW x 0.25 h x 60 = 15; short -1 MW x 0.25 h x 90 = -22.5. The shortage price
    // exceeds the surplus price, so the round trip loses 7.5 EUR.
    expect(Array.from(settled.site.imbalance_revenue_eur)).toEqual([15, -22.5]);
    expect(Array.from(settled.site.expected_imbalance_revenue_eur)).toEqual([15, -22.5]);
    expect(Array.from(settled.site.da_revenue_eur)).toEqual([0, 0]);
    expect(settled.deviationSettlement).toBe('imbalance_price');
    // reference_v1 (imbalance_prices: single) plans on the single price (70) and still settles on
    // both: expected 1 x 0.25 x 70 = 17.5 and -17.5, realized as above.
    const single = settleRun([day], context(config({ market: 'netherlands', workflow: 'da_plus_imbalance', model: { profile: 'reference_v1' } }), true));
    expect(Array.from(single.site.expected_imbalance_revenue_eur)).toEqual([17.5, -17.5]);
    expect(Array.from(single.site.imbalance_revenue_eur)).toEqual([15, -22.5]);
  });
});
