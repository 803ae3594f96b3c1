import type { VariableBlock } from '../../model/blocks';
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { DeviationBounds } from './deviationBounds';
import { DeviationMode } from './deviationMode';

/** The site's deviation columns. `direction` exists only where a binary was requested. */
export interface ImbalanceColumns {
  /** `imbalance.long_mw` l_t, 0 <= l_t <= Ml_t. */
  readonly long: VariableBlock;
  /** `imbalance.short_mw` h_t, 0 <= h_t <= Mh_t. */
  readonly short: VariableBlock;
  /** `imbalance.long_mode` z (binary, 1 = long) for the intervals in `directionIntervals`. */
  readonly direction: VariableBlock | null;
  readonly directionIntervals: Int32Array;
}

/** Defines l, h (and z where `modes` says BINARY); LONG_ONLY / SHORT_ONLY fix the other side to 0. */
export function defineImbalanceVariables(
  builder: ModelBuilder,
  bounds: DeviationBounds,
  modes: Uint8Array | undefined,
): ImbalanceColumns {
  const n = bounds.longMw.length;
  const longUpper = bounds.longMw.slice();
  const shortUpper = bounds.shortMw.slice();
  const intervals: number[] = [];
  for (let t = 0; t < n; t++) {
    const mode = modes === undefined ? DeviationMode.FREE : modes[t];
    if (mode === DeviationMode.SHORT_ONLY) {
      longUpper[t] = 0;
    } else if (mode === DeviationMode.LONG_ONLY) {
      shortUpper[t] = 0;
    } else if (mode === DeviationMode.BINARY) {
      intervals.push(t);
    }
  }
  const long = builder.addVariables('imbalance.long_mw', null, n, { lower: 0, upper: longUpper });
  const short = builder.addVariables('imbalance.short_mw', null, n, { lower: 0, upper: shortUpper });
  const directionIntervals = Int32Array.from(intervals);
  const direction =
    intervals.length === 0
      ? null
      : builder.addVariables('imbalance.long_mode', null, intervals.length, {
          lower: 0,
          upper: 1,
          integer: true,
          nameIndices: directionIntervals,
        });
  return { long, short, direction, directionIntervals };
}
