/**
 * Small Float64Arrays that a run keeps, as views of shared 64 KB chunks (bump allocation).
 *
 * V8 keeps a typed array's values inside the array object only up to 64 bytes; anything
 * longer (a day's 96 quarter-hours is 768 bytes) gets a malloc'd backing store that the
 * garbage collector tracks and frees one by one: about 1.5 us per array on this project's
 * machine, against 0.15 us for a view of a chunk.
 *
 * Only for arrays the run keeps to its end: plans, executed flows, the memos' copies. A
 * chunk is never reused and lives while any of its views does, so a temporary taken here
 * holds its bytes for the whole run, and fresh pages are what this machine pays most for
 * (about 13 us each on first touch). Taking the model's and the coarse problem's
 * temporaries here too made two of three years 35-60 ms slower than plain arrays, which
 * malloc recycles; the kept arrays alone made all three 60-110 ms faster
 * (docs/performance.md).
 *
 * A view is zero-filled. Never use one where code assumes an array owns its `.buffer` (a
 * transfer to another thread; structured cloning copies the whole chunk, once per message).
 */
const CHUNK_BYTES = 65_536;
/** Longer arrays get a buffer of their own: they are few, and would waste chunk space. */
const MAX_VIEW_BYTES = 8192;

// Views are made with the constructor, which skips the species lookup of `subarray`.
const FLOAT64_CHUNK = CHUNK_BYTES / 8;
let float64Chunk = new Float64Array(0);
let float64Used = 0;

/** A zero-filled Float64Array of `length`, a view of a shared chunk when short. */
export function float64Array(length: number): Float64Array {
  if (length * 8 > MAX_VIEW_BYTES) {
    return new Float64Array(length);
  }
  if (float64Used + length > float64Chunk.length) {
    float64Chunk = new Float64Array(FLOAT64_CHUNK);
    float64Used = 0;
  }
  const view = new Float64Array(float64Chunk.buffer, float64Used * 8, length);
  float64Used += length;
  return view;
}

/** A copy of `values` as {@link float64Array}. */
export function float64Copy(values: Float64Array): Float64Array {
  const out = float64Array(values.length);
  out.set(values);
  return out;
}
