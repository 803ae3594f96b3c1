// Degradation (spec/model.md, Degradation): - dt k_a (c_t + d_t) on grid-side throughput
// (activated aFRR energy carries none, as in the reference).
import type { DispatchAsset } from '../../dispatch/DispatchProblem';
import type { ProfitSink } from '../../model/ProfitSink';
import type { BatteryColumns } from './variables';

export function defineDegradationCost(sink: ProfitSink, asset: DispatchAsset, cols: BatteryColumns, intervalHours: number): void {
  const cost = -intervalHours * asset.degradationEurPerMwh;
  if (cost === 0) {
    return;
  }
  for (let t = 0; t < cols.charge.count; t++) {
    sink.add(cols.charge.offset + t, cost);
    sink.add(cols.discharge.offset + t, cost);
  }
}
