import type { ConstraintFamily, VariableFamily } from '../../model/families';

/**
 * The family names of one copy of the site's batteries. The physical schedule is the
 * `battery.*` copy; the free day-ahead nomination of the imbalance oracle is a second,
 * equally physical `baseline.*` copy built by the same `define*` functions.
 */
export interface StorageFamilies {
  readonly charge: VariableFamily;
  readonly discharge: VariableFamily;
  readonly soc: VariableFamily;
  readonly mode: VariableFamily;
  readonly socBalance: ConstraintFamily;
  readonly socInitial: ConstraintFamily;
  readonly socTerminal: ConstraintFamily;
  readonly chargeModeLimit: ConstraintFamily;
  readonly dischargeModeLimit: ConstraintFamily;
  readonly poiImport: ConstraintFamily;
  readonly poiExport: ConstraintFamily;
}

export const BATTERY_FAMILIES: StorageFamilies = {
  charge: 'battery.charge_mw',
  discharge: 'battery.discharge_mw',
  soc: 'battery.soc_mwh',
  mode: 'battery.charge_mode',
  socBalance: 'battery.soc_balance',
  socInitial: 'battery.soc_initial',
  socTerminal: 'battery.soc_terminal',
  chargeModeLimit: 'battery.charge_mode_limit',
  dischargeModeLimit: 'battery.discharge_mode_limit',
  poiImport: 'site.poi_import_limit',
  poiExport: 'site.poi_export_limit',
};

export const BASELINE_FAMILIES: StorageFamilies = {
  charge: 'baseline.charge_mw',
  discharge: 'baseline.discharge_mw',
  soc: 'baseline.soc_mwh',
  mode: 'baseline.charge_mode',
  socBalance: 'baseline.soc_balance',
  socInitial: 'baseline.soc_initial',
  socTerminal: 'baseline.soc_terminal',
  chargeModeLimit: 'baseline.charge_mode_limit',
  dischargeModeLimit: 'baseline.discharge_mode_limit',
  poiImport: 'baseline.poi_import_limit',
  poiExport: 'baseline.poi_export_limit',
};
