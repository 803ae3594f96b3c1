import type { DispatchAsset } from '../../dispatch/DispatchProblem';
import type { SocCopy } from '../../dispatch/resolveProblem';
import type { VariableBlock } from '../../model/blocks';
import type { ModelBuilder } from '../../model/ModelBuilder';
import { IntervalMode } from './intervalMode';
import type { StorageFamilies } from './storageFamilies';

/** The columns of one battery (in one copy). `mode` exists only where a binary was requested. */
export interface BatteryColumns {
  readonly assetIndex: number;
  readonly families: StorageFamilies;
  /** `battery.charge_mw` c_t, t = 0..N-1, 0 <= c_t <= P_t. */
  readonly charge: VariableBlock;
  /** `battery.discharge_mw` d_t, t = 0..N-1, 0 <= d_t <= P_t. */
  readonly discharge: VariableBlock;
  /** `battery.soc_mwh` s_t at instants t = 0..N, Smin <= s_t <= Smax: one block per SoC copy. */
  readonly socs: readonly VariableBlock[];
  /** `battery.charge_mode` m (binary) for the intervals listed in `modeIntervals`. */
  readonly mode: VariableBlock | null;
  readonly modeIntervals: Int32Array;
}

/** Options of {@link defineBatteryVariables}. */
export interface BatteryVariableOptions {
  /** An `IntervalMode` per interval; FREE everywhere when absent. */
  readonly modes?: Uint8Array;
  /** Fixed charge / discharge in MW per interval, NaN = free (revision locks). */
  readonly lockedChargeMw?: Float64Array;
  readonly lockedDischargeMw?: Float64Array;
  /** The SoC copies (one shared copy without scenarios). */
  readonly socCopies: readonly SocCopy[];
}

/**
 * Defines c, d and s of one battery. The per-interval power limit P_a alpha_{a,t} is a
 * column bound (with reserves, the headroom rows add r, u, w to it). A mode of CHARGE_ONLY /
 * DISCHARGE_ONLY fixes the other direction's bound to 0. A locked value fixes its column
 * (lower = upper), and a locked positive flow fixes the other direction to 0: a plan never
 * charges and discharges at once, so that is the only consistent value, and no binary is
 * needed there.
 */
export function defineBatteryVariables(
  builder: ModelBuilder,
  families: StorageFamilies,
  asset: DispatchAsset,
  assetIndex: number,
  intervalCount: number,
  options: BatteryVariableOptions,
): BatteryColumns {
  const { modes, lockedChargeMw, lockedDischargeMw } = options;
  const chargeLower = new Float64Array(intervalCount);
  const chargeUpper = new Float64Array(intervalCount);
  const dischargeLower = new Float64Array(intervalCount);
  const dischargeUpper = new Float64Array(intervalCount);
  for (let t = 0; t < intervalCount; t++) {
    const mode = modes === undefined ? IntervalMode.FREE : modes[t];
    chargeUpper[t] = mode === IntervalMode.DISCHARGE_ONLY ? 0 : asset.powerLimitMw[t];
    dischargeUpper[t] = mode === IntervalMode.CHARGE_ONLY ? 0 : asset.powerLimitMw[t];
    const lockC = lockedChargeMw === undefined ? Number.NaN : lockedChargeMw[t];
    const lockD = lockedDischargeMw === undefined ? Number.NaN : lockedDischargeMw[t];
    if (!Number.isNaN(lockC)) {
      chargeLower[t] = lockC;
      chargeUpper[t] = lockC;
    } else if (lockD > 0) {
      chargeUpper[t] = 0;
    }
    if (!Number.isNaN(lockD)) {
      dischargeLower[t] = lockD;
      dischargeUpper[t] = lockD;
    } else if (lockC > 0) {
      dischargeUpper[t] = 0;
    }
  }
  const charge = builder.addVariables(families.charge, assetIndex, intervalCount, { lower: chargeLower, upper: chargeUpper });
  const discharge = builder.addVariables(families.discharge, assetIndex, intervalCount, {
    lower: dischargeLower,
    upper: dischargeUpper,
  });
  const socs = options.socCopies.map((copy) =>
    builder.addVariables(families.soc, assetIndex, intervalCount + 1, {
      lower: asset.socMinMwh,
      upper: asset.socMaxMwh,
      scenarioIndex: copy.scenarioIndex,
    }),
  );
  const modeIntervals = binaryIntervals(modes, intervalCount);
  const mode =
    modeIntervals.length === 0
      ? null
      : builder.addVariables(families.mode, assetIndex, modeIntervals.length, {
          lower: 0,
          upper: 1,
          integer: true,
          nameIndices: modeIntervals,
        });
  return { assetIndex, families, charge, discharge, socs, mode, modeIntervals };
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
