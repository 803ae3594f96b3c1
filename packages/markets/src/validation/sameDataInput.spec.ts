import type { DataValidationInput } from './dataValidationReport';
import { sameDataInput } from './sameDataInput';

const input: DataValidationInput = {
  files: { day_ahead: '/data/da.csv', imbalance: '/data/imb.csv' },
  timezone: 'Europe/Brussels',
  window: { startDate: '2025-06-17', endDate: '2025-06-17' },
  marketId: 'belgium',
  historyDays: 1,
};

describe('sameDataInput', () => {
  it('matches a copy, built in another key order', () => {
    expect(sameDataInput(input, { ...input, files: { imbalance: '/data/imb.csv', day_ahead: '/data/da.csv' }, window: { ...input.window } })).toBe(true);
  });

  it('takes a missing historyDays as 0', () => {
    expect(sameDataInput({ ...input, historyDays: undefined }, { ...input, historyDays: 0 })).toBe(true);
  });

  it.each<[string, Partial<DataValidationInput>]>([
    ['another file', { files: { day_ahead: '/data/da2.csv', imbalance: '/data/imb.csv' } }],
    ['a series fewer', { files: { day_ahead: '/data/da.csv' } }],
    ['another window', { window: { startDate: '2025-06-17', endDate: '2025-06-18' } }],
    ['more history', { historyDays: 2 }],
    ['another market', { marketId: 'netherlands', timezone: 'Europe/Amsterdam' }],
  ])('differs for %s', (_, change) => {
    expect(sameDataInput(input, { ...input, ...change })).toBe(false);
  });
});
