import { parseNumber } from './normalize/parseNumber';
import { parseDecimal } from './parseDecimal';

describe('parseDecimal', () => {
  it.each([
    ['62', 62],
    [' 62 ', 62],
    ['-0.5', -0.5],
    ['+1.25e3', 1250],
    ['.5', 0.5],
    ['7.', 7],
    ['1E-2', 0.01],
  ])('reads the plain decimal %j as %d', (cell, value) => {
    expect(parseDecimal(cell)).toBe(value);
  });

  it.each(['', ' ', '0x3E', '0X3e', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '1_000', '1,5', '1 000', 'e5', '.', '--1', '12abc'])(
    'refuses %j (NaN)',
    (cell) => {
      expect(parseDecimal(cell)).toBeNaN();
    },
  );

  it('gives Infinity for a decimal beyond the double range, which readers refuse as not finite', () => {
    expect(parseDecimal('1e400')).toBe(Infinity);
  });
});

describe('parseNumber (normalize)', () => {
  it('reads decimal-comma numbers with thousands dots, and only plain decimals', () => {
    expect(parseNumber(' 1.234,56 ', { decimalComma: true })).toBe(1234.56);
    expect(parseNumber('0,05816', { decimalComma: true, unitFactor: 1000 })).toBe(58.16);
    expect(parseNumber('0x3E', {})).toBeNaN();
    expect(parseNumber('0x3E', { decimalComma: true })).toBeNaN();
    expect(parseNumber('', {})).toBeNaN();
  });
});
