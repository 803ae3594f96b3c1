import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../src';

const referenceRoot = path.resolve(__dirname, '../../../examples/reference');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        return yamlFiles(full);
      }
      return full.endsWith('.yaml') ? [full] : [];
    });
}

const configFiles = [
  ...yamlFiles(path.join(referenceRoot, 'examples/configs')),
  ...yamlFiles(path.join(referenceRoot, 'tests/fixtures/example_configs')),
].map((file) => [path.relative(referenceRoot, file), file] as const);

describe('reference configs', () => {
  it('finds all 35 of them', () => {
    expect(configFiles).toHaveLength(35);
  });

  it.each(configFiles)('%s validates through loadConfig', (_name, file) => {
    const { config, warnings } = loadConfig(file);
    expect(config.schema_version).toBe(4);
    // Every sample series the configs name exists once paths are resolved (live inputs are fetched, not shipped).
    for (const input of Object.values(config.data)) {
      expect(path.isAbsolute(input.actual_path)).toBe(true);
      if (!input.actual_path.includes(`${path.sep}live${path.sep}`)) {
        expect(existsSync(input.actual_path)).toBe(true);
      }
    }
    if (config.forecast_provider.name === 'custom_module') {
      expect(warnings.map((warning) => warning.code)).toEqual(['alias', 'python_module']);
    } else {
      expect(warnings).toEqual([]);
    }
  });

  it('reads the custom_python example as custom_module with its alias warning', () => {
    const file = path.join(referenceRoot, 'examples/configs/custom/belgium_full_stack_custom_python.yaml');
    const { config, warnings } = loadConfig(file);
    expect(config.forecast_provider.name).toBe('custom_module');
    expect(config.forecast_provider.module_path).toBe(
      path.join(referenceRoot, 'examples/custom_models/deterministic_visible_mean.py'),
    );
    expect(warnings[0]).toEqual({
      path: 'forecast_provider.name',
      code: 'alias',
      message: expect.stringContaining('custom_python is read as custom_module'),
      row: 12,
    });
  });
});
