import { closestMatch, editDistance } from './suggest';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions as one edit each', () => {
    expect(editDistance('power_mw', 'power_mw')).toBe(0);
    expect(editDistance('powr_mw', 'power_mw')).toBe(1);
    expect(editDistance('power_mwh', 'power_mw')).toBe(1);
    expect(editDistance('pover_mw', 'power_mw')).toBe(1);
    expect(editDistance('pwoer_mw', 'power_mw')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestMatch', () => {
  const batteryKeys = ['name', 'power_mw', 'energy_mwh', 'terminal_soc_mwh', 'initial_soc_mwh', 'soc_min_mwh'];

  it('suggests the known key a typo was meant to be', () => {
    expect(closestMatch('pwoer_mw', batteryKeys)).toBe('power_mw');
    expect(closestMatch('energy_mw', batteryKeys)).toBe('energy_mwh');
  });

  it('suggests the key that extends a truncated one', () => {
    expect(closestMatch('terminal_soc', batteryKeys)).toBe('terminal_soc_mwh');
  });

  it('suggests nothing for an unrelated key', () => {
    expect(closestMatch('colour', batteryKeys)).toBeUndefined();
  });
});
