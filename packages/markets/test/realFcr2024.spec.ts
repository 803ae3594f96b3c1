import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isoUtc, localDatesBetween, localDayGrid, localMidnightMs, localTimeToUtcMs } from '../src/calendar';
import { indexOfInstant, INTERVAL_MS } from '../src/series';
import { dataLines, loadReal, REAL } from './helpers/realData';

const YEAR = { startDate: '2024-01-01', endDate: '2024-12-31' };
const FILE = 'fcr_capacity_2024.csv';

/** The DE blocks of the raw slice: local start, UTC start and end (next block), EUR/MW per block. */
function rawBlocks(): { label: string; startMs: number; endMs: number; perBlock: number }[] {
  const rows = dataLines('fcr_capacity_2024_raw.csv').map((line) => {
    const [label, de] = line.split(',');
    // The source's wall clock is German local time, the same rules as Brussels.
    return { label, startMs: localTimeToUtcMs(label.slice(0, 10), label.slice(11, 16), 'Europe/Berlin'), perBlock: Number(de) };
  });
  const yearEndMs = localMidnightMs('2025-01-01', 'Europe/Berlin');
  return rows.map((row, i) => ({ ...row, endMs: i + 1 < rows.length ? rows[i + 1].startMs : yearEndMs }));
}

describe('real FCR capacity prices 2024 (DE price of the common FCR auction)', () => {
  const blocks = rawBlocks();
  const { get, report } = loadReal({ day_ahead: 'belgium_day_ahead_2024_filled.csv', fcr_capacity: FILE }, 'belgium', YEAR);
  const fcr = get('fcr_capacity');

  it('has six 4-hour blocks per local day of 2024 and a quarter-hour for each of the year', () => {
    expect(report.ok).toBe(true);
    expect(blocks).toHaveLength(366 * 6);
    expect(fcr.instantsMs).toHaveLength(366 * 96);
    expect(fcr.instantsMs[0]).toBe(Date.UTC(2023, 11, 31, 23));
  });

  it('the first block, 2024-01-01 00:00-04:00 local, is 114.8 EUR/MW per block = 28.7 EUR/MW/h', () => {
    expect(blocks[0]).toMatchObject({ label: '2024-01-01 00:00:00', perBlock: 114.8 });
    const first = Array.from(fcr.values.subarray(0, 16));
    expect(first).toEqual(Array(16).fill(blocks[0].perBlock / 4));
    expect(first[0]).toBe(28.7);
    expect(fcr.values[16]).toBe(blocks[1].perBlock / 4);
  });

  /** EUR/MW/h of a block: its price per block over its real hours (4; 3 and 5 on the DST days), 15 digits. */
  const perHour = (block: (typeof blocks)[number]): number => Number((block.perBlock / ((block.endMs - block.startMs) / 3_600_000)).toPrecision(15));

  it('every quarter-hour carries its local block price over the block hours, and nothing else', () => {
    const wrong: string[] = [];
    let covered = 0;
    for (const block of blocks) {
      for (let ms = block.startMs; ms < block.endMs; ms += INTERVAL_MS) {
        const i = indexOfInstant(fcr, ms);
        covered += 1;
        if (i < 0 || fcr.values[i] !== perHour(block)) {
          wrong.push(`${isoUtc(ms)} (${block.label})`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(covered).toBe(fcr.instantsMs.length);
  });

  it('the 00-04 block of the DST days lasts 3 h (spring) and 5 h (autumn), its price divided by those hours', () => {
    const quarterHours = (label: string): number[] => {
      const block = blocks.find((b) => b.label === label);
      const values: number[] = [];
      for (let ms = block?.startMs ?? 0; ms < (block?.endMs ?? 0); ms += INTERVAL_MS) {
        values.push(fcr.values[indexOfInstant(fcr, ms)]);
      }
      return values;
    };
    // Spring: 00:00 CET (23:00Z) to 04:00 CEST (02:00Z), 3 h; 39.48 EUR/MW per block / 3 = 13.16.
    expect(quarterHours('2024-03-31 00:00:00')).toEqual(Array(12).fill(13.16));
    expect(fcr.values[indexOfInstant(fcr, Date.UTC(2024, 2, 31, 1, 45))]).toBe(13.16);
    expect(fcr.values[indexOfInstant(fcr, Date.UTC(2024, 2, 31, 2))]).toBe(36.63 / 4);
    // Autumn: 00:00 CEST (22:00Z) to 04:00 CET (03:00Z), both 02:00 hours included, 5 h; 19.3 / 5 = 3.86.
    expect(quarterHours('2024-10-27 00:00:00')).toEqual(Array(20).fill(3.86));
    expect(fcr.values[indexOfInstant(fcr, Date.UTC(2024, 9, 27, 3))]).toBe(32.2 / 4);
    // The other five blocks of those days last 4 h.
    const lengths = (day: string): number[] =>
      blocks.filter((b) => b.label.startsWith(day)).map((b) => (b.endMs - b.startMs) / INTERVAL_MS);
    expect(lengths('2024-03-31')).toEqual([12, 16, 16, 16, 16, 16]);
    expect(lengths('2024-10-27')).toEqual([20, 16, 16, 16, 16, 16]);
  });

  it('one file serves both markets: it has no zone and validates for the Netherlands too', () => {
    const nl = loadReal({ day_ahead: 'netherlands_day_ahead_2024.csv', fcr_capacity: FILE }, 'netherlands', YEAR);
    expect(nl.report.ok).toBe(true);
    expect(Array.from(nl.get('fcr_capacity').values)).toEqual(Array.from(fcr.values));
    expect(fcr.provenance.zone).toBeUndefined();
    const firstRow = readFileSync(path.join(REAL, FILE), 'utf8').split('\n')[1].split(',');
    expect(firstRow[6]).toBe('');
    expect(firstRow[11]).toBe('regelleistung_fcr_DE_per_4h_block_div_block_hours');
    expect(fcr.provenance.steps).toEqual(['expanded_from_PT4H']);
  });

  it('is stored as one PT4H row per block, which the reader holds over the local block', () => {
    const lines = dataLines(FILE).map((line) => line.split(','));
    expect(lines).toHaveLength(blocks.length);
    expect(new Set(lines.map((cells) => cells[3]))).toEqual(new Set(['PT4H']));
    expect(lines.map((cells) => Number(cells[4]))).toEqual(blocks.map(perHour));
  });

  it('every local day has 92, 96 or 100 quarter-hours, as the Brussels calendar says', () => {
    const counts = new Map<number, number>();
    for (const date of localDatesBetween(YEAR.startDate, YEAR.endDate)) {
      const grid = localDayGrid(date, 'Europe/Brussels');
      const present = Array.from(grid).filter((ms) => indexOfInstant(fcr, ms) >= 0).length;
      expect(present).toBe(grid.length);
      counts.set(present, (counts.get(present) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ 92: 1, 96: 364, 100: 1 });
  });
});
