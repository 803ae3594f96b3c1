/**
 * When a column gets a dictionary. Applies to string and float64 columns alike:
 * - at most max(DICTIONARY_MIN_ENTRIES, rows * DICTIONARY_MAX_SHARE) distinct non-null values, and
 * - a probe: among the first PROBE_ROWS rows (or up to the end of the run that covers row
 *   PROBE_ROWS) at most PROBE_MAX_ENTRIES distinct values,
 *   so a column of unique values (timestamps, full-precision revenues) is rejected after
 *   about 1,000 hash lookups instead of rows / 4 of them.
 */
export const DICTIONARY_MIN_ENTRIES = 16;
export const DICTIONARY_MAX_SHARE = 1 / 4;
export const PROBE_ROWS = 1024;
export const PROBE_MAX_ENTRIES = PROBE_ROWS / 2;

/** The largest dictionary a column of `rowCount` rows may have. */
export function maxDictionaryEntries(rowCount: number): number {
  return Math.max(DICTIONARY_MIN_ENTRIES, Math.floor(rowCount * DICTIONARY_MAX_SHARE));
}

/** Per row: the index of its value in the dictionary, or -1 for null. Shared by the page writers. */
export interface DictionaryIndex {
  readonly entryCount: number;
  /** Rows whose index is -1. */
  readonly nullCount: number;
  readonly rowIndex: Int32Array;
}

/** A string dictionary page holds at most this many UTF-16 code units (about 1 MiB, Arrow's default dictionary page limit). */
export const DICTIONARY_MAX_CHARS = 1 << 20;

export interface StringDictionary extends DictionaryIndex {
  /** Distinct non-null values in first-seen order. */
  readonly entries: readonly string[];
}
