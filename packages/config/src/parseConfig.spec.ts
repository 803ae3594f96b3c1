import { issuesOf, validRaw, variant, warningsOf } from '../test/configFixtures';
import { formatIssues } from './issues';
import { parseConfig } from './parseConfig';

describe('parseConfig on a valid config', () => {
  it('applies every default in the output', () => {
    const result = parseConfig(validRaw());
    if (!result.ok) {
      throw new Error(formatIssues(result.issues));
    }
    const { config } = result;
    expect(config.timing).toMatchObject({
      resolution_minutes: 15,
      rebalance_cadence_minutes: 15,
      execution_lock_intervals: 1,
      day_ahead_gate_closure_local: '12:00',
    });
    expect(config.assets[0]).toMatchObject({ kind: 'battery' });
    expect(config.assets[0].battery).toMatchObject({
      name: 'bess-1',
      terminal_soc_mwh: null,
      connection_limit_mw: null,
      minimum_headroom_mwh: 0,
      availability: { outages: [] },
    });
    expect(config.market).toEqual({
      id: 'belgium',
      overrides: {},
      live_data_auth_env_var_names: [],
      publication_lags: {},
      gates: {},
    });
    expect(config.degradation).toEqual({
      mode: 'throughput_linear',
      throughput_cost_eur_per_mwh: 0,
      eur_per_equivalent_cycle: null,
      max_cycles_per_day: null,
    });
    expect(config.risk).toEqual({ mode: 'expected_value', penalty_lambda: 0, tail_alpha: null });
    expect(config.forecast_provider).toEqual({
      name: 'persistence',
      mode: 'point',
      scenario_id: null,
      module_path: null,
      class_name: null,
      init_kwargs: {},
    });
    expect([config.fcr, config.afrr, config.revision]).toEqual([null, null, null]);
    expect(config.artifacts).toEqual({
      root_dir: 'artifacts',
      save_inputs: true,
      save_plots: true,
      save_forecast_snapshots: true,
    });
    expect(config.model).toEqual({ profile: 'strict' });
    expect(config.solver).toEqual({ time_limit_seconds: 60, mip_rel_gap: 1e-6 });
    expect(result.warnings).toEqual([]);
  });

  it('keeps an explicit battery name and does not resolve paths without a base folder', () => {
    const result = parseConfig(variant({ 'assets.0.battery.name': 'north' }));
    expect(result.ok && result.config.assets[0].battery.name).toBe('north');
    expect(result.ok && result.config.data.day_ahead.actual_path).toBe('data/day_ahead.csv');
  });

  it('resolves relative paths against baseDir and keeps absolute ones', () => {
    const raw = variant({
      'data.imbalance': { actual_path: '/abs/imbalance.csv' },
      'artifacts.root_dir': '../runs',
    });
    const result = parseConfig(raw, { baseDir: '/cfg/dir' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.config.data.day_ahead.actual_path).toBe('/cfg/dir/data/day_ahead.csv');
      expect(result.config.data.imbalance?.actual_path).toBe('/abs/imbalance.csv');
      expect(result.config.artifacts.root_dir).toBe('/cfg/runs');
    }
  });

  it('takes the base folder from an absolute file when no baseDir is given', () => {
    const result = parseConfig(validRaw(), { file: '/configs/a/run.yaml' });
    expect(result.ok && result.config.data.day_ahead.actual_path).toBe('/configs/a/data/day_ahead.csv');
  });
});

describe('parseConfig error reporting', () => {
  it('rejects a non-mapping with one issue', () => {
    expect(issuesOf([1, 2])).toEqual([
      expect.objectContaining({ path: '', code: 'invalid_type' }),
    ]);
    expect(issuesOf(null)).toHaveLength(1);
  });

  it('reports field errors and cross-field rules of the valid parts together', () => {
    const raw = variant(
      {
        run_name: '../escape',
        'market.id': 'germany',
        workflow: 'da_plus_fcr',
        'timing.day_ahead_gate_closure_local': '24:00',
        'timing.delivery_start_date': '2025-02-30',
        'assets.0.battery.terminal_soc': 1,
        'assets.0.battery.soc_max_mwh': 2.5,
        'site.poi_import_limit_mw': -1,
        'forecast_provider.name': 'csv',
      },
      ['site.poi_export_limit_mw'],
    );
    expect(formatIssues(issuesOf(raw), 'run.yaml')).toMatchInlineSnapshot(`
"run.yaml: run_name: run_name "../escape" is not a safe name: use 1-128 letters, digits, '-', '_', '.' or inner spaces, starting and ending with a letter, digit, '-' or '_', without '/' or '..'
run.yaml: market.id: Invalid value "germany": expected one of belgium, netherlands
run.yaml: timing.day_ahead_gate_closure_local: day_ahead_gate_closure_local must use HH:MM format (two digits each, 00:00 to 23:59), got "24:00"
run.yaml: timing.delivery_start_date: Expected a real calendar date YYYY-MM-DD, got "2025-02-30"
run.yaml: site.poi_import_limit_mw: Must be > 0 (got -1)
run.yaml: site.poi_export_limit_mw: Field required: site.poi_export_limit_mw is missing (expected a number)
run.yaml: assets.0.battery.terminal_soc: Unknown key \`terminal_soc\`; did you mean \`terminal_soc_mwh\`?
run.yaml: assets.0.battery.soc_max_mwh: soc_max_mwh cannot exceed energy_mwh (2.5 > 2)
run.yaml: data.fcr_capacity: FCR capacity actual input is required for da_plus_fcr: add data.fcr_capacity.actual_path
run.yaml: fcr: fcr configuration block is required for da_plus_fcr: add a top-level block "fcr: {}" (every field has a default; docs/config.md, fcr)
run.yaml: forecast_provider.day_ahead_path: CSV forecast provider requires day_ahead_path
run.yaml: forecast_provider.fcr_capacity_path: CSV forecast provider requires fcr_capacity_path for da_plus_fcr"
`);
  });

  it('still checks the battery rules when another block is broken', () => {
    const raw = variant({ 'assets.0.battery.soc_max_mwh': 2.5, 'market.id': 'germany' });
    expect(issuesOf(raw).map((issue) => issue.path)).toEqual(['market.id', 'assets.0.battery.soc_max_mwh']);
  });

  it('marks missing blocks as required', () => {
    const issues = issuesOf(variant({}, ['site', 'assets', 'timing']));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['timing', 'required'],
      ['site', 'required'],
      ['assets', 'required'],
    ]);
  });
});

