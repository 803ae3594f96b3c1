/**
 * Rainflow cycle counting (ASTM E1049-85, section 5.4.4, three-point method with the
 * residue counted as half cycles), used for `rainflow_offline` degradation and reports.
 */

/** One counted cycle: its range (peak-to-valley distance) and count (1 full, 0.5 half). */
export interface RainflowCycle {
  readonly range: number;
  readonly mean: number;
  readonly count: 0.5 | 1;
}

/** The turning points of a series (reversals), dropping flat runs and in-between points. */
export function reversals(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (out.length === 0) {
      out.push(value);
      continue;
    }
    const last = out[out.length - 1];
    if (value === last) {
      continue;
    }
    if (out.length >= 2) {
      const before = out[out.length - 2];
      if ((last - before) * (value - last) > 0) {
        // Same direction: the last point was not a turning point.
        out[out.length - 1] = value;
        continue;
      }
    }
    out.push(value);
  }
  return out;
}

/** Rainflow cycles of a series, in the order they close (residue half cycles last). */
export function rainflowCycles(values: ArrayLike<number>): RainflowCycle[] {
  const cycles: RainflowCycle[] = [];
  const stack: number[] = [];
  for (const point of reversals(values)) {
    stack.push(point);
    while (stack.length >= 3) {
      const x = Math.abs(stack[stack.length - 1] - stack[stack.length - 2]);
      const y = Math.abs(stack[stack.length - 2] - stack[stack.length - 3]);
      if (x < y) {
        break;
      }
      if (stack.length === 3) {
        // Y contains the starting point: a half cycle; drop the first point.
        cycles.push({ range: y, mean: (stack[0] + stack[1]) / 2, count: 0.5 });
        stack.shift();
      } else {
        const a = stack[stack.length - 3];
        const b = stack[stack.length - 2];
        cycles.push({ range: y, mean: (a + b) / 2, count: 1 });
        stack.splice(stack.length - 3, 2);
      }
    }
  }
  for (let i = 0; i + 1 < stack.length; i += 1) {
    cycles.push({ range: Math.abs(stack[i + 1] - stack[i]), mean: (stack[i] + stack[i + 1]) / 2, count: 0.5 });
  }
  return cycles;
}

/**
 * Equivalent full cycles of a SoC path normalised by the usable energy: sum of count x
 * range / usable. A 0 -> full -> 0 swing is one equivalent full cycle.
 */
export function equivalentFullCycles(socMwh: ArrayLike<number>, usableEnergyMwh: number): number {
  if (usableEnergyMwh <= 0) {
    return 0;
  }
  let total = 0;
  for (const cycle of rainflowCycles(socMwh)) {
    total += cycle.count * cycle.range;
  }
  return total / usableEnergyMwh;
}
