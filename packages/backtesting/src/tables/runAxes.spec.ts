import { isoUtc } from '@euroflex/markets';
import { blockCodes, tiled, timeAxis, UtcCodes } from './runAxes';

const QUARTER_HOUR_MS = 900_000;
const START_MS = Date.UTC(2024, 2, 30, 23, 0);

describe('time axis labels and codes', () => {
  // Four quarter-hours around the Belgian spring DST change (2024-03-31 02:00 local).
  const axis = timeAxis(Float64Array.from({ length: 4 }, (_, i) => START_MS + (4 + i) * QUARTER_HOUR_MS), 'Europe/Brussels');

  it('labels each interval in UTC and local time, plus the end of the last interval in UTC', () => {
    expect(axis.utc).toEqual(['2024-03-31T00:00:00Z', '2024-03-31T00:15:00Z', '2024-03-31T00:30:00Z', '2024-03-31T00:45:00Z', '2024-03-31T01:00:00Z']);
    expect(axis.local).toEqual(['2024-03-31T01:00:00+01:00', '2024-03-31T01:15:00+01:00', '2024-03-31T01:30:00+01:00', '2024-03-31T01:45:00+01:00']);
    expect(Array.from(axis.interval)).toEqual([0, 1, 2, 3]);
  });

  it('codes instants on the axis (its end included) into its own labels, others into labels of their own', () => {
    const codes = new UtcCodes(axis, isoUtc, QUARTER_HOUR_MS);
    expect([axis.instantsMs[2], axis.endMs].map((ms) => codes.codeOf(ms))).toEqual([2, 4]);
    expect(codes.labels).toBe(axis.utc);
    const later = axis.endMs + QUARTER_HOUR_MS;
    const odd = axis.instantsMs[1] + 500;
    expect([later, odd, later].map((ms) => codes.codeOf(ms))).toEqual([5, 6, 5]);
    expect(codes.labels.slice(5)).toEqual(['2024-03-31T01:15:00Z', '2024-03-31T00:15:00.500Z']);
    expect(axis.utc).toHaveLength(5);
  });

  it('labels a window once: the same instants in another array share the labels, another zone or window does not', () => {
    const instants = Float64Array.from({ length: 4 }, (_, i) => START_MS + (4 + i) * QUARTER_HOUR_MS);
    const first = timeAxis(instants, 'Europe/Brussels');
    const again = timeAxis(instants.slice(), 'Europe/Brussels');
    expect(again.local).toBe(first.local);
    expect(again.utc).toBe(first.utc);
    const london = timeAxis(instants.slice(), 'Europe/London');
    expect(london.local).toEqual(['2024-03-31T00:00:00+00:00', '2024-03-31T00:15:00+00:00', '2024-03-31T00:30:00+00:00', '2024-03-31T00:45:00+00:00']);
    const shifted = instants.map((ms) => ms + QUARTER_HOUR_MS);
    const later = timeAxis(shifted, 'Europe/London');
    expect(later.local[0]).toBe('2024-03-31T00:15:00+00:00');
    expect(later.instantsMs).toBe(shifted);
    // Changing an array after it was labelled does not change what its instants label as.
    shifted[0] = START_MS;
    expect(timeAxis(shifted, 'Europe/London').local[0]).toBe('2024-03-30T23:00:00+00:00');
  });

  it('repeats codes per block and numbers the blocks', () => {
    expect(Array.from(tiled(Int32Array.from([0, 1]), 3))).toEqual([0, 1, 0, 1, 0, 1]);
    expect(Array.from(blockCodes(2, 3))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
