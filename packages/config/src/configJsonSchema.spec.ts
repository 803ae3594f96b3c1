import { configJsonSchema } from './configJsonSchema';
import { CONFIG_BLOCK_KEYS } from './schema/configShape';

describe('configJsonSchema', () => {
  const schema = configJsonSchema();

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('lists every top-level block, closed to unknown keys, with only the blocks without defaults required', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object)).toEqual(CONFIG_BLOCK_KEYS);
    expect(schema.required).toEqual([
      'schema_version',
      'run_name',
      'market',
      'workflow',
      'forecast_provider',
      'timing',
      'site',
      'assets',
      'data',
    ]);
  });

  it('describes the input side: aliases accepted, HH:MM as a pattern, defaults optional', () => {
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    const provider = properties.forecast_provider.properties as Record<string, { enum?: string[] }>;
    expect(provider.name.enum).toContain('custom_python');
    const timing = properties.timing as { properties: Record<string, { pattern?: string }>; required: string[] };
    expect(timing.properties.day_ahead_gate_closure_local.pattern).toBe('^([01]\\d|2[0-3]):([0-5]\\d)$');
    expect(timing.required).toEqual(['timezone', 'delivery_start_date', 'delivery_end_date']);
  });
});
