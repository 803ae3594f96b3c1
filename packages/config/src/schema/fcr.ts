import { z } from 'zod';
import { blockMinutesSchema, perMwPenaltySchema, sustainMinutesSchema } from './reserveFields';

/**
 * `fcr`: the symmetric FCR product (capacity only). Required by `da_plus_fcr`. Fields
 * fixed to one value exist for reference compatibility.
 */
export const fcrSchema = z.strictObject({
  /** Always `fcr_symmetric`. */
  product_id: z.literal('fcr_symmetric').default('fcr_symmetric'),
  /** Minutes a reserved MW must be sustainable from the SoC, >= 15, multiple of 15. Defaults to 15. */
  sustain_duration_minutes: sustainMinutesSchema,
  /** Always `capacity_only`. */
  settlement_mode: z.literal('capacity_only').default('capacity_only'),
  /** Always `none`: FCR activation energy is not modelled. */
  activation_mode: z.literal('none').default('none'),
  /** Fee in EUR/MW/h per reserved MW, >= 0. Defaults to 0. */
  non_delivery_penalty_eur_per_mw: perMwPenaltySchema,
  /** Always `true`. */
  simplified_product_logic: z.literal(true).default(true),
  /** Product block length in minutes; null = profile default (strict 240, reference_v1 15). */
  block_minutes: blockMinutesSchema('fcr'),
});

export type FcrConfig = z.output<typeof fcrSchema>;
