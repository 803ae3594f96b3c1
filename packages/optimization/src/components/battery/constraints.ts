// Battery constraints (spec/model.md 1, 2 and 7), per asset a:
//   battery.soc_balance          s_{t+1} - s_t - dt etaC c_t + (dt / etaD) d_t = 0      t = 0..N-1
//   battery.soc_initial          s_0 = S0
//   battery.soc_terminal         s_N = ST  (or s_N >= ST with terminal `at_least`; only when ST is set)
//   battery.charge_mode_limit    c_t - P_t m_t <= 0                                     binary intervals only
//   battery.discharge_mode_limit d_t + P_t m_t <= P_t                                   binary intervals only
import type { DispatchAsset } from '../../dispatch/DispatchProblem';
import type { ModelBuilder } from '../../model/ModelBuilder';
import type { BatteryColumns } from './variables';

export function defineSocBalance(
  builder: ModelBuilder,
  asset: DispatchAsset,
  cols: BatteryColumns,
  intervalHours: number,
): void {
  const n = cols.charge.count;
  const rows = builder.addConstraints('battery.soc_balance', cols.assetIndex, n, { lower: 0, upper: 0 });
  const chargeCoef = -intervalHours * asset.chargeEfficiency;
  const dischargeCoef = intervalHours / asset.dischargeEfficiency;
  for (let t = 0; t < n; t++) {
    const row = rows.offset + t;
    builder.addCoefficient(row, cols.soc.offset + t + 1, 1);
    builder.addCoefficient(row, cols.soc.offset + t, -1);
    builder.addCoefficient(row, cols.charge.offset + t, chargeCoef);
    builder.addCoefficient(row, cols.discharge.offset + t, dischargeCoef);
  }
}

export function defineSocInitial(builder: ModelBuilder, asset: DispatchAsset, cols: BatteryColumns): void {
  const row = builder.addConstraints('battery.soc_initial', cols.assetIndex, 1, {
    lower: asset.initialSocMwh,
    upper: asset.initialSocMwh,
  });
  builder.addCoefficient(row.offset, cols.soc.offset, 1);
}

export function defineSocTerminal(
  builder: ModelBuilder,
  asset: DispatchAsset,
  cols: BatteryColumns,
  terminalSoc: 'equal' | 'at_least',
): void {
  if (asset.terminalSocMwh === null) {
    return;
  }
  const last = cols.soc.count - 1;
  const row = builder.addConstraints('battery.soc_terminal', cols.assetIndex, 1, {
    lower: asset.terminalSocMwh,
    upper: terminalSoc === 'equal' ? asset.terminalSocMwh : Infinity,
    firstIndex: last,
  });
  builder.addCoefficient(row.offset, cols.soc.offset + last, 1);
}

export function defineChargeModeLimits(builder: ModelBuilder, asset: DispatchAsset, cols: BatteryColumns): void {
  if (cols.mode === null) {
    return;
  }
  const intervals = cols.modeIntervals;
  const count = intervals.length;
  const powerAt = Float64Array.from(intervals, (t) => asset.powerLimitMw[t]);
  const chargeRows = builder.addConstraints('battery.charge_mode_limit', cols.assetIndex, count, {
    lower: -Infinity,
    upper: 0,
    nameIndices: intervals,
  });
  const dischargeRows = builder.addConstraints('battery.discharge_mode_limit', cols.assetIndex, count, {
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
