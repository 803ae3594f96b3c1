import { maxDictionaryEntries, PROBE_MAX_ENTRIES, PROBE_ROWS, type DictionaryIndex } from './dictionaryRule';

export interface Float64Dictionary extends DictionaryIndex {
  /** Distinct non-null values in first-seen order (the first `entryCount` are used). */
  readonly entries: Float64Array;
}

/** Read once: `Math.imul` looked up per call is ~70x slower under Jest (see snappy.ts). */
const imul = Math.imul;

function mix(lo: number, hi: number): number {
  let h = imul(lo ^ imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  return imul(h, 0xc2b2ae35) ^ (h >>> 13);
}

/**
 * The dictionary of a float64 column, keyed by bit pattern (so -0 and 0 stay distinct and
 * every value round-trips bit for bit; NaN is null), or undefined when the dictionary rule
 * rejects the column. An open-addressing table over the two 32-bit words of each double,
 * and a comparison with the previous row first, keep this to a few ns per row.
 * `rowIndex` must hold at least `rowCount` entries; it is filled, not allocated.
 */
export function buildFloat64Dictionary(values: Float64Array, rowCount: number, rowIndex: Int32Array): Float64Dictionary | undefined {
  const maxEntries = maxDictionaryEntries(rowCount);
  const words = new Int32Array(values.buffer, values.byteOffset, rowCount * 2);
  let capacity = 1024;
  let slots: Int32Array = new Int32Array(capacity);
  let entryWords: Int32Array = new Int32Array(512);
  let count = 0;
  let nullCount = 0;
  let probed = false;
  let i = 0;
  while (i < rowCount) {
    if (!probed && i >= PROBE_ROWS) {
      if (count > PROBE_MAX_ENTRIES) {
        return undefined;
      }
      probed = true;
    }
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    let id = -1;
    const value = values[i];
    if (value === value) {
      const mask = capacity - 1;
      let slot = mix(lo, hi) & mask;
      for (;;) {
        const stored = slots[slot];
        if (stored === 0) {
          break;
        }
        if (entryWords[2 * stored - 2] === lo && entryWords[2 * stored - 1] === hi) {
          id = stored - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (id < 0) {
        id = count;
        count += 1;
        if (count > maxEntries) {
          return undefined;
        }
        if (2 * count > entryWords.length) {
          const grown = new Int32Array(entryWords.length * 2);
          grown.set(entryWords);
          entryWords = grown;
        }
        entryWords[2 * id] = lo;
        entryWords[2 * id + 1] = hi;
        slots[slot] = count;
        if (2 * count > capacity) {
          capacity *= 2;
          slots = rehash(entryWords, count, capacity);
        }
      }
    }
    // Dispatch columns hold long runs (idle hours, constant limits): copy the id along the run.
    const runStart = i;
    rowIndex[i] = id;
    i += 1;
    while (i < rowCount && words[2 * i] === lo && words[2 * i + 1] === hi) {
      rowIndex[i] = id;
      i += 1;
    }
    if (id < 0) {
      nullCount += i - runStart;
    }
  }
  if (count === 0) {
    return undefined;
  }
  return { entryCount: count, nullCount, rowIndex, entries: new Float64Array(entryWords.buffer, 0, count) };
}

/** A table of `capacity` slots (load under 1/2) holding entries 1..count of `entryWords`. */
function rehash(entryWords: Int32Array, count: number, capacity: number): Int32Array {
  const slots = new Int32Array(capacity);
  const mask = capacity - 1;
  for (let e = 0; e < count; e += 1) {
    let slot = mix(entryWords[2 * e], entryWords[2 * e + 1]) & mask;
    while (slots[slot] !== 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = e + 1;
  }
  return slots;
}