describe('unknown keys', () => {
  it('names the key and suggests the closest known key of its block', () => {
    expect(issuesOf(variant({ 'assets.0.battery.terminal_soc': 1 }))).toEqual([
      {
        path: 'assets.0.battery.terminal_soc',
        code: 'unrecognized_key',
        message: 'Unknown key `terminal_soc`; did you mean `terminal_soc_mwh`?',
      },
    ]);
  });

  it('reports each unknown key of a block separately, at any depth', () => {
    const raw = variant({ run_label: 'x', 'timing.timezon': 'Europe/Brussels', 'market.gates.fcrr': '08:00' });
    expect(issuesOf(raw).map((issue) => [issue.path, issue.message])).toEqual([
      ['market.gates.fcrr', 'Unknown key `fcrr`; did you mean `fcr`?'],
      ['timing.timezon', 'Unknown key `timezon`; did you mean `timezone`?'],
      ['run_label', 'Unknown key `run_label`; did you mean `run_name`?'],
    ]);
  });

  it('points out a top-level block indented into another block', () => {
    const raw = variant({ 'data.fcr': { product_id: 'fcr_symmetric' } });
    expect(issuesOf(raw)[0].message).toBe('Unknown key `fcr` here: fcr is a top-level block; check its indentation');
  });

  it('rejects a v3 top-level battery block with a hint to move it under assets[0].battery', () => {
    const raw = variant({ schema_version: 3, battery: { power_mw: 1 } }, ['assets', 'site']);
    const issues = issuesOf(raw);
    expect(issues.map((issue) => issue.path)).toEqual(['schema_version', 'site', 'assets', 'battery']);
    expect(issues[0].message).toMatch(/^Input should be 4/);
    expect(issues[3]).toEqual({
      path: 'battery',
      code: 'unrecognized_key',
      message:
        'Unknown key `battery`: schema v4 has no top-level battery block (that was v3); move it under assets[0].battery and add assets[0].id and a site block',
    });
  });

  it('accepts free-form keys where the reference allows them', () => {
    const raw = variant({
      'market.overrides': { anything: 1 },
      'forecast_provider.init_kwargs': { blend_weight: 0.5, nested: { x: 1 } },
    });
    expect(issuesOf(raw)).toEqual([]);
  });
});

describe('aliases', () => {
  it('reads custom_python as custom_module and warns that Python is not executed', () => {
    const raw = variant({
      'forecast_provider.name': 'custom_python',
      'forecast_provider.module_path': 'models/forecaster.mjs',
      'forecast_provider.class_name': 'Forecaster',
    });
    const result = parseConfig(raw);
    expect(result.ok && result.config.forecast_provider.name).toBe('custom_module');
    expect(result.warnings).toEqual([
      {
        path: 'forecast_provider.name',
        code: 'alias',
        message:
          'custom_python is read as custom_module. Python modules are not executed: module_path must name a JS/TS ES module (.mjs, .js or .ts) that exports class_name',
      },
    ]);
  });

  it('maps a reference cvar_lite confidence level to the cvar tail mass', () => {
    const raw = variant({
      'forecast_provider.name': 'csv',
      'forecast_provider.mode': 'scenario_bundle',
      'forecast_provider.day_ahead_path': 'fc.csv',
      risk: { mode: 'cvar_lite', penalty_lambda: 0.5, tail_alpha: 0.95 },
    });
    const result = parseConfig(raw);
    expect(result.ok && result.config.risk).toEqual({ mode: 'cvar', penalty_lambda: 0.5, tail_alpha: 0.05 });
    expect(warningsOf(raw).map((warning) => warning.message)).toEqual([
      "cvar_lite is read as cvar; tail_alpha 0.95 (the reference's confidence level) becomes 0.05, the tail probability mass (euroflex's tail_alpha is the share of worst-case scenario weight, e.g. 0.05 = the worst 5 %)",
    ]);
  });

  it('keeps a cvar tail_alpha as written', () => {
    const raw = variant({
      'forecast_provider.name': 'csv',
      'forecast_provider.mode': 'scenario_bundle',
      'forecast_provider.day_ahead_path': 'fc.csv',
      risk: { mode: 'cvar', penalty_lambda: 0.5, tail_alpha: 0.05 },
    });
    const result = parseConfig(raw);
    expect(result.ok && result.config.risk.tail_alpha).toBe(0.05);
    expect(result.warnings).toEqual([]);
  });
});
