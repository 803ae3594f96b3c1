// Day-ahead energy (spec/model.md, Objective): + dt pDA_t (d_{a,t} - c_{a,t}) for every asset,
// on the physical schedule (da workflows) or on the free baseline copy (imbalance oracle).
import type { ProfitSink } from '../../model/ProfitSink';
import type { BatteryColumns } from '../battery/variables';

export function defineDayAheadRevenue(
  sink: ProfitSink,
  priceEurPerMwh: Float64Array,
  batteries: readonly BatteryColumns[],
  hours: Float64Array,
): void {
  for (const cols of batteries) {
    for (let t = 0; t < cols.charge.count; t++) {
      const value = hours[t] * priceEurPerMwh[t];
      sink.add(cols.charge.offset + t, -value);
      sink.add(cols.discharge.offset + t, value);
    }
  }
}
