import fc from 'fast-check';
import { assignReasonCodes } from './assignReasonCodes';
import { REASON_CODES, reasonCodeCounts } from './reasonCodes';
import type { AssetReasonInput, ReasonCodeInput } from './reasonInput';

/** One interval of one asset; everything not given is idle, mid-band, 1 MW limit, no reserve. */
interface Cell {
  c?: number;
  d?: number;
  n?: number;
  pc?: number;
  pd?: number;
  fcr?: number;
  up?: number;
  down?: number;
  soc?: number;
  limit?: number;
}

const BAND = { socMinMwh: 0.1, socMaxMwh: 0.9 };

function asset(cells: readonly Cell[], losses = { chargeEfficiency: 0.9, dischargeEfficiency: 0.9, degradationEurPerMwh: 0 }): AssetReasonInput {
  const col = (pick: (cell: Cell) => number) => Float64Array.from(cells, pick);
  return {
    chargeMw: col((x) => x.c ?? 0),
    dischargeMw: col((x) => x.d ?? 0),
    nominationMw: col((x) => x.n ?? 0),
    plannedChargeMw: col((x) => x.pc ?? x.c ?? 0),
    plannedDischargeMw: col((x) => x.pd ?? x.d ?? 0),
    fcrMw: col((x) => x.fcr ?? 0),
    afrrUpMw: col((x) => x.up ?? 0),
    afrrDownMw: col((x) => x.down ?? 0),
    socStartMwh: col((x) => x.soc ?? 0.5),
    socEndMwh: col((x) => x.soc ?? 0.5),
    powerLimitMw: col((x) => x.limit ?? 1),
    ...BAND,
    ...losses,
  };
}

/**
 * One day of a few intervals. The price of each interval is given with its cells; every day
 * also contains a 10 and a 100 EUR/MWh interval (the first two), so that with 81 % round trip
 * a price of 100 asks for discharge and 10 for charge (see priceSignal.spec.ts).
 */
function input(prices: readonly number[], assets: readonly AssetReasonInput[], site: Partial<ReasonCodeInput> = {}): ReasonCodeInput {
  return {
    assets,
    priceForecastEurPerMwh: Float64Array.from(prices),
    deliveryDate: prices.map(() => '2025-06-17'),
    poiImportLimitMw: 5,
    poiExportLimitMw: 5,
    ...site,
  };
}

/** The asset code of the third interval of a [10, 100, price] day for a single asset. */
function codeOf(cell: Cell, price = 100, losses?: Parameters<typeof asset>[1]): string {
  return assignReasonCodes(input([10, 100, price], [asset([{}, {}, cell], losses)])).assets[0][2];
}

