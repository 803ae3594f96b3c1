import type { z } from 'zod';

/**
 * Report a block-level rule violation from a `superRefine`. The `code` travels in
 * `params.code` and becomes the LabIssue code; `path` is relative to the block.
 */
export function addRuleIssue(
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
  code: string,
  message: string,
): void {
  ctx.addIssue({ code: 'custom', path: [...path], message, params: { code } });
}

/**
 * `superRefine` option: run a block rule only when the block's own fields are valid
 * (zod would otherwise run it after non-fatal issues such as a failed minimum). Unknown
 * keys do not stop it: the known fields are still worth checking.
 */
export const whenFieldsValid = {
  when: (payload: z.core.ParsePayload): boolean => payload.issues.every((issue) => issue.code === 'unrecognized_keys'),
};
