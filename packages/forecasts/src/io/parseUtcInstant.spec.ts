import { parseUtcInstant } from './parseUtcInstant';

describe('parseUtcInstant', () => {
  it.each([
    ['2024-04-01T10:00:00Z', '2024-04-01T10:00:00.000Z'],
    ['2024-04-01 10:00:00+00:00', '2024-04-01T10:00:00.000Z'],
    ['2024-04-01T12:00+02:00', '2024-04-01T10:00:00.000Z'],
    ['2024-04-01T09:30:00-0030', '2024-04-01T10:00:00.000Z'],
    ['2024-04-01T10:00:00', '2024-04-01T10:00:00.000Z'],
    ['2024-04-01T10:00:00.250Z', '2024-04-01T10:00:00.250Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(new Date(parseUtcInstant(text) as number).toISOString()).toBe(iso);
  });

  it.each(['', '2024-02-30T00:00:00Z', '2024-04-01T24:00:00Z', '2024-04-01', '01/04/2024 10:00', '2024-04-01T10:00:00+25:00'])(
    'rejects %j',
    (text) => {
      expect(parseUtcInstant(text)).toBeUndefined();
    },
  );
});
