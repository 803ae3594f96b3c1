import { z } from 'zod';
import { BASE_WORKFLOWS } from '../vocabulary';
import { addRuleIssue, whenFieldsValid } from './addRuleIssue';
import { hhmmSchema, hhmmToMinutes, isHhmm } from './formats';
import { realizedInputsSchema } from './data';

/**
 * `revision`: intraday re-optimisation of the unlocked energy schedule at local
 * checkpoints. Required by (and only valid for) `workflow: schedule_revision`. Reserve
 * awards and the day-ahead nomination stay locked.
 */
export const revisionSchema = z
  .strictObject({
    /** The workflow whose baseline is revised. Required. */
    base_workflow: z.enum(BASE_WORKFLOWS),
    /** Always `public_checkpoint_reoptimization`. */
    revision_market_mode: z.literal('public_checkpoint_reoptimization').default('public_checkpoint_reoptimization'),
    /** Local HH:MM checkpoints on each delivery day, unique and strictly ascending. Required. */
    revision_checkpoints_local: z.array(hhmmSchema('revision_checkpoints_local entries')),
    /** Always `committed_intervals_only`. */
    lock_policy: z.literal('committed_intervals_only').default('committed_intervals_only'),
    /** Always false: the day-ahead nomination is never revised. */
    allow_day_ahead_revision: z.literal(false).default(false),
    /** Must be false in the current release line. Defaults to false. */
    allow_fcr_revision: z.boolean().default(false),
    /** Must be false in the current release line. Defaults to false. */
    allow_afrr_revision: z.boolean().default(false),
    /** Always true. */
    allow_energy_revision: z.literal(true).default(true),
    /** Longest revision window in 15-minute intervals, >= 1. Defaults to 96. */
    max_revision_horizon_intervals: z.number().int().min(1).default(96),
    /** Realized inputs for reconcile, same keys as `data`, all optional. Defaults to null. */
    realized_inputs: realizedInputsSchema.nullable().default(null),
  })
  .superRefine((revision, ctx) => {
    const checkpoints = revision.revision_checkpoints_local;
    const field = 'revision_checkpoints_local';
    if (checkpoints.length === 0) {
      addRuleIssue(
        ctx,
        [field],
        'empty_checkpoints',
        'revision_checkpoints_local must contain at least one checkpoint, e.g. ["06:00", "12:00"]',
      );
    }
    const duplicates = checkpoints.filter((checkpoint, index) => checkpoints.indexOf(checkpoint) !== index);
    if (duplicates.length > 0) {
      addRuleIssue(
        ctx,
        [field],
        'duplicate_checkpoint',
        `revision_checkpoints_local entries must be unique (repeated: ${[...new Set(duplicates)].join(', ')})`,
      );
    } else if (checkpoints.every(isHhmm)) {
      const minutes = checkpoints.map(hhmmToMinutes);
      if (minutes.some((value, index) => index > 0 && value <= minutes[index - 1])) {
        addRuleIssue(
          ctx,
          [field],
          'unordered_checkpoints',
          `revision_checkpoints_local must be strictly ascending in local clock order (got ${checkpoints.join(', ')})`,
        );
      }
    }
    for (const product of ['fcr', 'afrr'] as const) {
      if (revision[`allow_${product}_revision`]) {
        addRuleIssue(
          ctx,
          [`allow_${product}_revision`],
          'reserve_revision_unsupported',
          `allow_${product}_revision must remain false in the current release line: reserve awards are locked once committed`,
        );
      }
    }
  }, whenFieldsValid);

export type RevisionConfig = z.output<typeof revisionSchema>;
