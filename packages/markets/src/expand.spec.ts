import { isoLocal, isoUtc, localDayGrid } from './calendar';
import { expandToQuarterHours, isOnResolutionGrid, quarterHoursCovered } from './expand';
import type { Series } from './series';
import { zoneClock } from './time/zoneClock';

const TZ = 'Europe/Brussels';
const clock = zoneClock(TZ);

/** Rows at each local `step`-minute boundary of `date` (the hours a PT60M/PT4H file has). */
function blockStarts(date: string, stepMinutes: number): number[] {
  return Array.from(localDayGrid(date, TZ)).filter((ms) => clock.minuteOfDay(ms) % stepMinutes === 0);
}

function seriesOf(instantsMs: number[]): Series {
  return {
    name: 'fcr_capacity',
    instantsMs: Float64Array.from(instantsMs),
    values: Float64Array.from(instantsMs, (_, i) => i + 1),
    columns: { other: Float64Array.from(instantsMs, (_, i) => -(i + 1)) },
    provenance: { source: 'test', steps: ['read'] },
  };
}

describe('expandToQuarterHours', () => {
  it.each([
    ['2024-03-31', 23, 92],
    ['2024-06-17', 24, 96],
    ['2024-10-27', 25, 100],
  ])('turns the %s hours (%i rows) into the %i quarter-hours of the local day', (date, hours, quarters) => {
    const starts = blockStarts(date, 60);
    expect(starts).toHaveLength(hours);
    const expanded = expandToQuarterHours(seriesOf(starts), 60, TZ);
    expect(expanded.instantsMs).toHaveLength(quarters);
    expect(Array.from(expanded.instantsMs)).toEqual(Array.from(localDayGrid(date, TZ)));
    expect(Array.from(expanded.values.subarray(0, 5))).toEqual([1, 1, 1, 1, 2]);
    expect(expanded.columns.other[4]).toBe(-2);
    expect(expanded.provenance.steps).toEqual(['read', 'expanded_from_PT60M']);
  });

  it('holds each hour of the repeated autumn 02:00 separately', () => {
    const expanded = expandToQuarterHours(seriesOf(blockStarts('2024-10-27', 60)), 60, TZ);
    const labels = Array.from(expanded.instantsMs, (ms, i) => `${isoLocal(ms, TZ).slice(11)}=${expanded.values[i]}`);
    expect(labels.slice(8, 16)).toEqual([
      '02:00:00+02:00=3', '02:15:00+02:00=3', '02:30:00+02:00=3', '02:45:00+02:00=3',
      '02:00:00+01:00=4', '02:15:00+01:00=4', '02:30:00+01:00=4', '02:45:00+01:00=4',
    ]);
  });

  it.each([
    ['2024-03-31', 92, 12],
    ['2024-06-17', 96, 16],
    ['2024-10-27', 100, 20],
  ])('expands the six PT4H blocks of %s to %i quarter-hours, the first block %i long', (date, quarters, first) => {
    const starts = blockStarts(date, 240);
    expect(starts).toHaveLength(6);
    const expanded = expandToQuarterHours(seriesOf(starts), 240, TZ);
    expect(expanded.instantsMs).toHaveLength(quarters);
    expect(Array.from(expanded.instantsMs)).toEqual(Array.from(localDayGrid(date, TZ)));
    expect(quarterHoursCovered(starts[0], 240, clock)).toBe(first);
    expect(expanded.values[first - 1]).toBe(1);
    expect(expanded.values[first]).toBe(2);
    expect(isoLocal(expanded.instantsMs[first], TZ).slice(11, 16)).toBe('04:00');
    expect(expanded.provenance.steps).toContain('expanded_from_PT4H');
  });

  it('leaves quarter-hour series as they are', () => {
    const series = seriesOf([Date.UTC(2024, 5, 16, 22)]);
    expect(expandToQuarterHours(series, 15, TZ)).toBe(series);
  });

  it('rejects rows off the block grid', () => {
    expect(isOnResolutionGrid(Date.UTC(2024, 5, 16, 22, 15), 60, clock)).toBe(false);
    expect(isOnResolutionGrid(Date.UTC(2024, 5, 17, 0), 240, clock)).toBe(false);
    expect(isOnResolutionGrid(Date.UTC(2024, 5, 17, 2), 240, clock)).toBe(true);
    expect(() => expandToQuarterHours(seriesOf([Date.UTC(2024, 5, 16, 22, 15)]), 60, TZ)).toThrow(
      `${isoUtc(Date.UTC(2024, 5, 16, 22, 15)).replace('Z', '.000Z')} is not on the PT60M grid`,
    );
  });
});
