import { z } from 'zod';
import { addRuleIssue, whenFieldsValid } from './addRuleIssue';
import { offsetDateTimeMs, offsetDateTimeSchema } from './formats';

/**
 * One outage window: the asset's power limit is multiplied by `availability_factor`
 * for every interval starting in [start, end). Overlapping windows take the minimum.
 */
export const outageSchema = z
  .strictObject({
    /** Window start, ISO-8601 with offset or Z (inclusive). Required. */
    start: offsetDateTimeSchema,
    /** Window end, ISO-8601 with offset or Z (exclusive), after `start`. Required. */
    end: offsetDateTimeSchema,
    /** Fraction of power available in [0, 1]. Defaults to 0 (a full outage). */
    availability_factor: z.number().min(0).max(1).default(0),
  })
  .superRefine((outage, ctx) => {
    const startMs = offsetDateTimeMs(outage.start);
    const endMs = offsetDateTimeMs(outage.end);
    if (startMs !== undefined && endMs !== undefined && endMs <= startMs) {
      addRuleIssue(
        ctx,
        ['end'],
        'invalid_window',
        `Availability windows must have end > start (start ${outage.start}, end ${outage.end})`,
      );
    }
  }, whenFieldsValid);

/** `assets[].battery.availability`: planned outages and derates. */
export const availabilitySchema = z.strictObject({
  /** Outage windows. Defaults to `[]`. */
  outages: z.array(outageSchema).default([]),
});

export type OutageConfig = z.output<typeof outageSchema>;
export type AvailabilityConfig = z.output<typeof availabilitySchema>;
