/**
 * Every variable and constraint family the model builder can create. Names read like the
 * maths (`component.quantity_unit`, `component.relation`) and each one has a row in
 * docs/optimization/ (a test checks it). Reserves, imbalance and locks add theirs here.
 */
export const VARIABLE_FAMILIES = [
  'battery.charge_mw',
  'battery.discharge_mw',
  'battery.soc_mwh',
  'battery.charge_mode',
] as const;

export const CONSTRAINT_FAMILIES = [
  'battery.soc_balance',
  'battery.soc_initial',
  'battery.soc_terminal',
  'battery.charge_mode_limit',
  'battery.discharge_mode_limit',
  'site.poi_import_limit',
  'site.poi_export_limit',
] as const;

/** Name of an indexed family of columns, e.g. `battery.soc_mwh`. */
export type VariableFamily = (typeof VARIABLE_FAMILIES)[number];

/** Name of an indexed family of rows, e.g. `site.poi_export_limit`. */
export type ConstraintFamily = (typeof CONSTRAINT_FAMILIES)[number];
