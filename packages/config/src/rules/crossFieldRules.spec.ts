import { issuesOf, validRaw, variant, warningsOf, type RawConfig } from '../../test/configFixtures';
import { capabilityOf } from '../capabilities';

const secondAsset = {
  id: 'bess-2',
  battery: {
    power_mw: 1,
    energy_mwh: 2,
    initial_soc_mwh: 1,
    soc_min_mwh: 0.2,
    soc_max_mwh: 1.8,
    charge_efficiency: 0.9,
    discharge_efficiency: 0.9,
  },
};

const afrrData = {
  afrr_capacity_up: { actual_path: 'up.csv' },
  afrr_capacity_down: { actual_path: 'down.csv' },
  afrr_activation_price_up: { actual_path: 'pu.csv' },
  afrr_activation_price_down: { actual_path: 'pd.csv' },
  afrr_activation_ratio_up: { actual_path: 'ru.csv' },
  afrr_activation_ratio_down: { actual_path: 'rd.csv' },
};

const revision = { base_workflow: 'da_only', revision_checkpoints_local: ['06:00', '12:00'] };

function portfolio(changes: Record<string, unknown> = {}): RawConfig {
  return variant({ ...changes, 'assets.1': secondAsset });
}

function messages(raw: RawConfig): string[] {
  return issuesOf(raw).map((issue) => issue.message);
}

function paths(raw: RawConfig): string[] {
  return issuesOf(raw).map((issue) => issue.path);
}

describe('reference rules 1-3: assets and the revision block', () => {
  it('1: needs at least one asset', () => {
    expect(issuesOf(variant({ assets: [] }))).toEqual([
      { path: 'assets', code: 'too_small', message: 'assets must contain at least one asset' },
    ]);
  });

  it('2: asset ids are unique', () => {
    const duplicate = variant({ 'assets.1': { ...secondAsset, id: 'bess-1' } });
    expect(issuesOf(duplicate)).toEqual([
      {
        path: 'assets.1.id',
        code: 'duplicate_asset_id',
        message: 'asset ids must be unique: "bess-1" is used more than once',
      },
    ]);
    expect(issuesOf(portfolio())).toEqual([]);
  });

  it('3: schedule_revision needs a revision block, and only it may have one', () => {
    expect(messages(variant({ workflow: 'schedule_revision' }))).toEqual([
      expect.stringContaining('revision configuration block is required for schedule_revision'),
    ]);
    expect(messages(variant({ revision }))).toEqual([
      expect.stringContaining('revision configuration block is only valid when workflow is schedule_revision'),
    ]);
    expect(issuesOf(variant({ workflow: 'schedule_revision', revision }))).toEqual([]);
  });

  it('4 and 5 are dropped: portfolio da_plus_imbalance, plain or revised, is accepted', () => {
    const imbalance = { 'data.imbalance': { actual_path: 'imb.csv' } };
    expect(issuesOf(portfolio({ ...imbalance, workflow: 'da_plus_imbalance' }))).toEqual([]);
    const revised = {
      ...imbalance,
      workflow: 'schedule_revision',
      revision: { ...revision, base_workflow: 'da_plus_imbalance' },
    };
    expect(issuesOf(portfolio(revised))).toEqual([]);
  });
});

