import type { EuroflexConfig } from './schema/configShape';
import type { SolverConfig } from './schema/solver';
import { PROFILE_BLOCK_MINUTES, PROFILE_DEFAULTS, type ModelProfile, type ModelSwitches } from './vocabulary';

/** The effective model settings of a config: profile defaults with the user's overrides. */
export interface ResolvedModel {
  readonly profile: ModelProfile;
  readonly switches: ModelSwitches;
  /** FCR product block in minutes (`fcr.block_minutes`, else the profile default). */
  readonly fcr_block_minutes: number;
  /** aFRR product block in minutes (`afrr.block_minutes`, else the profile default). */
  readonly afrr_block_minutes: number;
  /** HiGHS limits: `time_limit_seconds` (default 60) and `mip_rel_gap` (default 1e-6). */
  readonly solver: SolverConfig;
}

/** Resolve `model`, the reserve block lengths and `solver` of a validated config. */
export function resolveModel(config: Pick<EuroflexConfig, 'model' | 'fcr' | 'afrr' | 'solver'>): ResolvedModel {
  const { profile } = config.model;
  const defaults = PROFILE_DEFAULTS[profile];
  const { model } = config;
  const switches: ModelSwitches = {
    reserve_energy: model.reserve_energy ?? defaults.reserve_energy,
    soc_carry: model.soc_carry ?? defaults.soc_carry,
    afrr_down_activation: model.afrr_down_activation ?? defaults.afrr_down_activation,
    terminal_soc: model.terminal_soc ?? defaults.terminal_soc,
    imbalance_prices: model.imbalance_prices ?? defaults.imbalance_prices,
    rainflow_settlement: model.rainflow_settlement ?? defaults.rainflow_settlement,
    gates: model.gates ?? defaults.gates,
    activation_replay: model.activation_replay ?? defaults.activation_replay,
    imbalance_nomination: model.imbalance_nomination ?? defaults.imbalance_nomination,
  };
  return {
    profile,
    switches,
    fcr_block_minutes: config.fcr?.block_minutes ?? PROFILE_BLOCK_MINUTES[profile],
    afrr_block_minutes: config.afrr?.block_minutes ?? PROFILE_BLOCK_MINUTES[profile],
    solver: { ...config.solver },
  };
}
