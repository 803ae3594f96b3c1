import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { capabilityRows, CAPABILITY_RULES, capabilityOf, type CapabilityKey } from './capabilities';
import { renderCapabilitiesMarkdown } from './renderCapabilitiesMarkdown';

const gaPath: CapabilityKey = {
  market: 'belgium',
  workflow: 'schedule_revision:da_plus_afrr',
  scope: 'portfolio',
  provider: 'csv',
  mode: 'point',
};

describe('capability matrix', () => {
  it('has one row per market x workflow x scope x provider x mode', () => {
    expect(capabilityRows()).toHaveLength(2 * 8 * 2 * 4 * 2);
    const keys = new Set(capabilityRows().map((row) => [row.market, row.workflow, row.scope, row.provider, row.mode].join('|')));
    expect(keys.size).toBe(capabilityRows().length);
  });

  it('puts the Belgian portfolio revision over aFRR with persistence or csv on the GA path', () => {
    expect(capabilityOf(gaPath).tier).toBe('ga');
    expect(capabilityOf({ ...gaPath, provider: 'persistence' }).tier).toBe('ga');
    expect(capabilityOf({ ...gaPath, scope: 'single_asset' }).tier).toBe('stable');
    expect(capabilityOf({ ...gaPath, market: 'netherlands' }).tier).toBe('stable');
    expect(capabilityOf({ ...gaPath, workflow: 'da_plus_afrr' }).tier).toBe('stable');
  });

  it('supports every point forecast path, portfolio da_plus_imbalance included', () => {
    const point = capabilityRows().filter((row) => row.mode === 'point');
    expect(point.every((row) => row.supported)).toBe(true);
    expect(capabilityOf({ ...gaPath, workflow: 'da_plus_imbalance' }).tier).toBe('experimental');
    expect(capabilityOf({ ...gaPath, workflow: 'da_plus_imbalance', scope: 'single_asset' }).tier).toBe('stable');
  });

  it('marks perfect foresight as an oracle only', () => {
    const oracle = capabilityRows().filter((row) => row.provider === 'perfect_foresight' && row.mode === 'point');
    expect(oracle.length).toBe(32);
    expect(oracle.every((row) => row.tier === 'oracle_only' && row.supported)).toBe(true);
  });

  it('allows scenario bundles only in Belgium, with csv or custom_module, outside da_plus_imbalance', () => {
    const bundles = capabilityRows().filter((row) => row.mode === 'scenario_bundle' && row.supported);
    // 6 non-imbalance workflows (3 base + 3 revisions) x 2 scopes x 2 providers.
    expect(bundles).toHaveLength(24);
    for (const row of bundles) {
      expect(row.market).toBe('belgium');
      expect(['csv', 'custom_module']).toContain(row.provider);
      expect(row.workflow).not.toMatch(/da_plus_imbalance/);
      expect(row.tier).toBe('experimental');
    }
  });

  it('decides each unsupported point by the first matching rule, in the reference order', () => {
    const key: CapabilityKey = {
      market: 'netherlands',
      workflow: 'da_plus_imbalance',
      scope: 'single_asset',
      provider: 'persistence',
      mode: 'scenario_bundle',
    };
    expect(capabilityOf(key)).toEqual({ supported: false, tier: 'unsupported', note: CAPABILITY_RULES[0].note });
    expect(capabilityOf({ ...key, market: 'belgium' }).note).toBe(CAPABILITY_RULES[1].note);
    expect(capabilityOf({ ...key, market: 'belgium', workflow: 'da_only' }).note).toBe(
      'persistence only supports forecast_provider.mode=point in the current release line',
    );
  });

  it('ends with a catch-all rule', () => {
    const last = CAPABILITY_RULES[CAPABILITY_RULES.length - 1];
    expect([last.markets, last.base, last.revision, last.scopes, last.providers, last.modes]).toEqual(
      Array(6).fill(undefined),
    );
  });
});

describe('docs/capabilities.md', () => {
  it('equals the rendered matrix', () => {
    const file = path.resolve(__dirname, '../../../docs/capabilities.md');
    expect(readFileSync(file, 'utf8')).toBe(renderCapabilitiesMarkdown());
  });
});
