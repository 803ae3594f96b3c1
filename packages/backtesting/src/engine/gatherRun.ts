import type { BacktestRun } from './backtestRun';

/** One asset's per-day values over the run, day after day, into `out` (a new array by default). */
export function gather(
  run: BacktestRun,
  pick: (day: BacktestRun['days'][number], asset: number) => ArrayLike<number>,
  asset: number,
  out: Float64Array = new Float64Array(run.settlement.instantsMs.length),
): Float64Array {
  let offset = 0;
  for (const day of run.days) {
    const values = pick(day, asset);
    const n = day.instantsMs.length;
    if (values instanceof Float64Array && values.length >= n) {
      out.set(values.subarray(0, n), offset);
    } else {
      for (let t = 0; t < n; t += 1) {
        out[offset + t] = values[t];
      }
    }
    offset += n;
  }
  return out;
}
