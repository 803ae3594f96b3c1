// Day-ahead energy (spec/model.md, Objective): + dt pDA_t (d_{a,t} - c_{a,t}) for every asset.
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { BatteryColumns } from '../battery/variables';

export function defineDayAheadRevenue(
  builder: ModelBuilder,
  priceEurPerMwh: Float64Array,
  batteries: readonly BatteryColumns[],
  intervalHours: number,
): void {
  for (const cols of batteries) {
    for (let t = 0; t < cols.charge.count; t++) {
      const value = intervalHours * priceEurPerMwh[t];
      builder.addCost(cols.charge.offset + t, -value);
      builder.addCost(cols.discharge.offset + t, value);
    }
  }
}
