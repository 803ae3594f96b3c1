import { z } from 'zod';
import { addRuleIssue, whenFieldsValid } from './addRuleIssue';

export const DEGRADATION_MODES = ['throughput_linear', 'equivalent_cycle_linear', 'rainflow_offline'] as const;

/**
 * `degradation`: the cost of wear. `throughput_linear` charges a rate per MWh of grid-side
 * throughput; `equivalent_cycle_linear` derives that rate from a cost per equivalent full
 * cycle; `rainflow_offline` costs nothing in the solve and is settled after the fact.
 */
export const degradationSchema = z
  .strictObject({
    /** Degradation model. Defaults to `throughput_linear`. */
    mode: z.enum(DEGRADATION_MODES).default('throughput_linear'),
    /** EUR per MWh of grid-side throughput, >= 0 (throughput_linear). Defaults to 0. */
    throughput_cost_eur_per_mwh: z.number().min(0).nullable().default(0),
    /** EUR per equivalent full cycle, >= 0 (equivalent_cycle_linear, rainflow_offline). Defaults to null. */
    eur_per_equivalent_cycle: z.number().min(0).nullable().default(null),
    /** Optional cap on equivalent full cycles per asset and local day, > 0. Defaults to null (no cap). */
    max_cycles_per_day: z.number().positive().nullable().default(null),
  })
  .superRefine((degradation, ctx) => {
    if (degradation.mode === 'throughput_linear' && degradation.throughput_cost_eur_per_mwh === null) {
      addRuleIssue(
        ctx,
        ['throughput_cost_eur_per_mwh'],
        'required_for_mode',
        'throughput_cost_eur_per_mwh is required for throughput_linear degradation; set a number >= 0',
      );
    }
    if (degradation.mode === 'equivalent_cycle_linear' && degradation.eur_per_equivalent_cycle === null) {
      addRuleIssue(
        ctx,
        ['eur_per_equivalent_cycle'],
        'required_for_mode',
        'eur_per_equivalent_cycle is required for equivalent_cycle_linear degradation; set a number >= 0',
      );
    }
  }, whenFieldsValid);

export type DegradationConfig = z.output<typeof degradationSchema>;
