// Degradation (spec/model.md, Degradation): - dt k_a (c_t + d_t) on grid-side throughput
// (activated aFRR energy carries none, as in the reference).
import type { DispatchAsset } from '../../dispatch/DispatchProblem';
import type { ProfitSink } from '../../model/ProfitSink';
import type { BatteryColumns } from './variables';

export function defineDegradationCost(sink: ProfitSink, asset: DispatchAsset, cols: BatteryColumns, hours: Float64Array): void {
  if (asset.degradationEurPerMwh === 0) {
    return;
  }
  for (let t = 0; t < cols.charge.count; t++) {
    const cost = -hours[t] * asset.degradationEurPerMwh;
    sink.add(cols.charge.offset + t, cost);
    sink.add(cols.discharge.offset + t, cost);
  }
}
