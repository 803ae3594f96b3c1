/** A value range padded to round tick values, with the ticks inside it. */
export interface NiceRange {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * Round axis bounds around [low, high] with about `count` ticks at 1, 2, 2.5 or 5 x 10^k.
 * A flat or empty range is widened so that the axis still has a height.
 */
export function niceRange(low: number, high: number, count = 5): NiceRange {
  let min = Number.isFinite(low) ? low : 0;
  let max = Number.isFinite(high) ? high : 1;
  if (max < min) {
    [min, max] = [max, min];
  }
  if (max - min < 1e-12) {
    const pad = Math.abs(max) > 1e-12 ? Math.abs(max) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, count);
  const niceMin = Math.floor(min / step + 1e-9) * step;
  const niceMax = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; ; i += 1) {
    const tick = niceMin + i * step;
    if (tick > niceMax + step * 1e-6) {
      break;
    }
    // Round away representation noise (0.30000000000000004) so labels stay short.
    ticks.push(Number(tick.toPrecision(12)));
  }
  return { min: niceMin, max: niceMax, ticks };
}