describe('reference rule 6: scenario bundles and risk', () => {
  const csvScenario = {
    'forecast_provider.name': 'csv',
    'forecast_provider.mode': 'scenario_bundle',
    'forecast_provider.day_ahead_path': 'forecast.csv',
  };

  it('accepts a Belgian csv scenario bundle with a risk mode', () => {
    const raw = variant({ ...csvScenario, risk: { mode: 'downside_penalty', penalty_lambda: 0.3 } });
    expect(issuesOf(raw)).toEqual([]);
  });

  it('warns where the risk weight changes nothing', () => {
    const codes = (risk: Record<string, unknown>) => warningsOf(variant({ ...csvScenario, risk })).map((w) => [w.path, w.code]);
    expect(codes({ mode: 'cvar', tail_alpha: 0.05 })).toEqual([['risk.penalty_lambda', 'no_effect']]);
    expect(codes({ mode: 'downside_penalty', penalty_lambda: 0 })).toEqual([['risk.penalty_lambda', 'no_effect']]);
    expect(codes({ mode: 'expected_value', penalty_lambda: 1 })).toEqual([['risk.penalty_lambda', 'no_effect']]);
    expect(codes({ mode: 'cvar', tail_alpha: 0.05, penalty_lambda: 0.5 })).toEqual([]);
    expect(codes({ mode: 'expected_value' })).toEqual([]);
  });

  it('is Belgium-first', () => {
    const raw = variant({ ...csvScenario, 'market.id': 'netherlands', 'timing.timezone': 'Europe/Amsterdam' });
    expect(issuesOf(raw)).toEqual([
      {
        path: 'forecast_provider.mode',
        code: 'unsupported',
        message: 'Scenario forecasting is Belgium-first in the current release line; other markets remain point-only',
      },
    ]);
  });

  it('is not for da_plus_imbalance, revised or not', () => {
    const imbalance = {
      ...csvScenario,
      'data.imbalance': { actual_path: 'imb.csv' },
      'forecast_provider.imbalance_path': 'imb_fc.csv',
    };
    const expected = ['Scenario forecasting is not supported for da_plus_imbalance in the current release line'];
    expect(messages(variant({ ...imbalance, workflow: 'da_plus_imbalance' }))).toEqual(expected);
    const revised = {
      ...imbalance,
      workflow: 'schedule_revision',
      revision: { ...revision, base_workflow: 'da_plus_imbalance' },
    };
    expect(messages(variant(revised))).toEqual(expected);
  });

  it.each(['perfect_foresight', 'persistence'])('is not for %s', (name) => {
    const raw = variant({ 'forecast_provider.name': name, 'forecast_provider.mode': 'scenario_bundle' });
    expect(messages(raw)).toEqual([`${name} only supports forecast_provider.mode=point in the current release line`]);
  });

  it('rejects scenario_id with a bundle', () => {
    const raw = variant({ ...csvScenario, 'forecast_provider.scenario_id': 'base' });
    expect(messages(raw)).toEqual([
      'scenario_id is only valid for point-mode CSV forecasts, not scenario bundles; remove scenario_id',
    ]);
  });

  it.each([
    ['a risk mode', { 'risk.mode': 'downside_penalty' }],
    ['a penalty', { 'risk.penalty_lambda': 0.5 }],
    ['cvar', { 'risk.mode': 'cvar', 'risk.tail_alpha': 0.05 }],
  ])('needs scenario bundles for %s', (_label, risk) => {
    expect(messages(variant(risk))).toEqual([
      expect.stringContaining('Risk modes other than expected_value require forecast_provider.mode=scenario_bundle'),
    ]);
  });

  it('uses the capability note as the message', () => {
    const raw = variant({ 'forecast_provider.mode': 'scenario_bundle' });
    const note = capabilityOf({
      market: 'belgium',
      workflow: 'da_only',
      scope: 'single_asset',
      provider: 'persistence',
      mode: 'scenario_bundle',
    }).note;
    expect(messages(raw)).toEqual([note]);
  });
});

describe('reference rules 7-9: inputs and blocks of each workflow', () => {
  it('7: da_plus_imbalance needs data.imbalance', () => {
    expect(issuesOf(variant({ workflow: 'da_plus_imbalance' }))).toEqual([
      {
        path: 'data.imbalance',
        code: 'missing_input',
        message: 'Imbalance actual input is required for da_plus_imbalance: add data.imbalance.actual_path',
      },
    ]);
  });

  it('8: da_plus_fcr needs the FCR capacity series and the fcr block', () => {
    expect(paths(variant({ workflow: 'da_plus_fcr' }))).toEqual(['data.fcr_capacity', 'fcr']);
    expect(messages(variant({ workflow: 'da_plus_fcr', fcr: {} }))).toEqual([
      expect.stringContaining('FCR capacity actual input is required for da_plus_fcr'),
    ]);
    expect(messages(variant({ workflow: 'da_plus_fcr', 'data.fcr_capacity': { actual_path: 'fcr.csv' } }))).toEqual([
      'fcr configuration block is required for da_plus_fcr: add a top-level block "fcr: {}" (every field has a default; docs/config.md, fcr)',
    ]);
  });

  it('9: da_plus_afrr needs the six aFRR series (missing ones sorted) and the afrr block', () => {
    const raw = variant({
      workflow: 'da_plus_afrr',
      afrr: {},
      'data.afrr_capacity_up': afrrData.afrr_capacity_up,
      'data.afrr_activation_ratio_down': afrrData.afrr_activation_ratio_down,
    });
    expect(messages(raw)).toEqual([
      'aFRR actual inputs are required for da_plus_afrr: afrr_activation_price_down, afrr_activation_price_up, afrr_activation_ratio_up, afrr_capacity_down',
    ]);
    const noBlock = variant({ workflow: 'da_plus_afrr', data: { day_ahead: { actual_path: 'da.csv' }, ...afrrData } });
    expect(messages(noBlock)).toEqual(['afrr configuration block is required for da_plus_afrr: add a top-level block "afrr: {}" (every field has a default; docs/config.md, afrr)']);
  });

  it('keys off the base workflow of a revision', () => {
    const raw = variant({ workflow: 'schedule_revision', revision: { ...revision, base_workflow: 'da_plus_fcr' } });
    expect(paths(raw)).toEqual(['data.fcr_capacity', 'fcr']);
  });
});

