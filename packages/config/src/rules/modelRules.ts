import { MODEL_SWITCH_NAMES } from '../schema/model';
import { PROFILE_BLOCK_MINUTES, PROFILE_DEFAULTS } from '../vocabulary';
import { defineRule } from './defineRule';

/**
 * `reference_v1` exists to reproduce euroflex_bess_lab 1.x; a switch or block length set
 * against it is allowed, but the run then no longer reproduces the reference.
 */
export const referenceProfileOverrides = defineRule(
  'profile_overrides',
  ['model', 'fcr', 'afrr'],
  (config, report) => {
    const { model } = config;
    if (model.profile !== 'reference_v1') {
      return;
    }
    const defaults = PROFILE_DEFAULTS.reference_v1;
    for (const name of MODEL_SWITCH_NAMES) {
      const value = model[name];
      if (value !== undefined && value !== defaults[name]) {
        report.warn(
          `model.${name}`,
          'profile_override',
          `model.${name}=${value} overrides the reference_v1 default (${defaults[name]}): results no longer reproduce euroflex_bess_lab 1.x`,
        );
      }
    }
    for (const product of ['fcr', 'afrr'] as const) {
      const minutes = config[product]?.block_minutes ?? null;
      if (minutes !== null && minutes !== PROFILE_BLOCK_MINUTES.reference_v1) {
        report.warn(
          `${product}.block_minutes`,
          'profile_override',
          `${product}.block_minutes=${minutes} overrides the reference_v1 default (${PROFILE_BLOCK_MINUTES.reference_v1}): results no longer reproduce euroflex_bess_lab 1.x`,
        );
      }
    }
  },
);

/** `terminal_soc: at_least` only means something when an asset has a terminal target. */
export const terminalTargetExists = defineRule('terminal_soc', ['model', 'assets'], ({ model, assets }, report) => {
  const mode = model.terminal_soc ?? PROFILE_DEFAULTS[model.profile].terminal_soc;
  if (mode === 'at_least' && assets.every((asset) => asset.battery.terminal_soc_mwh === null)) {
    report.warn(
      'model.terminal_soc',
      'no_effect',
      'model.terminal_soc=at_least has no effect: no asset sets battery.terminal_soc_mwh',
    );
  }
});

/** Post-hoc rainflow settlement needs a cost per cycle, otherwise it books nothing. */
export const rainflowHasCost = defineRule('rainflow_cost', ['model', 'degradation'], (config, report) => {
  const { model, degradation } = config;
  const settlement = model.rainflow_settlement ?? PROFILE_DEFAULTS[model.profile].rainflow_settlement;
  const costless = degradation.eur_per_equivalent_cycle === null;
  if (degradation.mode === 'rainflow_offline' && settlement === 'posthoc' && costless) {
    report.warn(
      'degradation.eur_per_equivalent_cycle',
      'no_effect',
      'rainflow_offline degradation books no cost: set degradation.eur_per_equivalent_cycle (EUR per equivalent full cycle)',
    );
  }
});
