import { z } from 'zod';
import { addRuleIssue, whenFieldsValid } from './addRuleIssue';

/** Risk modes; `cvar_lite` (the reference's name) is accepted as an alias of `cvar`. */
export const RISK_MODES = ['expected_value', 'downside_penalty', 'cvar'] as const;
export type RiskMode = (typeof RISK_MODES)[number];

/**
 * The reference's `cvar_lite` alpha is a confidence level: its solver averaged the worst
 * (1 - alpha) of scenario weight. euroflex's `tail_alpha` is that tail mass itself.
 */
export function tailMassFromReferenceAlpha(referenceAlpha: number): number {
  return Math.round((1 - referenceAlpha) * 1e12) / 1e12;
}

/**
 * `risk`: how scenario bundles are turned into one objective. Non-default settings need
 * `forecast_provider.mode: scenario_bundle`.
 */
export const riskSchema = z
  .strictObject({
    /** `expected_value`, `downside_penalty` or `cvar` (alias `cvar_lite`). Defaults to `expected_value`. */
    mode: z.enum([...RISK_MODES, 'cvar_lite']).default('expected_value'),
    /** Weight lambda of the risk term in EUR per EUR, >= 0. Defaults to 0. */
    penalty_lambda: z.number().min(0).default(0),
    /**
     * `cvar` only: tail probability mass in (0, 1); 0.05 averages the worst 5 % of scenario
     * weight. Defaults to null.
     */
    tail_alpha: z.number().gt(0).lt(1).nullable().default(null),
  })
  .superRefine((risk, ctx) => {
    const isCvar = risk.mode === 'cvar' || risk.mode === 'cvar_lite';
    if (isCvar && risk.tail_alpha === null) {
      addRuleIssue(
        ctx,
        ['tail_alpha'],
        'required_for_mode',
        'tail_alpha is required when risk.mode is cvar_lite or cvar: set the tail probability mass, e.g. 0.05 for the worst 5 %',
      );
    }
    if (!isCvar && risk.tail_alpha !== null) {
      addRuleIssue(
        ctx,
        ['tail_alpha'],
        'only_valid_for_mode',
        `tail_alpha is only valid when risk.mode is cvar_lite or cvar (mode is ${risk.mode}); remove tail_alpha`,
      );
    }
  }, whenFieldsValid)
  .transform((risk) => {
    if (risk.mode !== 'cvar_lite') {
      return { ...risk, mode: risk.mode };
    }
    const tailAlpha = risk.tail_alpha === null ? null : tailMassFromReferenceAlpha(risk.tail_alpha);
    return { ...risk, mode: 'cvar' as const, tail_alpha: tailAlpha };
  });

export type RiskConfig = z.output<typeof riskSchema>;
