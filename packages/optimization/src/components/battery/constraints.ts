// Battery constraints (spec/model.md 1, 2, 7 and the cycle limit), per asset a and SoC copy:
//   battery.soc_balance          s_{t+1} - s_t - dt etaC c_t + (dt / etaD) d_t
//                                  + (dt rhoU_t / etaD) u_{b(t)} - dt etaC rhoD_t w_{b(t)} = 0   t = 0..N-1
//   battery.soc_initial          s_0 = S0
//   battery.soc_terminal         s_N = ST  (or s_N >= ST with terminal `at_least`; only when ST is set)
//   battery.charge_mode_limit    c_t - P_t m_t <= 0                                     binary intervals only
//   battery.discharge_mode_limit d_t + P_t m_t <= P_t                                   binary intervals only
//   battery.cycle_budget         sum_t (dt / etaD) d_t <= budget                         finite budgets only
// The `baseline.*` copy uses the same functions with its own family names.
import type { DispatchAsset } from '../../dispatch/DispatchProblem';
import type { SocCopy } from '../../dispatch/resolveProblem';
import type { VariableBlock } from '../../model/blocks';
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { BatteryColumns } from './variables';

/** aFRR columns whose expected activation moves the SoC, and their block of each interval. */
export interface ActivationColumns {
  readonly up: VariableBlock;
  readonly down: VariableBlock;
  readonly blockOfInterval: Int32Array;
}

export function defineSocBalance(
  builder: ModelBuilder,
  asset: DispatchAsset,
  cols: BatteryColumns,
  copies: readonly SocCopy[],
  hours: Float64Array,
  activation: ActivationColumns | null,
): void {
  const n = cols.charge.count;
  copies.forEach((copy, i) => {
    const soc = cols.socs[i];
    const rows = builder.addConstraints(cols.families.socBalance, cols.assetIndex, n, {
      lower: 0,
      upper: 0,
      scenarioIndex: copy.scenarioIndex,
    });
    for (let t = 0; t < n; t++) {
      const row = rows.offset + t;
      builder.addCoefficient(row, soc.offset + t + 1, 1);
      builder.addCoefficient(row, soc.offset + t, -1);
      builder.addCoefficient(row, cols.charge.offset + t, -hours[t] * asset.chargeEfficiency);
      builder.addCoefficient(row, cols.discharge.offset + t, hours[t] / asset.dischargeEfficiency);
      if (activation !== null && copy.upRatio !== null && copy.downRatio !== null) {
        const block = activation.blockOfInterval[t];
        builder.addCoefficient(row, activation.up.offset + block, (hours[t] * copy.upRatio[t]) / asset.dischargeEfficiency);
        builder.addCoefficient(row, activation.down.offset + block, -hours[t] * asset.chargeEfficiency * copy.downRatio[t]);
      }
    }
  });
}

export function defineSocInitial(builder: ModelBuilder, asset: DispatchAsset, cols: BatteryColumns, copies: readonly SocCopy[]): void {
  copies.forEach((copy, i) => {
    const row = builder.addConstraints(cols.families.socInitial, cols.assetIndex, 1, {
      lower: asset.initialSocMwh,
      upper: asset.initialSocMwh,
      scenarioIndex: copy.scenarioIndex,
    });
    builder.addCoefficient(row.offset, cols.socs[i].offset, 1);
  });
}

/** The terminal rule at instant N, and at each day start of a horizon of several days (`dayStarts`). */
export function defineSocTerminal(
  builder: ModelBuilder,
  asset: DispatchAsset,
  cols: BatteryColumns,
  copies: readonly SocCopy[],
  terminalSoc: 'equal' | 'at_least',
  dayStarts: Int32Array | undefined,
): void {
  if (asset.terminalSocMwh === null) {
    return;
  }
  const target = asset.terminalSocMwh;
  copies.forEach((copy, i) => {
    const instants = Int32Array.from([...(dayStarts ?? []), cols.socs[i].count - 1]);
    const rows = builder.addConstraints(cols.families.socTerminal, cols.assetIndex, instants.length, {
      lower: target,
      upper: terminalSoc === 'equal' ? target : Infinity,
      nameIndices: instants,
      scenarioIndex: copy.scenarioIndex,
    });
    instants.forEach((instant, j) => builder.addCoefficient(rows.offset + j, cols.socs[i].offset + instant, 1));
  });
}

export function defineChargeModeLimits(builder: ModelBuilder, asset: DispatchAsset, cols: BatteryColumns): void {
  if (cols.mode === null) {
    return;
  }
  const intervals = cols.modeIntervals;
  const count = intervals.length;
  const powerAt = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    powerAt[i] = asset.powerLimitMw[intervals[i]];
  }
  const chargeRows = builder.addConstraints(cols.families.chargeModeLimit, cols.assetIndex, count, {
    lower: -Infinity,
    upper: 0,
    nameIndices: intervals,
  });
  const dischargeRows = builder.addConstraints(cols.families.dischargeModeLimit, cols.assetIndex, count, {
    lower: -Infinity,
    upper: powerAt,
    nameIndices: intervals,
  });
  for (let i = 0; i < count; i++) {
    const t = intervals[i];
    const m = cols.mode.offset + i;
    builder.addCoefficient(chargeRows.offset + i, cols.charge.offset + t, 1);
    builder.addCoefficient(chargeRows.offset + i, m, -powerAt[i]);
    builder.addCoefficient(dischargeRows.offset + i, cols.discharge.offset + t, 1);
    builder.addCoefficient(dischargeRows.offset + i, m, powerAt[i]);
  }
}

/**
 * `degradation.max_cycles_per_day`: stored energy discharged over the horizon, or over each
 * day of it (`dayStarts`), <= budget (no row for Infinity).
 */
export function defineCycleBudget(
  builder: ModelBuilder,
  asset: DispatchAsset,
  cols: BatteryColumns,
  hours: Float64Array,
  budgetMwh: number,
  dayStarts: Int32Array | undefined,
): void {
  if (budgetMwh === Infinity) {
    return;
  }
  const starts = Int32Array.from([0, ...(dayStarts ?? [])]);
  const rows = builder.addConstraints('battery.cycle_budget', cols.assetIndex, starts.length, { lower: -Infinity, upper: budgetMwh, nameIndices: starts });
  starts.forEach((start, day) => {
    const end = day + 1 < starts.length ? starts[day + 1] : cols.discharge.count;
    for (let t = start; t < end; t++) {
      builder.addCoefficient(rows.offset + day, cols.discharge.offset + t, hours[t] / asset.dischargeEfficiency);
    }
  });
}
