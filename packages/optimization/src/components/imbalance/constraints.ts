// Imbalance constraints (spec/model.md, imbalance workflows), site level:
//   imbalance.deviation_balance  sum_a (d_{a,t} - c_{a,t}) - sum_a (bd_{a,t} - bc_{a,t}) - l_t + h_t = 0   free baseline
//                                sum_a (d_{a,t} - c_{a,t}) - l_t + h_t = b_t                          fixed baseline
//   imbalance.long_mode_limit    l_t - Ml_t z_t <= 0            binary intervals only (pSHO_t < pSUR_t)
//   imbalance.short_mode_limit   h_t + Mh_t z_t <= Mh_t
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { BatteryColumns } from '../battery/variables';
import type { DeviationBounds } from './deviationBounds';
import type { ImbalanceColumns } from './variables';

export function defineDeviationBalance(
  builder: ModelBuilder,
  imbalance: ImbalanceColumns,
  batteries: readonly BatteryColumns[],
  baseline: Float64Array | readonly BatteryColumns[],
): void {
  const n = imbalance.long.count;
  const fixed = baseline instanceof Float64Array ? baseline : null;
  const rows = builder.addConstraints('imbalance.deviation_balance', null, n, { lower: fixed ?? 0, upper: fixed ?? 0 });
  for (let t = 0; t < n; t++) {
    const row = rows.offset + t;
    for (const cols of batteries) {
      builder.addCoefficient(row, cols.discharge.offset + t, 1);
      builder.addCoefficient(row, cols.charge.offset + t, -1);
    }
    if (fixed === null) {
      for (const cols of baseline as readonly BatteryColumns[]) {
        builder.addCoefficient(row, cols.discharge.offset + t, -1);
        builder.addCoefficient(row, cols.charge.offset + t, 1);
      }
    }
    builder.addCoefficient(row, imbalance.long.offset + t, -1);
    builder.addCoefficient(row, imbalance.short.offset + t, 1);
  }
}

export function defineDeviationModeLimits(builder: ModelBuilder, imbalance: ImbalanceColumns, bounds: DeviationBounds): void {
  if (imbalance.direction === null) {
    return;
  }
  const intervals = imbalance.directionIntervals;
  const count = intervals.length;
  const shortAt = Float64Array.from(intervals, (t) => bounds.shortMw[t]);
  const longRows = builder.addConstraints('imbalance.long_mode_limit', null, count, { lower: -Infinity, upper: 0, nameIndices: intervals });
  const shortRows = builder.addConstraints('imbalance.short_mode_limit', null, count, {
    lower: -Infinity,
    upper: shortAt,
    nameIndices: intervals,
  });
  for (let i = 0; i < count; i++) {
    const t = intervals[i];
    const z = imbalance.direction.offset + i;
    builder.addCoefficient(longRows.offset + i, imbalance.long.offset + t, 1);
    builder.addCoefficient(longRows.offset + i, z, -bounds.longMw[t]);
    builder.addCoefficient(shortRows.offset + i, imbalance.short.offset + t, 1);
    builder.addCoefficient(shortRows.offset + i, z, shortAt[i]);
  }
}
