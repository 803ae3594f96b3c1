// Point of interconnection (spec/model.md 4), every interval t, single-asset sites included:
//   site.poi_import_limit   sum_a (c_{a,t} + r_{a,b(t)} + w_{a,b(t)}) <= I
//   site.poi_export_limit   sum_a (d_{a,t} + r_{a,b(t)} + u_{a,b(t)}) <= E
// Reserves count only in workflows that have them. The free baseline copy has its own
// `baseline.poi_*` rows (same limits, no reserves).
import type { DispatchSite } from '../../dispatch/DispatchProblem';
import type { ConstraintBlock } from '../../model/blocks';
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { BatteryColumns } from '../battery/variables';
import type { ReserveColumns } from '../reserve/variables';
import { addReserveTerms } from '../reserve/variables';

export interface PoiRows {
  readonly importLimit: ConstraintBlock;
  readonly exportLimit: ConstraintBlock;
}

export function definePoiLimits(
  builder: ModelBuilder,
  site: DispatchSite,
  batteries: readonly BatteryColumns[],
  reserves: readonly ReserveColumns[] | null,
  intervalCount: number,
): PoiRows {
  const families = batteries[0]?.families;
  const importLimit = builder.addConstraints(families?.poiImport ?? 'site.poi_import_limit', null, intervalCount, {
    lower: -Infinity,
    upper: site.importLimitMw,
  });
  const exportLimit = builder.addConstraints(families?.poiExport ?? 'site.poi_export_limit', null, intervalCount, {
    lower: -Infinity,
    upper: site.exportLimitMw,
  });
  batteries.forEach((cols, a) => {
    const reserve = reserves?.[a] ?? null;
    for (let t = 0; t < intervalCount; t++) {
      builder.addCoefficient(importLimit.offset + t, cols.charge.offset + t, 1);
      builder.addCoefficient(exportLimit.offset + t, cols.discharge.offset + t, 1);
      if (reserve !== null) {
        addReserveTerms(builder, importLimit.offset + t, reserve, t, 'down');
        addReserveTerms(builder, exportLimit.offset + t, reserve, t, 'up');
      }
    }
  });
  return { importLimit, exportLimit };
}
