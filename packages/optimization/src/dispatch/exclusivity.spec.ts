import fc from 'fast-check';
import { IntervalMode } from '../components/battery/intervalMode';
import type { DispatchAsset } from './DispatchProblem';
import { exclusivityModes, removeOverlap } from './exclusivity';

const asset = (eta: number, k: number): DispatchAsset => ({
  id: 'a',
  powerLimitMw: Float64Array.of(1, 1, 0),
  socMinMwh: 0,
  socMaxMwh: 1,
  initialSocMwh: 0.5,
  terminalSocMwh: 0.5,
  chargeEfficiency: eta,
  dischargeEfficiency: eta,
  degradationEurPerMwh: k,
});

describe('exclusivity', () => {
  it('puts binaries exactly where p <= p* and power is available', () => {
    // eta 0.9/0.9, k 4: p* = -38.105 EUR/MWh. Interval 2 has no power, so it needs none.
    const problem = {
      intervalCount: 3,
      intervalHours: 0.25,
      assets: [asset(0.9, 4), asset(1, 4)],
      site: { importLimitMw: 2, exportLimitMw: 2 },
      dayAheadPriceEurPerMwh: Float64Array.of(-38.2, -38, -500),
      terminalSoc: 'equal' as const,
    };
    expect(exclusivityModes(problem, false).map((m) => Array.from(m))).toEqual([
      [IntervalMode.BINARY, IntervalMode.FREE, IntervalMode.FREE],
      [IntervalMode.FREE, IntervalMode.FREE, IntervalMode.FREE],
    ]);
    expect(exclusivityModes(problem, true).map((m) => Array.from(m))).toEqual([
      [IntervalMode.BINARY, IntervalMode.BINARY, IntervalMode.FREE],
      [IntervalMode.BINARY, IntervalMode.BINARY, IntervalMode.FREE],
    ]);
  });

  it('the exchange keeps the SoC change, zeroes one side and loses nothing where p >= p*', () => {
    const arb = fc.record({
      c: fc.double({ min: 0, max: 1, noNaN: true }),
      d: fc.double({ min: 0, max: 1, noNaN: true }),
      eta: fc.double({ min: 0.7, max: 1, noNaN: true }),
      k: fc.double({ min: 0, max: 20, noNaN: true }),
      priceAboveThreshold: fc.double({ min: 0, max: 600, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, ({ c, d, eta, k, priceAboveThreshold }) => {
        const a = asset(eta, k);
        const e = eta * eta;
        const p = e < 1 ? (-k * (1 + e)) / (1 - e) + priceAboveThreshold : priceAboveThreshold;
        const chargeMw = Float64Array.of(c);
        const dischargeMw = Float64Array.of(d);
        removeOverlap(a, Uint8Array.of(IntervalMode.FREE), chargeMw, dischargeMw);
        const socChange = (x: number, y: number) => eta * x - y / eta;
        const value = (x: number, y: number) => p * (y - x) - k * (x + y);
        expect(socChange(chargeMw[0], dischargeMw[0])).toBeCloseTo(socChange(c, d), 12);
        expect(Math.min(chargeMw[0], dischargeMw[0])).toBeLessThanOrEqual(1e-9);
        expect(chargeMw[0]).toBeGreaterThanOrEqual(0);
        expect(dischargeMw[0]).toBeGreaterThanOrEqual(0);
        expect(value(chargeMw[0], dischargeMw[0])).toBeGreaterThanOrEqual(value(c, d) - 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves BINARY intervals alone', () => {
    const chargeMw = Float64Array.of(0.5);
    const dischargeMw = Float64Array.of(0.5);
    expect(removeOverlap(asset(0.9, 0), Uint8Array.of(IntervalMode.BINARY), chargeMw, dischargeMw)).toBe(0);
    expect([chargeMw[0], dischargeMw[0]]).toEqual([0.5, 0.5]);
  });
});
