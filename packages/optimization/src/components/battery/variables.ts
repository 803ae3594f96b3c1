import type { DispatchAsset } from '../../dispatch/DispatchProblem';
import type { VariableBlock } from '../../model/blocks';
import type { ModelBuilder } from '../../model/ModelBuilder';
import { IntervalMode } from './intervalMode';

/** The columns of one battery. `mode` exists only where a binary was requested. */
export interface BatteryColumns {
  readonly assetIndex: number;
  /** `battery.charge_mw` c_t, t = 0..N-1, 0 <= c_t <= P_t. */
  readonly charge: VariableBlock;
  /** `battery.discharge_mw` d_t, t = 0..N-1, 0 <= d_t <= P_t. */
  readonly discharge: VariableBlock;
  /** `battery.soc_mwh` s_t at instants t = 0..N, Smin <= s_t <= Smax. */
  readonly soc: VariableBlock;
  /** `battery.charge_mode` m (binary) for the intervals listed in `modeIntervals`. */
  readonly mode: VariableBlock | null;
  readonly modeIntervals: Int32Array;
}

/**
 * Defines c, d and s of one battery. The per-interval power limit P_a alpha_{a,t} is a column
 * bound (constraint 3 of model.md; reserves will turn it into headroom rows). A mode of
 * CHARGE_ONLY / DISCHARGE_ONLY fixes the other direction's bound to 0.
 */
export function defineBatteryVariables(
  builder: ModelBuilder,
  asset: DispatchAsset,
  assetIndex: number,
  intervalCount: number,
  modes: Uint8Array | undefined,
): BatteryColumns {
  const chargeUpper = new Float64Array(intervalCount);
  const dischargeUpper = new Float64Array(intervalCount);
  for (let t = 0; t < intervalCount; t++) {
    const mode = modes === undefined ? IntervalMode.FREE : modes[t];
    chargeUpper[t] = mode === IntervalMode.DISCHARGE_ONLY ? 0 : asset.powerLimitMw[t];
    dischargeUpper[t] = mode === IntervalMode.CHARGE_ONLY ? 0 : asset.powerLimitMw[t];
  }
  const charge = builder.addVariables('battery.charge_mw', assetIndex, intervalCount, { lower: 0, upper: chargeUpper });
  const discharge = builder.addVariables('battery.discharge_mw', assetIndex, intervalCount, {
    lower: 0,
    upper: dischargeUpper,
  });
  const soc = builder.addVariables('battery.soc_mwh', assetIndex, intervalCount + 1, {
    lower: asset.socMinMwh,
    upper: asset.socMaxMwh,
  });
  const modeIntervals = binaryIntervals(modes, intervalCount);
  const mode =
    modeIntervals.length === 0
      ? null
      : builder.addVariables('battery.charge_mode', assetIndex, modeIntervals.length, {
          lower: 0,
          upper: 1,
          integer: true,
          nameIndices: modeIntervals,
        });
  return { assetIndex, charge, discharge, soc, mode, modeIntervals };
}

function binaryIntervals(modes: Uint8Array | undefined, intervalCount: number): Int32Array {
  if (modes === undefined) {
    return new Int32Array(0);
  }
  const intervals: number[] = [];
  for (let t = 0; t < intervalCount; t++) {
    if (modes[t] === IntervalMode.BINARY) {
      intervals.push(t);
    }
  }
  return Int32Array.from(intervals);
}
