import { isLocalDate } from '../../src/report/buildRunReport';

describe('isLocalDate', () => {
  it('accepts real calendar dates written YYYY-MM-DD only', () => {
    expect(['2024-01-01', '2024-02-29', '2024-12-31'].map(isLocalDate)).toEqual([true, true, true]);
    expect(['2024-13-01', '2023-02-29', '2024-04-31', '2024-00-10', '2024-1-01', 'june', '2024-01-01T00:00'].map(isLocalDate)).toEqual([false, false, false, false, false, false, false]);
  });
});
