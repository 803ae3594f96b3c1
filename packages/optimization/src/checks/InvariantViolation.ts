/** Tolerance of every energy check, in MWh. */
export const SOC_TOLERANCE_MWH = 1e-6;
/** Tolerance of every power check, in MW. */
export const POWER_TOLERANCE_MW = 1e-6;
/** Charge and discharge both above this (MW) in one interval is an overlap. */
export const OVERLAP_EPS_MW = 1e-9;

/** What a plan broke. */
export type InvariantCode =
  | 'plan_shape'
  | 'soc_balance'
  | 'soc_bounds'
  | 'soc_initial'
  | 'soc_terminal'
  | 'power_limit'
  | 'poi_import_limit'
  | 'poi_export_limit'
  | 'simultaneous_charge_discharge'
  | 'reserve_headroom_up'
  | 'reserve_headroom_down'
  | 'reserve_energy_floor'
  | 'reserve_energy_ceiling'
  | 'reserve_bounds'
  | 'reserve_block_constancy'
  | 'reserve_lock'
  | 'energy_lock'
  | 'cycle_budget'
  | 'imbalance_balance'
  | 'imbalance_sign'
  | 'scenario_soc_mean';

/** One broken invariant, with where and by how much. */
export interface InvariantViolation {
  readonly code: InvariantCode;
  /**
   * Asset id; null for site-level checks. The free nomination's copy is reported as
   * `<id> (baseline)`, a scenario path as `<id> (scenario <scenario id>)`.
   */
  readonly assetId: string | null;
  /** Interval t (power checks) or instant t (SoC checks); null when not tied to one. */
  readonly interval: number | null;
  /** The value found (MW or MWh; for an overlap, the charge in MW). */
  readonly actual: number;
  /** The bound or expected value it broke (for an overlap, the discharge in MW). */
  readonly limit: number;
  readonly message: string;
}

/** Collects violations. */
export type ViolationSink = (code: InvariantCode, assetId: string | null, interval: number | null, actual: number, limit: number, message: string) => void;