describe('asset reason codes, one hand-made case per code', () => {
  it.each([
    ['reserve held, no energy, no position', { fcr: 0.5 }, 'reserve_capacity_commitment'],
    ['aFRR up and down held, idle', { up: 0.3, down: 0.2 }, 'reserve_capacity_commitment'],
    ['charging as nominated', { c: 1, n: -1 }, 'charge_for_da_spread'],
    ['discharging as nominated', { d: 1, n: 1 }, 'discharge_for_da_spread'],
    ['reserve and an energy trade: the trade wins', { d: 0.5, n: 0.5, fcr: 0.5 }, 'discharge_for_da_spread'],
    ['charging with no nomination: the deviation is bought', { c: 0.5 }, 'charge_for_imbalance'],
    ['discharging 0.4 of a 1 MW nomination: the deviation is -0.6', { d: 0.4, n: 1 }, 'charge_for_imbalance'],
    ['idle against a nominated charge: +1 MW deviation', { n: -1 }, 'discharge_for_imbalance'],
    ['discharging beyond the nomination', { d: 1, n: 0.25 }, 'discharge_for_imbalance'],
    ['peak price with an empty battery', { soc: 0.1 }, 'blocked_by_soc_limit'],
    ['the replay cut a planned discharge (realized SoC hit the bound)', { d: 0.4, pd: 1, n: 1 }, 'blocked_by_soc_limit'],
    ['the replay cut a planned charge to nothing', { pc: 0.5, n: -0.5, soc: 0.9 }, 'blocked_by_soc_limit'],
    ['peak price during a full outage', { limit: 0 }, 'blocked_by_connection_limit'],
    ['peak price, battery free, optimiser idle', {}, 'idle_due_to_efficiency_or_degradation'],
  ] as [string, Cell, string][])('%s -> %s', (_name, cell, expected) => {
    expect(codeOf(cell)).toBe(expected);
  });

  it('blocks a charge only at the top of the band and a discharge only at the bottom', () => {
    // At 10 the signal is charge: a full battery is blocked, an empty one is not.
    expect(codeOf({ soc: 0.9 }, 10)).toBe('blocked_by_soc_limit');
    expect(codeOf({ soc: 0.1 }, 10)).toBe('idle_due_to_efficiency_or_degradation');
    // At 100 the signal is discharge: the opposite.
    expect(codeOf({ soc: 0.9 }, 100)).toBe('idle_due_to_efficiency_or_degradation');
    expect(codeOf({ soc: 0.1 }, 100)).toBe('blocked_by_soc_limit');
  });

  it('is idle, not blocked, when the spread does not pay the losses, even at a bound', () => {
    // A 40..50 day: 45 pays neither way at 81 % round trip.
    const codes = assignReasonCodes(input([40, 50, 45], [asset([{}, {}, { soc: 0.1 }])])).assets[0];
    expect(codes[2]).toBe('idle_due_to_efficiency_or_degradation');
    // Degradation of 60 EUR/MWh eats a 10..100 spread for a lossless battery.
    const worn = { chargeEfficiency: 1, dischargeEfficiency: 1, degradationEurPerMwh: 60 };
    expect(codeOf({ soc: 0.1 }, 100, worn)).toBe('idle_due_to_efficiency_or_degradation');
    expect(codeOf({ soc: 0.1 }, 100, { ...worn, degradationEurPerMwh: 40 })).toBe('blocked_by_soc_limit');
  });

  it('blocks an idle asset whose connection headroom the POI has used up', () => {
    // Asset A exports 1 MW into a 1 MW POI; asset B is idle at the peak with its own 1 MW free.
    const a = asset([{}, {}, { d: 1, n: 1 }]);
    const b = asset([{}, {}, {}]);
    const result = assignReasonCodes(input([10, 100, 100], [a, b], { poiExportLimitMw: 1 }));
    expect(result.assets[0][2]).toBe('discharge_for_da_spread');
    expect(result.assets[1][2]).toBe('blocked_by_connection_limit');
    expect(result.site[2]).toBe('blocked_by_site_poi_limit');
  });
});

