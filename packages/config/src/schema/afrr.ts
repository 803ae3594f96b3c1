import { z } from 'zod';
import { blockMinutesSchema, perMwPenaltySchema, sustainMinutesSchema } from './reserveFields';

/**
 * `afrr`: the asymmetric aFRR product (capacity plus expected activation energy).
 * Required by `da_plus_afrr`. Fields fixed to one value exist for reference compatibility.
 */
export const afrrSchema = z.strictObject({
  /** Always `afrr_asymmetric`. */
  product_id: z.literal('afrr_asymmetric').default('afrr_asymmetric'),
  /** Minutes a reserved MW must be sustainable from the SoC, >= 15, multiple of 15. Defaults to 15. */
  sustain_duration_minutes: sustainMinutesSchema,
  /** Always `capacity_plus_activation_expected_value`. */
  settlement_mode: z
    .literal('capacity_plus_activation_expected_value')
    .default('capacity_plus_activation_expected_value'),
  /** Always `expected_value`: activation enters through expected ratios. */
  activation_mode: z.literal('expected_value').default('expected_value'),
  /** Fee in EUR/MW/h per reserved MW, >= 0. Defaults to 0. */
  non_delivery_penalty_eur_per_mw: perMwPenaltySchema,
  /** Charge in EUR/MWh on activated energy not delivered because the SoC hit a bound, >= 0. Defaults to 0. */
  non_delivery_penalty_eur_per_mwh: z.number().min(0).default(0),
  /** Always `true`. */
  simplified_product_logic: z.literal(true).default(true),
  /** Product block length in minutes; null = profile default (strict 240, reference_v1 15). */
  block_minutes: blockMinutesSchema('afrr'),
});

export type AfrrConfig = z.output<typeof afrrSchema>;
