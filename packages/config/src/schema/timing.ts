import { z } from 'zod';
import { addRuleIssue, whenFieldsValid } from './addRuleIssue';
import { hhmmSchema, isoDateSchema } from './formats';

/** `timing`: time zone, grid, cadence and the local delivery window. */
export const timingSchema = z
  .strictObject({
    /** IANA time zone; must equal the market's (`Europe/Brussels`, `Europe/Amsterdam`). Required. */
    timezone: z.string().min(1),
    /** Market resolution in minutes. Only 15 is supported. Defaults to 15. */
    resolution_minutes: z.number().int().min(15).default(15),
    /** Imbalance rebalance cadence in minutes, a multiple of 15. Defaults to 15. */
    rebalance_cadence_minutes: z.number().int().min(15).default(15),
    /** Intervals between a decision and the first interval it may change (>= 1). Defaults to 1. */
    execution_lock_intervals: z.number().int().min(1).default(1),
    /** Day-ahead gate closure, local HH:MM on D-1. Defaults to `"12:00"`. */
    day_ahead_gate_closure_local: hhmmSchema('day_ahead_gate_closure_local').default('12:00'),
    /** First local delivery day, YYYY-MM-DD. Required. */
    delivery_start_date: isoDateSchema,
    /** Last local delivery day (inclusive), YYYY-MM-DD, on or after the start. Required. */
    delivery_end_date: isoDateSchema,
  })
  .superRefine((timing, ctx) => {
    if (timing.resolution_minutes !== 15) {
      addRuleIssue(
        ctx,
        ['resolution_minutes'],
        'unsupported_resolution',
        `euroflex currently supports only 15-minute market resolution (got ${timing.resolution_minutes}); set resolution_minutes: 15`,
      );
    }
    if (timing.rebalance_cadence_minutes % 15 !== 0) {
      addRuleIssue(
        ctx,
        ['rebalance_cadence_minutes'],
        'not_multiple_of_15',
        `rebalance_cadence_minutes must be a multiple of 15 (got ${timing.rebalance_cadence_minutes})`,
      );
    }
    if (timing.delivery_end_date < timing.delivery_start_date) {
      addRuleIssue(
        ctx,
        ['delivery_end_date'],
        'invalid_window',
        `delivery_end_date must be on or after delivery_start_date (${timing.delivery_end_date} is before ${timing.delivery_start_date})`,
      );
    }
  }, whenFieldsValid);

export type TimingConfig = z.output<typeof timingSchema>;
