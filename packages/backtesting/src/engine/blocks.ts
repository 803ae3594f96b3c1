import { offsetMinutesAt } from '@euroflex/markets';

const MINUTE_MS = 60_000;

/**
 * Product blocks of a reserve over one day: a block starts at every interval whose LOCAL
 * wall-clock time is a multiple of `blockMinutes` after local midnight (00:00, 04:00, ...
 * for 240). On DST days the block holding the change is shorter (spring) or longer
 * (autumn); a repeated local time starts two blocks when it is a block boundary (15- and
 * 60-minute products), so every quarter-hour product stays its own block.
 */
export function blockOfInterval(instantsMs: Float64Array, timezone: string, blockMinutes: number): { blockOfInterval: Int32Array; blockCount: number } {
  const blocks = new Int32Array(instantsMs.length);
  let block = -1;
  for (let t = 0; t < instantsMs.length; t += 1) {
    const wallMinutes = Math.round((instantsMs[t] + offsetMinutesAt(instantsMs[t], timezone) * MINUTE_MS) / MINUTE_MS);
    const minuteOfDay = ((wallMinutes % 1440) + 1440) % 1440;
    if (t === 0 || minuteOfDay % blockMinutes === 0) {
      block += 1;
    }
    blocks[t] = block;
  }
  return { blockOfInterval: blocks, blockCount: block + 1 };
}
