import { z } from 'zod';

/** Block lengths in minutes that tile a 24-hour day on the 15-minute grid. */
export const VALID_BLOCK_MINUTES: readonly number[] = Array.from({ length: 96 }, (_, i) => (i + 1) * 15).filter(
  (minutes) => 1440 % minutes === 0,
);

/** `block_minutes`: a positive multiple of 15 dividing 1440; null means the profile default. */
export function blockMinutesSchema(block: 'fcr' | 'afrr') {
  return z
    .number()
    .int()
    .refine((minutes) => VALID_BLOCK_MINUTES.includes(minutes), {
      error: (issue) =>
        `${block}.block_minutes must be a positive multiple of 15 that divides 1440 (one of ${VALID_BLOCK_MINUTES.join(', ')}), got ${String(issue.input)}`,
      params: { code: 'invalid_block_minutes' },
    })
    .nullable()
    .default(null);
}

/** `sustain_duration_minutes`: >= 15 and a multiple of 15. Defaults to 15. */
export const sustainMinutesSchema = z
  .number()
  .int()
  .min(15)
  .refine((minutes) => minutes % 15 === 0, {
    error: (issue) => `sustain_duration_minutes must be a multiple of 15, got ${String(issue.input)}`,
    params: { code: 'not_multiple_of_15' },
  })
  .default(15);

/** Per-MW fee in EUR/MW/h charged on every reserved MW. Defaults to 0. */
export const perMwPenaltySchema = z.number().min(0).default(0);
