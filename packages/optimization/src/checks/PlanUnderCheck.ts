import type { DispatchAssetPlan, ImbalancePlan, ReservePlan } from '../dispatch/DispatchResult';

/** The parts of a plan the checks read (a `DispatchResult` or an executed plan). */
export interface PlanUnderCheck {
  readonly assets: readonly DispatchAssetPlan[];
  /** Required when the problem has reserves. */
  readonly reserves?: readonly ReservePlan[];
  /** Required when the problem has imbalance. */
  readonly imbalance?: ImbalancePlan;
  /** When present, every scenario path is checked, and `assets[].socMwh` must be their weighted mean. */
  readonly scenarioSocMwh?: readonly (readonly Float64Array[])[];
}
