import { z } from 'zod';
import { configSchema } from './configSchema';

/**
 * JSON Schema (draft 2020-12) of a config file, input side: fields with defaults are
 * optional. Cross-field rules are not expressible in it; `euroflex validate-config` checks them.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://euroflex.dev/schemas/config.v4.json',
    title: 'euroflex config, schema_version 4',
  };
}
