/**
 * How the long and short parts of one interval's deviation may coexist:
 * - FREE: both columns up to their bounds (exact where pSHO >= pSUR: concave revenue);
 * - BINARY: a binary `imbalance.long_mode` z decides (l <= Ml z, h <= Mh (1 - z));
 * - LONG_ONLY / SHORT_ONLY: the other side is fixed to 0 (a direction chosen by a MILP).
 */
export const DeviationMode = {
  FREE: 0,
  BINARY: 1,
  LONG_ONLY: 2,
  SHORT_ONLY: 3,
} as const;

export type DeviationMode = (typeof DeviationMode)[keyof typeof DeviationMode];
