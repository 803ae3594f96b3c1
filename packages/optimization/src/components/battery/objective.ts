// Degradation (spec/model.md, Degradation): - dt k_a (c_t + d_t) on grid-side throughput.
import type { DispatchAsset } from '../../dispatch/DispatchProblem';
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { BatteryColumns } from './variables';

export function defineDegradationCost(
  builder: ModelBuilder,
  asset: DispatchAsset,
  cols: BatteryColumns,
  intervalHours: number,
): void {
  const cost = -intervalHours * asset.degradationEurPerMwh;
  for (let t = 0; t < cols.charge.count; t++) {
    builder.addCost(cols.charge.offset + t, cost);
    builder.addCost(cols.discharge.offset + t, cost);
  }
}