describe('site reason codes', () => {
  const single = (cell: Cell, site: Partial<ReasonCodeInput> = {}) =>
    assignReasonCodes(input([10, 100, 100], [asset([{}, {}, { limit: 1, ...cell }])], site)).site[2];

  it('codes a binding POI (nonzero dual, an asset with headroom left)', () => {
    // A 2 MW asset behind a 1 MW POI exports 1 MW: the POI, not the asset, is the limit.
    expect(single({ d: 1, n: 1, limit: 2 }, { poiExportLimitMw: 1, poiExportDualEurPerMw: [0, 0, 25] })).toBe('blocked_by_site_poi_limit');
    // The same with the dual unknown: zero slack and headroom left is enough.
    expect(single({ d: 1, n: 1, limit: 2 }, { poiExportLimitMw: 1 })).toBe('blocked_by_site_poi_limit');
    // The import side counts too.
    expect(single({ c: 1, n: -1, limit: 2 }, { poiImportLimitMw: 1, poiImportDualEurPerMw: [0, 0, 5] })).toBe('blocked_by_site_poi_limit');
  });

  it('does not code the POI when no asset could use more of it', () => {
    // A 1 MW asset at full power behind a 1 MW POI: a degenerate plan may put the dual on the POI row,
    // but a larger POI would change nothing.
    expect(single({ d: 1, n: 1 }, { poiExportLimitMw: 1, poiExportDualEurPerMw: [0, 0, 25] })).toBe('discharge_for_da_spread');
    // FCR filling a POI equal to the asset's power is a reserve commitment, not a POI block.
    expect(single({ fcr: 1 }, { poiExportLimitMw: 1, poiImportLimitMw: 1 })).toBe('reserve_capacity_commitment');
    // With headroom but an empty battery, more export room is worthless.
    expect(single({ limit: 2, fcr: 1, soc: 0.1 }, { poiExportLimitMw: 1, poiImportLimitMw: 5 })).toBe('reserve_capacity_commitment');
    // A slack POI with a zero dual: the site trades.
    expect(single({ d: 1, n: 1, limit: 2 }, { poiExportLimitMw: 3 })).toBe('discharge_for_da_spread');
  });

  it('applies the trade rules to the site totals', () => {
    const twoAssets = (a: Cell, b: Cell) => assignReasonCodes(input([10, 100, 100], [asset([{}, {}, a]), asset([{}, {}, b])])).site[2];
    expect(twoAssets({ fcr: 0.5 }, {})).toBe('reserve_capacity_commitment');
    expect(twoAssets({ fcr: 0.5 }, { d: 0.5, n: 0.5 })).toBe('discharge_for_da_spread');
    expect(twoAssets({ c: 1, n: -1 }, { d: 0.5, n: 0.5 })).toBe('charge_for_da_spread');
    // Asset deviations that cancel leave the site as nominated.
    expect(twoAssets({ d: 1, n: 0.5 }, { d: 0.5, n: 1 })).toBe('discharge_for_da_spread');
    expect(twoAssets({ d: 1, n: 1 }, { n: 1 })).toBe('charge_for_imbalance');
    expect(twoAssets({ n: -1 }, {})).toBe('discharge_for_imbalance');
  });

  it('falls back to the first asset code in tree order', () => {
    const twoAssets = (a: Cell, b: Cell) => assignReasonCodes(input([10, 100, 100], [asset([{}, {}, a]), asset([{}, {}, b])])).site[2];
    expect(twoAssets({ soc: 0.1 }, { limit: 0 })).toBe('blocked_by_soc_limit');
    expect(twoAssets({}, { limit: 0 })).toBe('blocked_by_connection_limit');
    expect(twoAssets({}, {})).toBe('idle_due_to_efficiency_or_degradation');
    // A cut flow anywhere makes the site's flow a SoC block.
    expect(twoAssets({ d: 0.4, pd: 1, n: 1 }, { d: 1, n: 1 })).toBe('blocked_by_soc_limit');
    // Energy shuffled between assets with no net position: the first asset code in tree order.
    expect(twoAssets({ c: 1, n: -1 }, { d: 1, n: 1 })).toBe('charge_for_da_spread');
  });

  it('gives a single asset the site code of its asset unless the POI binds (property)', () => {
    const flow = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: flow, d: flow, n: fc.double({ min: -1, max: 1, noNaN: true }), fcr: fc.constantFrom(0, 0.3), soc: fc.constantFrom(0.1, 0.5, 0.9), price: fc.integer({ min: -50, max: 200 }) }), { minLength: 1, maxLength: 12 }),
        (cells) => {
          const shaped = cells.map((x) => (x.c > x.d ? { ...x, d: 0 } : { ...x, c: 0 }));
          const result = assignReasonCodes(input(shaped.map((x) => x.price), [asset(shaped.map((x) => ({ ...x, limit: 2 })))], { poiExportLimitMw: 5, poiImportLimitMw: 5 }));
          expect(result.site).toEqual(result.assets[0]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('reason code counts', () => {
  it('counts each code, keyed alphabetically, and knows every code', () => {
    expect(reasonCodeCounts(['idle_due_to_efficiency_or_degradation', 'charge_for_da_spread', 'idle_due_to_efficiency_or_degradation'])).toEqual({
      charge_for_da_spread: 1,
      idle_due_to_efficiency_or_degradation: 2,
    });
    expect(Object.keys(reasonCodeCounts(['reserve_capacity_commitment', 'blocked_by_soc_limit']))).toEqual(['blocked_by_soc_limit', 'reserve_capacity_commitment']);
    expect(REASON_CODES).toHaveLength(9);
  });
});
