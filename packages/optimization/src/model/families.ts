/**
 * Every variable and constraint family the model builder can create. Names read like the
 * maths (`component.quantity_unit`, `component.relation`) and each one has a row in
 * docs/optimization/ (a test checks it).
 */
export const VARIABLE_FAMILIES = [
  'battery.charge_mw',
  'battery.discharge_mw',
  'battery.soc_mwh',
  'battery.charge_mode',
  'reserve.fcr_mw',
  'reserve.afrr_up_mw',
  'reserve.afrr_down_mw',
  'baseline.charge_mw',
  'baseline.discharge_mw',
  'baseline.soc_mwh',
  'baseline.charge_mode',
  'imbalance.long_mw',
  'imbalance.short_mw',
  'imbalance.long_mode',
  'risk.scenario_profit_eur',
  'risk.shortfall_eur',
  'risk.value_at_risk_eur',
  'risk.tail_excess_eur',
] as const;

export const CONSTRAINT_FAMILIES = [
  'battery.soc_balance',
  'battery.soc_initial',
  'battery.soc_terminal',
  'battery.charge_mode_limit',
  'battery.discharge_mode_limit',
  'battery.cycle_budget',
  'reserve.headroom_up',
  'reserve.headroom_down',
  'reserve.energy_floor',
  'reserve.energy_ceiling',
  'reserve.energy_floor_end',
  'reserve.energy_ceiling_end',
  'reserve.fcr_energy_floor',
  'reserve.fcr_energy_ceiling',
  'reserve.afrr_energy_floor',
  'reserve.afrr_energy_ceiling',
  'site.poi_import_limit',
  'site.poi_export_limit',
  'baseline.soc_balance',
  'baseline.soc_initial',
  'baseline.soc_terminal',
  'baseline.charge_mode_limit',
  'baseline.discharge_mode_limit',
  'baseline.poi_import_limit',
  'baseline.poi_export_limit',
  'imbalance.deviation_balance',
  'imbalance.long_mode_limit',
  'imbalance.short_mode_limit',
  'risk.scenario_profit',
  'risk.shortfall',
  'risk.tail_excess',
] as const;

/** Name of an indexed family of columns, e.g. `battery.soc_mwh`. */
export type VariableFamily = (typeof VARIABLE_FAMILIES)[number];

/** Name of an indexed family of rows, e.g. `site.poi_export_limit`. */
export type ConstraintFamily = (typeof CONSTRAINT_FAMILIES)[number];
