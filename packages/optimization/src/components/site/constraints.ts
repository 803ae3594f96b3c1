// Point of interconnection (spec/model.md 4), every interval t, single-asset sites included:
//   site.poi_import_limit   sum_a c_{a,t} <= I
//   site.poi_export_limit   sum_a d_{a,t} <= E
import type { DispatchSite } from '../../dispatch/DispatchProblem';
import type { ConstraintBlock } from '../../model/blocks';
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { BatteryColumns } from '../battery/variables';

export interface PoiRows {
  readonly importLimit: ConstraintBlock;
  readonly exportLimit: ConstraintBlock;
}

export function definePoiLimits(
  builder: ModelBuilder,
  site: DispatchSite,
  batteries: readonly BatteryColumns[],
  intervalCount: number,
): PoiRows {
  const importLimit = builder.addConstraints('site.poi_import_limit', null, intervalCount, {
    lower: -Infinity,
    upper: site.importLimitMw,
  });
  const exportLimit = builder.addConstraints('site.poi_export_limit', null, intervalCount, {
    lower: -Infinity,
    upper: site.exportLimitMw,
  });
  for (const cols of batteries) {
    for (let t = 0; t < intervalCount; t++) {
      builder.addCoefficient(importLimit.offset + t, cols.charge.offset + t, 1);
      builder.addCoefficient(exportLimit.offset + t, cols.discharge.offset + t, 1);
    }
  }
  return { importLimit, exportLimit };
}