describe('reference rules 10-11: provider fields', () => {
  it('10: a csv provider needs day_ahead_path and the workflow series paths', () => {
    expect(messages(variant({ 'forecast_provider.name': 'csv' }))).toEqual([
      'CSV forecast provider requires day_ahead_path',
    ]);
    const imbalance = variant({
      'forecast_provider.name': 'csv',
      'forecast_provider.day_ahead_path': 'da.csv',
      workflow: 'da_plus_imbalance',
      'data.imbalance': { actual_path: 'imb.csv' },
    });
    expect(messages(imbalance)).toEqual(['CSV forecast provider requires imbalance_path for da_plus_imbalance']);
    const fcr = variant({
      'forecast_provider.name': 'csv',
      'forecast_provider.day_ahead_path': 'da.csv',
      workflow: 'da_plus_fcr',
      fcr: {},
      'data.fcr_capacity': { actual_path: 'fcr.csv' },
    });
    expect(messages(fcr)).toEqual(['CSV forecast provider requires fcr_capacity_path for da_plus_fcr']);
    const afrr = variant({
      'forecast_provider.name': 'csv',
      'forecast_provider.day_ahead_path': 'da.csv',
      'forecast_provider.afrr_capacity_up_path': 'x.csv',
      workflow: 'da_plus_afrr',
      afrr: {},
      data: { day_ahead: { actual_path: 'da.csv' }, ...afrrData },
    });
    expect(messages(afrr)).toEqual([
      'CSV forecast provider requires aFRR paths for da_plus_afrr: afrr_activation_price_down_path, afrr_activation_price_up_path, afrr_activation_ratio_down_path, afrr_activation_ratio_up_path, afrr_capacity_down_path',
    ]);
  });

  it('11: a custom module needs module_path and class_name, named as the user wrote it', () => {
    expect(messages(variant({ 'forecast_provider.name': 'custom_python' }))).toEqual([
      'custom_python forecast provider requires module_path (a JS/TS ES module)',
      'custom_python forecast provider requires class_name (the exported class or factory)',
    ]);
    expect(messages(variant({ 'forecast_provider.name': 'custom_module', 'forecast_provider.class_name': 'F' }))).toEqual([
      'custom_module forecast provider requires module_path (a JS/TS ES module)',
    ]);
  });
});

describe('euroflex rules', () => {
  it('the time zone must be the market adapter one', () => {
    expect(issuesOf(variant({ 'timing.timezone': 'Europe/Amsterdam' }))).toEqual([
      {
        path: 'timing.timezone',
        code: 'timezone_mismatch',
        message: 'Belgium adapter requires timezone=Europe/Brussels (got Europe/Amsterdam)',
      },
    ]);
    expect(messages(variant({ 'market.id': 'netherlands' }))).toEqual([
      'Netherlands adapter requires timezone=Europe/Amsterdam (got Europe/Brussels)',
    ]);
  });

  it('rejects a revision checkpoint that does not exist on a spring DST delivery day', () => {
    const raw = variant({
      workflow: 'schedule_revision',
      revision: { ...revision, revision_checkpoints_local: ['02:30', '12:00'] },
      'timing.delivery_start_date': '2025-03-29',
      'timing.delivery_end_date': '2025-03-31',
    });
    expect(issuesOf(raw)).toEqual([
      {
        path: 'revision.revision_checkpoints_local.0',
        code: 'nonexistent_local_time',
        message:
          'revision checkpoint 02:30 does not exist on 2025-03-30 in Europe/Brussels (spring DST change); choose a time outside the skipped hour',
      },
    ]);
  });

  it('rejects a gate closure that occurs twice on the autumn day before delivery', () => {
    const raw = variant({
      'timing.day_ahead_gate_closure_local': '02:15',
      'timing.delivery_start_date': '2025-10-27',
      'timing.delivery_end_date': '2025-10-27',
    });
    expect(messages(raw)).toEqual([
      'day_ahead_gate_closure_local 02:15 occurs twice on 2025-10-26 in Europe/Brussels (autumn DST change); choose a time outside the repeated hour',
    ]);
    expect(issuesOf(variant({ 'timing.day_ahead_gate_closure_local': '02:15' }))).toEqual([]);
  });

  it('with sequential gates, an overridden reserve gate must precede the day-ahead gate', () => {
    const fcr = {
      workflow: 'da_plus_fcr',
      fcr: {},
      'data.fcr_capacity': { actual_path: 'fcr.csv' },
      'market.gates.fcr': '12:00',
    };
    expect(issuesOf(variant(fcr))).toEqual([
      {
        path: 'market.gates.fcr',
        code: 'gate_order',
        message:
          'market.gates.fcr (12:00) must be before day_ahead_gate_closure_local (12:00) with model.gates=sequential: reserves are awarded before the day-ahead nomination',
      },
    ]);
    expect(issuesOf(variant({ ...fcr, 'market.gates.fcr': '11:59' }))).toEqual([]);
    expect(issuesOf(variant({ ...fcr, 'model.gates': 'single' }))).toEqual([]);
  });

  it('reserve block lengths are positive multiples of 15 that divide 1440', () => {
    const base = { workflow: 'da_plus_fcr', 'data.fcr_capacity': { actual_path: 'fcr.csv' } };
    for (const ok of [15, 60, 240, 1440]) {
      expect(issuesOf(variant({ ...base, fcr: { block_minutes: ok } }))).toEqual([]);
    }
    for (const bad of [0, -15, 50, 75, 105, 2880]) {
      expect(issuesOf(variant({ ...base, fcr: { block_minutes: bad } })).map((issue) => issue.code)).toEqual([
        'invalid_block_minutes',
      ]);
    }
    expect(messages(variant({ afrr: { block_minutes: 100 } }))).toEqual([
      'afrr.block_minutes must be a positive multiple of 15 that divides 1440 (one of 15, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440), got 100',
    ]);
  });
});

