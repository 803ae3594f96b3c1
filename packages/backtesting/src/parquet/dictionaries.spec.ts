import { maxDictionaryEntries } from './dictionaryRule';
import { buildFloat64Dictionary } from './float64Dictionary';
import { buildStringDictionary } from './stringChunk';

describe('dictionaries', () => {
  it('allow max(16, rows / 4) entries', () => {
    expect([0, 20, 64, 65, 100, 70_080].map(maxDictionaryEntries)).toEqual([16, 16, 16, 16, 25, 17_520]);
  });

  it('key doubles by bit pattern: -0 and 0 are distinct entries, NaN is null', () => {
    const values = Float64Array.from([0, 0, -0, Number.NaN, 2.5, 0, Number.NaN, Number.NaN, -0]);
    const dictionary = buildFloat64Dictionary(values, values.length, new Int32Array(values.length));
    expect(dictionary).toBeDefined();
    expect([...(dictionary?.entries ?? [])].map((v) => (Object.is(v, -0) ? '-0' : v))).toEqual([0, '-0', 2.5]);
    expect([...(dictionary?.rowIndex ?? [])]).toEqual([0, 0, 1, -1, 2, 0, -1, -1, 1]);
    expect(dictionary?.nullCount).toBe(3);
    expect(dictionary?.entryCount).toBe(3);
  });

  it('keep thousands of distinct doubles through table growth', () => {
    const rows = 40_000;
    // Pairs of equal values, so the first 1,024 rows hold 512 distinct ones; 9,000 distinct in all.
    const values = Float64Array.from({ length: rows }, (_, i) => ((Math.floor(i / 2) * 7919) % 9_000) / 100);
    const dictionary = buildFloat64Dictionary(values, rows, new Int32Array(rows));
    expect(dictionary?.entryCount).toBe(9_000);
    const entries = dictionary?.entries ?? new Float64Array(0);
    const rowIndex = dictionary?.rowIndex ?? new Int32Array(0);
    let mismatches = 0;
    for (let i = 0; i < rows; i += 1) {
      mismatches += Object.is(entries[rowIndex[i]], values[i]) ? 0 : 1;
    }
    expect(mismatches).toBe(0);
  });

  it('give up on all-null columns and on columns with too many distinct values', () => {
    const nulls = new Float64Array(100).fill(Number.NaN);
    expect(buildFloat64Dictionary(nulls, 100, new Int32Array(100))).toBeUndefined();
    expect(buildStringDictionary(new Array<null>(100).fill(null), 100, new Int32Array(100))).toBeUndefined();
    const unique = Float64Array.from({ length: 100 }, (_, i) => i);
    expect(buildFloat64Dictionary(unique, 100, new Int32Array(100))).toBeUndefined();
  });

  it('reject a column whose first 1,024 rows hold more than 512 distinct values, even if it repeats later', () => {
    const rows = 10_000;
    const early = (distinct: number) => Float64Array.from({ length: rows }, (_, i) => (i < 1024 ? i % distinct : 0));
    expect(buildFloat64Dictionary(early(1024), rows, new Int32Array(rows))).toBeUndefined();
    expect(buildFloat64Dictionary(early(512), rows, new Int32Array(rows))?.entryCount).toBe(512);
    const labels = (distinct: number) => Array.from({ length: rows }, (_, i) => (i < 1024 ? `id-${i % distinct}` : 'id-0'));
    expect(buildStringDictionary(labels(1024), rows, new Int32Array(rows))).toBeUndefined();
    expect(buildStringDictionary(labels(512), rows, new Int32Array(rows))?.entryCount).toBe(512);
  });

  it('index strings in first-seen order, with runs and nulls', () => {
    const values = ['BE', 'BE', null, 'NL', 'BE', '', null, ''];
    const dictionary = buildStringDictionary(values, values.length, new Int32Array(values.length));
    expect(dictionary?.entries).toEqual(['BE', 'NL', '']);
    expect([...(dictionary?.rowIndex ?? [])]).toEqual([0, 0, -1, 1, 0, 2, -1, 2]);
    expect(dictionary?.nullCount).toBe(2);
  });

  it('keep string dictionaries under about a million characters', () => {
    const long = Array.from({ length: 100 }, (_, i) => `${i % 20}`.padEnd(60_000, 'x'));
    expect(buildStringDictionary(long, 100, new Int32Array(100))).toBeUndefined();
    const short = Array.from({ length: 100 }, (_, i) => `${i % 20}`.padEnd(40_000, 'x'));
    expect(buildStringDictionary(short, 100, new Int32Array(100))?.entryCount).toBe(20);
  });
});
