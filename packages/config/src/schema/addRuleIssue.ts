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