describe('warnings', () => {
  it('flags switches that override the reference_v1 profile', () => {
    const raw = variant({ model: { profile: 'reference_v1', soc_carry: 'carry', gates: 'single' } });
    expect(issuesOf(raw)).toEqual([]);
    expect(warningsOf(raw)).toEqual([
      {
        path: 'model.soc_carry',
        code: 'profile_override',
        message:
          'model.soc_carry=carry overrides the reference_v1 default (reset_daily): results no longer reproduce euroflex_bess_lab 1.x',
      },
    ]);
    expect(warningsOf(variant({ model: { soc_carry: 'reset_daily' } }))).toEqual([]);
  });

  it('flags a capacity price published at its own gate (lag 0)', () => {
    const warned = warningsOf(variant({ 'market.publication_lags': { fcr_capacity: 0, afrr_capacity_up: 15 } }));
    expect(warned.map((w) => [w.path, w.code])).toEqual([['market.publication_lags.fcr_capacity', 'price_at_own_gate']]);
    expect(warningsOf(variant({ 'market.publication_lags': { imbalance: 0 } }))).toEqual([]);
  });

  it('flags terminal_soc at_least without any terminal target', () => {
    expect(warningsOf(variant({ 'model.terminal_soc': 'at_least' })).map((w) => w.code)).toEqual(['no_effect']);
    const withTarget = variant({ 'model.terminal_soc': 'at_least', 'assets.0.battery.terminal_soc_mwh': 1 });
    expect(warningsOf(withTarget)).toEqual([]);
  });

  it('flags post-hoc rainflow settlement without a cycle cost', () => {
    expect(warningsOf(variant({ 'degradation.mode': 'rainflow_offline' })).map((w) => w.path)).toEqual([
      'degradation.eur_per_equivalent_cycle',
    ]);
    const zero = variant({ 'degradation.mode': 'rainflow_offline', 'model.rainflow_settlement': 'zero' });
    expect(warningsOf(zero)).toEqual([]);
  });

  it('flags checkpoints too late to revise anything', () => {
    const raw = variant({
      workflow: 'schedule_revision',
      revision: { ...revision, revision_checkpoints_local: ['12:00', '23:30', '23:45'] },
    });
    expect(warningsOf(raw).map((w) => w.path)).toEqual([
      'revision.revision_checkpoints_local.2',
    ]);
  });

  it('flags reserve blocks the workflow ignores and scenario ids no provider reads', () => {
    const raw = variant({ fcr: {}, 'forecast_provider.scenario_id': 'base' });
    expect(issuesOf(raw)).toEqual([]);
    expect(warningsOf(raw).map((w) => [w.path, w.code])).toEqual([
      ['forecast_provider.scenario_id', 'unused_field'],
      ['fcr', 'unused_block'],
    ]);
  });

  it('gives a valid config no warnings', () => {
    expect(warningsOf(validRaw())).toEqual([]);
  });
});
