import { validRaw, variant } from '../test/configFixtures';
import { configSchema } from './configSchema';

describe('configSchema', () => {
  it('parses a valid config with defaults applied', () => {
    const config = configSchema.parse(validRaw());
    expect(config.model.profile).toBe('strict');
    expect(config.assets[0].battery.name).toBe('bess-1');
  });

  it('reports cross-field rules as custom issues with their code and path', () => {
    const raw = variant({ 'assets.1': { ...(validRaw().assets as object[])[0] } });
    const result = configSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        path: ['assets', 1, 'id'],
        params: { code: 'duplicate_asset_id' },
      }),
    ]);
  });
});
