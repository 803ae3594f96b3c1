import { z } from 'zod';
import { MODEL_PROFILES, type ModelSwitches } from '../vocabulary';

/** The values each model switch may take (see `ModelSwitches`). */
export const MODEL_SWITCH_VALUES = {
  reserve_energy: ['additive', 'independent'],
  soc_carry: ['carry', 'reset_daily'],
  afrr_down_activation: ['bsp_pays', 'bsp_receives'],
  terminal_soc: ['equal', 'at_least'],
  imbalance_prices: ['dual', 'single'],
  rainflow_settlement: ['posthoc', 'zero'],
  gates: ['sequential', 'single'],
  activation_replay: ['actual_ratios', 'planned_soc'],
  imbalance_nomination: ['joint', 'day_ahead_only'],
} as const satisfies { readonly [K in keyof ModelSwitches]: readonly ModelSwitches[K][] };

export type ModelSwitchName = keyof ModelSwitches;
export const MODEL_SWITCH_NAMES = Object.keys(MODEL_SWITCH_VALUES) as ModelSwitchName[];

/**
 * `model`: the profile (`strict` default, `reference_v1` to reproduce euroflex_bess_lab
 * 1.x) and optional overrides of single switches. An unset switch takes the profile's
 * default; `resolveModel` gives the effective values.
 */
export const modelSchema = z.strictObject({
  /** `strict` or `reference_v1`. Defaults to `strict`. */
  profile: z.enum(MODEL_PROFILES).default('strict'),
  reserve_energy: z.enum(MODEL_SWITCH_VALUES.reserve_energy).optional(),
  soc_carry: z.enum(MODEL_SWITCH_VALUES.soc_carry).optional(),
  afrr_down_activation: z.enum(MODEL_SWITCH_VALUES.afrr_down_activation).optional(),
  terminal_soc: z.enum(MODEL_SWITCH_VALUES.terminal_soc).optional(),
  imbalance_prices: z.enum(MODEL_SWITCH_VALUES.imbalance_prices).optional(),
  rainflow_settlement: z.enum(MODEL_SWITCH_VALUES.rainflow_settlement).optional(),
  gates: z.enum(MODEL_SWITCH_VALUES.gates).optional(),
  activation_replay: z.enum(MODEL_SWITCH_VALUES.activation_replay).optional(),
  imbalance_nomination: z.enum(MODEL_SWITCH_VALUES.imbalance_nomination).optional(),
});

export type ModelConfig = z.output<typeof modelSchema>;
