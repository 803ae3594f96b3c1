import { DateTime } from 'luxon';
import { localLabels, utcLabels } from './localLabels';

describe('local labels', () => {
  it('match luxon on both DST days of 2024 in Brussels', () => {
    const start = Date.UTC(2024, 2, 30, 20, 0);
    const instants: number[] = [];
    for (let i = 0; i < 4 * 30; i += 1) {
      instants.push(start + i * 900_000);
    }
    const autumn = Date.UTC(2024, 9, 26, 20, 0);
    for (let i = 0; i < 4 * 30; i += 1) {
      instants.push(autumn + i * 900_000);
    }
    const expected = instants.map(
      (ms) => DateTime.fromMillis(ms, { zone: 'Europe/Brussels' }).toISO({ suppressMilliseconds: true }) as string,
    );
    expect(localLabels(instants, 'Europe/Brussels')).toEqual(expected);
  });

  it('labels the repeated autumn hour with both offsets', () => {
    const labels = localLabels([Date.UTC(2024, 9, 27, 0, 30), Date.UTC(2024, 9, 27, 1, 30)], 'Europe/Brussels');
    expect(labels).toEqual(['2024-10-27T02:30:00+02:00', '2024-10-27T02:30:00+01:00']);
  });

  it('writes UTC labels with a Z', () => {
    expect(utcLabels([Date.UTC(2025, 5, 16, 22, 15)])).toEqual(['2025-06-16T22:15:00Z']);
  });
});
