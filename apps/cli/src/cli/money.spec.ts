import { money } from './money';

describe('money', () => {
  it('prints two decimals with separators, and never -0.00', () => {
    expect(money(1234567.891)).toBe('1,234,567.89');
    expect(money(-32447.99)).toBe('-32,447.99');
    expect(money(-0.004)).toBe('0.00');
    expect(money(-1e-9)).toBe('0.00');
    expect(money(-0.005)).toBe('-0.01');
  });
});
