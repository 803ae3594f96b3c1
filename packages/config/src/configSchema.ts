import { CROSS_FIELD_RULES } from './rules/crossFieldRules';
import { runRules } from './rules/defineRule';
import { whenFieldsValid } from './schema/addRuleIssue';
import { CONFIG_BLOCK_KEYS, configObjectSchema } from './schema/configShape';

const ALL_BLOCKS = new Set(CONFIG_BLOCK_KEYS);

/**
 * The full schema v4 as one zod schema: field checks plus the cross-field rules (which
 * run here only when every field is valid; parseConfig reports both at once and should
 * be preferred). Useful for `z.input`/`z.output` and JSON Schema generation.
 */
export const configSchema = configObjectSchema.superRefine((config, ctx) => {
  for (const issue of runRules(CROSS_FIELD_RULES, config, ALL_BLOCKS).issues) {
    ctx.addIssue({
      code: 'custom',
      path: issue.path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)),
      message: issue.message,
      params: { code: issue.code },
    });
  }
}, whenFieldsValid);
