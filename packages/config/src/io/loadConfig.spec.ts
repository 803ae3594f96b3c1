import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { validRaw, variant } from '../../test/configFixtures';
import { ConfigError, formatIssues } from '../issues';
import { loadConfig, parseConfigText } from './loadConfig';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'euroflex-config-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function configError(file: string): ConfigError {
  try {
    loadConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('resolves every relative path against the config folder', () => {
    const raw = variant({
      'data.imbalance': { actual_path: '/abs/imbalance.csv' },
      forecast_provider: {
        name: 'custom_module',
        module_path: 'models/forecaster.mjs',
        class_name: 'Forecaster',
        day_ahead_path: 'forecasts/da.csv',
        init_kwargs: {
          weights_file: 'w.bin',
          cache_dir: 'cache',
          model_weights: 'mw.bin',
          blend_weight: 0.65,
          label: 'plain',
          nested: { lookup_path: 'nested.csv', items: [{ data_path: 'item.csv' }, 'bare.csv'] },
        },
      },
      workflow: 'schedule_revision',
      revision: {
        base_workflow: 'da_only',
        revision_checkpoints_local: ['06:00'],
        realized_inputs: { day_ahead: { actual_path: 'realized/da.csv' } },
      },
      'artifacts.root_dir': '../runs',
    });
    const file = write('paths.yaml', stringify(raw));
    const { config, file: loadedFile } = loadConfig(file);
    expect(loadedFile).toBe(file);
    expect(config.data.day_ahead.actual_path).toBe(path.join(dir, 'data/day_ahead.csv'));
    expect(config.data.imbalance?.actual_path).toBe('/abs/imbalance.csv');
    expect(config.forecast_provider.module_path).toBe(path.join(dir, 'models/forecaster.mjs'));
    expect(config.forecast_provider.day_ahead_path).toBe(path.join(dir, 'forecasts/da.csv'));
    expect(config.forecast_provider.init_kwargs).toEqual({
      weights_file: path.join(dir, 'w.bin'),
      cache_dir: path.join(dir, 'cache'),
      model_weights: path.join(dir, 'mw.bin'),
      blend_weight: 0.65,
      label: 'plain',
      nested: { lookup_path: path.join(dir, 'nested.csv'), items: [{ data_path: path.join(dir, 'item.csv') }, 'bare.csv'] },
    });
    expect(config.revision?.realized_inputs?.day_ahead?.actual_path).toBe(path.join(dir, 'realized/da.csv'));
    expect(config.artifacts.root_dir).toBe(path.join(path.dirname(dir), 'runs'));
  });

  it('reads unquoted times and dates as YAML 1.2 strings', () => {
    const text = stringify(validRaw()).replace(
      "delivery_start_date: 2025-06-17",
      'delivery_start_date: 2025-06-17\n  day_ahead_gate_closure_local: 11:00',
    );
    expect(text).toContain('day_ahead_gate_closure_local: 11:00');
    const { config } = loadConfig(write('unquoted.yaml', text));
    expect(config.timing.day_ahead_gate_closure_local).toBe('11:00');
    expect(config.timing.delivery_start_date).toBe('2025-06-17');
  });

  it('throws one ConfigError holding every issue, each with its line', () => {
    const text = [
      'schema_version: 4',
      'run_name: bad/name',
      'market:',
      '  id: belgium',
      'workflow: da_only',
      'forecast_provider:',
      '  name: persistence',
      'timing:',
      '  timezone: Europe/Brussels',
      '  delivery_start_date: 2025-06-17',
      '  delivery_end_date: 2025-06-17',
      'site:',
      '  id: site',
      '  poi_import_limit_mw: 2',
      '  poi_export_limit_mw: 2',
      'assets:',
      '  - id: bess-1',
      '    battery:',
      '      power_mw: 1',
      '      energy_mwh: 2',
      '      initial_soc_mwh: 1',
      '      soc_min_mwh: 0.2',
      '      soc_max_mwh: 1.8',
      '      charge_efficiency: 0.95',
      '      discharge_efficiency: 0.95',
      '      terminal_soc: 1',
      'data:',
      '  day_ahead:',
      '    actual_path: da.csv',
    ].join('\n');
    const error = configError(write('broken.yaml', text));
    expect(error.file).toBe(path.join(dir, 'broken.yaml'));
    expect(error.message).toBe(`${path.join(dir, 'broken.yaml')}: 2 problems found`);
    expect(formatIssues(error.issues, 'broken.yaml')).toBe(
      [
        `broken.yaml: line 2: run_name: run_name "bad/name" is not a safe name: use 1-128 letters, digits, '-', '_', '.' or inner spaces, starting and ending with a letter, digit, '-' or '_', without '/' or '..'`,
        'broken.yaml: line 26: assets.0.battery.terminal_soc: Unknown key `terminal_soc`; did you mean `terminal_soc_mwh`?',
      ].join('\n'),
    );
  });

  it('points a missing field at its parent block', () => {
    const text = stringify(variant({}, ['site.poi_export_limit_mw']));
    const result = parseConfigText(text, path.join(dir, 'missing.yaml'));
    const siteLine = text.split('\n').indexOf('site:') + 1;
    expect(result.ok ? [] : result.issues).toEqual([expect.objectContaining({ path: 'site.poi_export_limit_mw', row: siteLine })]);
  });

  it('turns YAML syntax errors into issues with line numbers', () => {
    const error = configError(write('syntax.yaml', 'schema_version: 4\nmarket:\n  id: belgium\n   bad: [1, 2\n'));
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues[0]).toMatchObject({ path: '', code: 'yaml_syntax' });
    expect(error.issues[0].row).toBeGreaterThanOrEqual(3);
    expect(error.issues[0].message).toMatch(/^YAML: /);
  });

  it('rejects duplicate keys as YAML errors', () => {
    const error = configError(write('dupes.yaml', 'run_name: a\nrun_name: b\n'));
    expect(error.issues[0]).toMatchObject({ code: 'yaml_syntax', row: 2 });
  });

  it('reports an empty file and a missing file as ConfigErrors', () => {
    expect(configError(write('empty.yaml', '# nothing\n')).issues).toEqual([
      { path: '', code: 'empty_config', message: 'The config file is empty: start from an example in examples/' },
    ]);
    const missing = configError(path.join(dir, 'nope.yaml'));
    expect(missing.issues).toEqual([expect.objectContaining({ code: 'unreadable_file' })]);
  });
});
