// Reserve constraints (spec/model.md 3 and 5), per asset a (and SoC copy for the energy rows):
//   reserve.headroom_up          d_t + r_{b(t)} + u_{b(t)} <= P_t                         every t
//   reserve.headroom_down        c_t + r_{b(t)} + w_{b(t)} <= P_t                         every t
// additive (strict), all products deliverable together at both ends of every interval:
//   reserve.energy_floor         s_t - (Dfcr r_{b(t)} + Dafrr u_{b(t)}) / etaD >= Smin     t = 0..N-1
//   reserve.energy_ceiling       s_t + (Dfcr r_{b(t)} + Dafrr w_{b(t)}) etaC <= Smax      t = 0..N-1
//   reserve.energy_floor_end     the same on s_{t+1} with the blocks of interval t        last interval of a block
//   reserve.energy_ceiling_end                                                            (elsewhere s_{t+1} with
//                                                                                          b(t) = b(t+1) is the next start row)
// independent (reference_v1), each product on s_t only:
//   reserve.fcr_energy_floor     s_t - Dfcr r / etaD >= Smin,   reserve.fcr_energy_ceiling   s_t + Dfcr r etaC <= Smax
//   reserve.afrr_energy_floor    s_t - Dafrr u / etaD >= Smin,  reserve.afrr_energy_ceiling  s_t + Dafrr w etaC <= Smax
import type { AfrrInput, DispatchAsset, FcrInput, ReserveEnergyRule } from '../../dispatch/DispatchProblem';
import type { SocCopy } from '../../dispatch/resolveProblem';
import type { ConstraintFamily } from '../../model/families';
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { BatteryColumns } from '../battery/variables';
import type { ReserveBlockColumns, ReserveColumns } from './variables';
import { addReserveTerms } from './variables';

export function defineHeadroomLimits(builder: ModelBuilder, asset: DispatchAsset, battery: BatteryColumns, reserve: ReserveColumns): void {
  const n = battery.charge.count;
  const upRows = builder.addConstraints('reserve.headroom_up', battery.assetIndex, n, { lower: -Infinity, upper: asset.powerLimitMw });
  const downRows = builder.addConstraints('reserve.headroom_down', battery.assetIndex, n, { lower: -Infinity, upper: asset.powerLimitMw });
  for (let t = 0; t < n; t++) {
    builder.addCoefficient(upRows.offset + t, battery.discharge.offset + t, 1);
    addReserveTerms(builder, upRows.offset + t, reserve, t, 'up');
    builder.addCoefficient(downRows.offset + t, battery.charge.offset + t, 1);
    addReserveTerms(builder, downRows.offset + t, reserve, t, 'down');
  }
}

/** One reserve term of an energy row: the column of interval t's block times MWh per MW. */
interface EnergyTerm {
  readonly columns: ReserveBlockColumns;
  /** MWh per MW of reserve: D / etaD on the floor, D etaC on the ceiling. */
  readonly mwhPerMw: number;
}

