import { hhmmToMinutes, isHhmm, isIsoDate, offsetDateTimeMs, SAFE_RUN_NAME } from './formats';

describe('HH:MM', () => {
  it.each(['00:00', '23:59', '12:00', '06:15'])('accepts %s', (text) => {
    expect(isHhmm(text)).toBe(true);
  });

  it.each(['24:00', '7:00', 'ab:cd', '12:60', '12:00:00', '1200', ' 12:00', '12:0'])('rejects %s', (text) => {
    expect(isHhmm(text)).toBe(false);
  });

  it('counts minutes after midnight', () => {
    expect(hhmmToMinutes('00:00')).toBe(0);
    expect(hhmmToMinutes('06:15')).toBe(375);
    expect(hhmmToMinutes('23:59')).toBe(1439);
  });
});

describe('calendar dates', () => {
  it.each(['2025-06-17', '2024-02-29', '2025-12-31'])('accepts %s', (text) => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each(['2025-02-30', '2025-02-29', '2023-02-29', '2025-13-01', '2024-04-31', '2024-00-10', '2025-6-17', '17-06-2025', 'june', '2025-06-17T00:00'])(
    'rejects %s',
    (text) => {
      expect(isIsoDate(text)).toBe(false);
    },
  );
});

describe('date-times with offset', () => {
  it('reads Z and numeric offsets as the same instant', () => {
    const utc = Date.UTC(2025, 5, 17, 8, 0);
    expect(offsetDateTimeMs('2025-06-17T08:00:00Z')).toBe(utc);
    expect(offsetDateTimeMs('2025-06-17T10:00:00+02:00')).toBe(utc);
    expect(offsetDateTimeMs('2025-06-17T10:00+02:00')).toBe(utc);
    expect(offsetDateTimeMs('2025-06-17 10:00:00.000+02:00')).toBe(utc);
  });

  it.each(['2025-06-17T10:00:00', '2025-06-17', '2025-02-30T10:00:00Z', '2025-06-17T25:00:00Z', 'tomorrow'])(
    'rejects %s',
    (text) => {
      expect(offsetDateTimeMs(text)).toBeUndefined();
    },
  );
});

describe('SAFE_RUN_NAME', () => {
  it.each(['belgium-da-only', 'run_1', 'Belgium Portfolio v1.2', 'a', 'x-'])('accepts %s', (name) => {
    expect(SAFE_RUN_NAME.test(name)).toBe(true);
  });

  it.each(['../escape', 'a/b', 'a\\b', '..', '.', '.hidden', 'trailing.', 'a..b', ' lead', 'trail ', '', 'x'.repeat(129)])(
    'rejects %j',
    (name) => {
      expect(SAFE_RUN_NAME.test(name)).toBe(false);
    },
  );
});
