import { dayPriceRange, priceSignal } from './priceSignal';

const lossy = { chargeEfficiency: 0.9, dischargeEfficiency: 0.9, degradationEurPerMwh: 0 };
const lossless = { chargeEfficiency: 1, dischargeEfficiency: 1, degradationEurPerMwh: 0 };

describe('price signal', () => {
  it('finds each day its own cheapest and dearest price', () => {
    const range = dayPriceRange([10, 100, 50, 20, 30], ['d1', 'd1', 'd1', 'd2', 'd2']);
    expect([...range.lowEurPerMwh]).toEqual([10, 10, 10, 20, 20]);
    expect([...range.highEurPerMwh]).toEqual([100, 100, 100, 30, 30]);
  });

  it('skips missing prices and joins a day whose intervals are not contiguous', () => {
    const range = dayPriceRange([Number.NaN, 40, 5, Number.NaN, 70, Number.NaN], ['d1', 'd1', 'd2', 'd3', 'd1', 'd3']);
    expect([...range.lowEurPerMwh]).toEqual([40, 40, 5, Number.NaN, 40, Number.NaN]);
    expect([...range.highEurPerMwh]).toEqual([70, 70, 5, Number.NaN, 70, Number.NaN]);
  });

  it.each([
    // eta = 0.81. At 100: sell and buy back at 10 earns 100 - 10/0.81 = 87.65; charging earns 81 - 100 < 0.
    ['the peak asks for discharge', 100, 'discharge'],
    // At 10: charging and selling at 100 earns 81 - 10 = 71; discharging earns 10 - 12.35 < 0.
    ['the trough asks for charge', 10, 'charge'],
    // At 50: discharge earns 50 - 12.35 = 37.65, charge earns 81 - 50 = 31: discharge is larger.
    ['a middle price follows the larger margin', 50, 'discharge'],
    // At 60: discharge 47.65, charge 21.
    ['above the middle: discharge', 60, 'discharge'],
  ])('%s', (_name, price, expected) => {
    expect(priceSignal(price, 10, 100, lossy)).toBe(expected);
  });

  it('is none when round-trip losses eat the spread (40..50 at 81 % round trip)', () => {
    // At 45: discharge earns 45 - 40/0.81 = -4.4, charge earns 0.81 x 50 - 45 = -4.5.
    expect(priceSignal(45, 40, 50, lossy)).toBe('none');
    // The same prices pay for a lossless battery.
    expect(priceSignal(45, 40, 50, lossless)).toBe('discharge');
    expect(priceSignal(40, 40, 50, lossless)).toBe('charge');
  });

  it('is none when degradation eats the spread (k = 15 on a 20 EUR spread)', () => {
    const worn = { ...lossless, degradationEurPerMwh: 15 };
    // Discharging at 60 earns 60 - 15 - (40 + 15) = -10; charging at 40 earns 60 - 15 - 55 = -10.
    expect(priceSignal(60, 40, 60, worn)).toBe('none');
    expect(priceSignal(40, 40, 60, worn)).toBe('none');
    expect(priceSignal(60, 40, 60, { ...worn, degradationEurPerMwh: 5 })).toBe('discharge');
  });

  it('is none on a flat day and for a missing price', () => {
    expect(priceSignal(50, 50, 50, lossless)).toBe('none');
    expect(priceSignal(Number.NaN, 10, 100, lossy)).toBe('none');
  });
});
