/**
 * How charge and discharge of one asset may coexist in one interval:
 * - FREE: both columns up to P (the LP; the exchange argument makes this safe where no burn pays);
 * - BINARY: a binary `battery.charge_mode` m decides (c <= P m, d <= P (1 - m));
 * - CHARGE_ONLY / DISCHARGE_ONLY: the other column is fixed to 0 (a mode chosen by a MILP).
 */
export const IntervalMode = {
  FREE: 0,
  BINARY: 1,
  CHARGE_ONLY: 2,
  DISCHARGE_ONLY: 3,
} as const;

export type IntervalMode = (typeof IntervalMode)[keyof typeof IntervalMode];
