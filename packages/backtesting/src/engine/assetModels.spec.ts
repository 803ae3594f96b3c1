import { availabilityFactors, powerLimitsMw, type AssetModel } from './assetModels';

/** A 2 MW battery with the given outages (times in UTC). */
function assetWith(outages: { start: string; end: string; factor: number }[]): AssetModel {
  return {
    id: 'b1',
    effectivePowerMw: 2,
    socMinMwh: 0,
    socMaxMwh: 2,
    initialSocMwh: 1,
    terminalSocMwh: 1,
    chargeEfficiency: 1,
    dischargeEfficiency: 1,
    degradationEurPerMwh: 0,
    outages: outages.map((o) => ({ startMs: Date.parse(o.start), endMs: Date.parse(o.end), factor: o.factor })),
  };
}

/** Quarter-hour instants from 00:00 UTC, `count` of them. */
const quarterHours = (count: number) => Float64Array.from({ length: count }, (_, t) => Date.parse('2024-03-31T00:00:00Z') + t * 900_000);

describe('availability factors', () => {
  it('derate every quarter-hour a window touches, even in part', () => {
    // 01:10 .. 01:50 touches 01:00-01:15 (from 01:10), 01:15, 01:30 and 01:45-02:00 (to 01:50).
    const factors = availabilityFactors(assetWith([{ start: '2024-03-31T01:10:00Z', end: '2024-03-31T01:50:00Z', factor: 0.25 }]), quarterHours(12));
    expect(Array.from(factors)).toEqual([1, 1, 1, 1, 0.25, 0.25, 0.25, 0.25, 1, 1, 1, 1]);
  });

  it('leave the interval that starts where a window ends, and take the smallest factor where windows overlap', () => {
    const asset = assetWith([
      { start: '2024-03-31T00:15:00Z', end: '2024-03-31T00:45:00Z', factor: 0.5 },
      { start: '2024-03-31T00:30:00Z', end: '2024-03-31T00:35:00Z', factor: 0 },
    ]);
    expect(Array.from(availabilityFactors(asset, quarterHours(4)))).toEqual([1, 0.5, 0, 1]);
    expect(Array.from(powerLimitsMw(asset, quarterHours(4)))).toEqual([2, 1, 0, 2]);
  });
});
