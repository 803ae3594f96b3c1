import { validRaw, variant } from '../test/configFixtures';
import { parseConfig } from './parseConfig';
import { resolveModel } from './resolveModel';
import type { EuroflexConfig } from './schema/configShape';
import { PROFILE_DEFAULTS } from './vocabulary';

function configOf(raw: Record<string, unknown>): EuroflexConfig {
  const result = parseConfig(raw);
  if (!result.ok) {
    throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  }
  return result.config;
}

describe('resolveModel', () => {
  it('gives a config that omits everything the strict profile, 240-minute blocks and default solver limits', () => {
    expect(resolveModel(configOf(validRaw()))).toEqual({
      profile: 'strict',
      switches: PROFILE_DEFAULTS.strict,
      fcr_block_minutes: 240,
      afrr_block_minutes: 240,
      solver: { time_limit_seconds: 60, mip_rel_gap: 1e-6 },
    });
  });

  it('takes every switch and 15-minute blocks from reference_v1', () => {
    const model = resolveModel(configOf(variant({ 'model.profile': 'reference_v1' })));
    expect(model.switches).toEqual({
      reserve_energy: 'independent',
      soc_carry: 'reset_daily',
      afrr_down_activation: 'bsp_receives',
      terminal_soc: 'equal',
      imbalance_prices: 'single',
      rainflow_settlement: 'zero',
      gates: 'single',
      activation_replay: 'planned_soc',
      imbalance_nomination: 'day_ahead_only',
    });
    expect([model.fcr_block_minutes, model.afrr_block_minutes]).toEqual([15, 15]);
  });

  it('lets single switches, block lengths and solver limits override the profile', () => {
    const raw = variant({
      model: { profile: 'reference_v1', imbalance_prices: 'dual', terminal_soc: 'at_least' },
      fcr: { block_minutes: 60 },
      solver: { time_limit_seconds: 5, mip_rel_gap: 0.01 },
    });
    const model = resolveModel(configOf(raw));
    expect(model.switches).toEqual({ ...PROFILE_DEFAULTS.reference_v1, imbalance_prices: 'dual', terminal_soc: 'at_least' });
    expect([model.fcr_block_minutes, model.afrr_block_minutes]).toEqual([60, 15]);
    expect(model.solver).toEqual({ time_limit_seconds: 5, mip_rel_gap: 0.01 });
  });

  it('rejects unknown switch values and out-of-range solver limits', () => {
    const result = parseConfig(variant({ 'model.soc_carry': 'keep', solver: { time_limit_seconds: 0, mip_rel_gap: 1 } }));
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      'model.soc_carry',
      'solver.time_limit_seconds',
      'solver.mip_rel_gap',
    ]);
  });
});