export function defineReserveEnergy(
  builder: ModelBuilder,
  asset: DispatchAsset,
  battery: BatteryColumns,
  reserve: ReserveColumns,
  copies: readonly SocCopy[],
  rule: ReserveEnergyRule,
  fcr: FcrInput | undefined,
  afrr: AfrrInput | undefined,
  skipFirstInstant = false,
): void {
  const from = skipFirstInstant ? 1 : 0;
  const etaC = asset.chargeEfficiency;
  const etaD = asset.dischargeEfficiency;
  const fcrHours = fcr?.sustainHours ?? 0;
  const afrrHours = afrr?.sustainHours ?? 0;
  const term = (columns: ReserveBlockColumns | null, mwhPerMw: number): EnergyTerm[] =>
    columns === null || mwhPerMw === 0 ? [] : [{ columns, mwhPerMw }];
  const fcrFloor = term(reserve.fcr, fcrHours / etaD);
  const fcrCeiling = term(reserve.fcr, fcrHours * etaC);
  const upFloor = term(reserve.up, afrrHours / etaD);
  const downCeiling = term(reserve.down, afrrHours * etaC);
  const n = battery.charge.count;
  copies.forEach((copy, i) => {
    const rows = new EnergyRows(builder, asset, battery, i, copy.scenarioIndex);
    if (rule === 'additive') {
      const floor = [...fcrFloor, ...upFloor];
      const ceiling = [...fcrCeiling, ...downCeiling];
      rows.add('reserve.energy_floor', 'floor', floor, startRows(n, from));
      rows.add('reserve.energy_ceiling', 'ceiling', ceiling, startRows(n, from));
      const ends = endRows(n, [reserve.fcr, reserve.up, reserve.down]);
      rows.add('reserve.energy_floor_end', 'floor', floor, ends);
      rows.add('reserve.energy_ceiling_end', 'ceiling', ceiling, ends);
    } else {
      rows.add('reserve.fcr_energy_floor', 'floor', fcrFloor, startRows(n, from));
      rows.add('reserve.fcr_energy_ceiling', 'ceiling', fcrCeiling, startRows(n, from));
      rows.add('reserve.afrr_energy_floor', 'floor', upFloor, startRows(n, from));
      rows.add('reserve.afrr_energy_ceiling', 'ceiling', downCeiling, startRows(n, from));
    }
  });
}

/** Row i checks instant `instants[i]` with the reserves of interval `intervals[i]`. */
interface RowSet {
  readonly intervals: Int32Array;
  readonly instants: Int32Array;
}

function startRows(n: number, from: number): RowSet {
  const intervals = new Int32Array(Math.max(0, n - from));
  for (let i = 0; i < intervals.length; i++) {
    intervals[i] = i + from;
  }
  return { intervals, instants: intervals };
}

/** The ends of intervals whose next interval starts another block of some product (and the horizon's end). */
function endRows(n: number, products: readonly (ReserveBlockColumns | null)[]): RowSet {
  const ends = new Int32Array(n);
  let count = 0;
  for (let t = 0; t < n; t++) {
    let blockEnds = t === n - 1;
    for (let p = 0; p < products.length && !blockEnds; p++) {
      const product = products[p];
      blockEnds = product !== null && product.blockOfInterval[t] !== product.blockOfInterval[t + 1];
    }
    if (blockEnds) {
      ends[count++] = t;
    }
  }
  const intervals = ends.slice(0, count);
  const instants = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    instants[i] = intervals[i] + 1;
  }
  return { intervals, instants };
}

class EnergyRows {
  constructor(
    private readonly builder: ModelBuilder,
    private readonly asset: DispatchAsset,
    private readonly battery: BatteryColumns,
    private readonly copy: number,
    private readonly scenarioIndex: number | null,
  ) {}

  add(family: ConstraintFamily, side: 'floor' | 'ceiling', terms: readonly EnergyTerm[], set: RowSet): void {
    if (terms.length === 0) {
      return;
    }
    const count = set.intervals.length;
    const rows = this.builder.addConstraints(family, this.battery.assetIndex, count, {
      lower: side === 'floor' ? this.asset.socMinMwh : -Infinity,
      upper: side === 'floor' ? Infinity : this.asset.socMaxMwh,
      nameIndices: set.instants,
      scenarioIndex: this.scenarioIndex,
    });
    const sign = side === 'floor' ? -1 : 1;
    const soc = this.battery.socs[this.copy];
    for (let i = 0; i < count; i++) {
      const t = set.intervals[i];
      this.builder.addCoefficient(rows.offset + i, soc.offset + set.instants[i], 1);
      for (const term of terms) {
        this.builder.addCoefficient(rows.offset + i, term.columns.block.offset + term.columns.blockOfInterval[t], sign * term.mwhPerMw);
      }
    }
  }
}
