import { issuesOf, variant } from '../../test/configFixtures';

function found(changes: Record<string, unknown>): [string, string][] {
  return issuesOf(variant(changes)).map((issue) => [issue.path, issue.message]);
}

describe('battery rules', () => {
  const battery = 'assets.0.battery';

  it('the SoC band is ordered and within the energy rating', () => {
    expect(found({ [`${battery}.soc_min_mwh`]: 1.8 })).toEqual([
      [`${battery}.soc_min_mwh`, 'soc_min_mwh must be smaller than soc_max_mwh (1.8 >= 1.8)'],
    ]);
    expect(found({ [`${battery}.soc_max_mwh`]: 2.1 })).toEqual([
      [`${battery}.soc_max_mwh`, 'soc_max_mwh cannot exceed energy_mwh (2.1 > 2)'],
    ]);
  });

  it('initial and terminal SoC lie within the bounds', () => {
    expect(found({ [`${battery}.initial_soc_mwh`]: 0.1, [`${battery}.terminal_soc_mwh`]: 1.9 })).toEqual([
      [`${battery}.initial_soc_mwh`, 'initial_soc_mwh must be within SOC bounds [0.2, 1.8] (got 0.1)'],
      [`${battery}.terminal_soc_mwh`, 'terminal_soc_mwh must be within SOC bounds [0.2, 1.8] (got 1.9)'],
    ]);
  });

  it('the headroom leaves a band that holds the initial and terminal SoC', () => {
    expect(found({ [`${battery}.minimum_headroom_mwh`]: 0.8 })).toEqual([
      [
        `${battery}.minimum_headroom_mwh`,
        'minimum_headroom_mwh leaves no feasible SOC band: 2 x 0.8 >= 1.8 - 0.2; lower the headroom or widen the band',
      ],
    ]);
    // band [0.3, 1.7]: initial 1 fits, terminal 0.25 does not.
    expect(found({ [`${battery}.minimum_headroom_mwh`]: 0.1, [`${battery}.terminal_soc_mwh`]: 0.25 })).toEqual([
      [
        `${battery}.terminal_soc_mwh`,
        'terminal_soc_mwh must remain feasible after headroom is applied: 0.25 is outside [0.3, 1.7]',
      ],
    ]);
  });

  it('efficiencies are in (0, 1] and power is positive', () => {
    expect(found({ [`${battery}.charge_efficiency`]: 1.05, [`${battery}.power_mw`]: 0 }).map(([p]) => p)).toEqual([
      `${battery}.power_mw`,
      `${battery}.charge_efficiency`,
    ]);
    expect(found({ [`${battery}.discharge_efficiency`]: 1 })).toEqual([]);
  });
});

describe('outages', () => {
  const outages = 'assets.0.battery.availability.outages';

  it('accepts windows with offsets and defaults the factor to a full outage', () => {
    const raw = variant({ [outages]: [{ start: '2025-06-17T10:00:00+02:00', end: '2025-06-17T09:00:00Z' }] });
    expect(issuesOf(raw)).toEqual([]);
  });

  it('rejects naive times and windows that end before they start', () => {
    const raw = variant({
      [outages]: [
        { start: '2025-06-17T10:00:00', end: '2025-06-17T12:00:00Z', availability_factor: 0.5 },
        { start: '2025-06-17T10:00:00Z', end: '2025-06-17T11:00:00+02:00' },
        { start: '2025-06-17T10:00:00Z', end: '2025-06-17T11:00:00Z', availability_factor: 1.5 },
      ],
    });
    expect(issuesOf(raw).map((issue) => [issue.path, issue.code])).toEqual([
      [`${outages}.0.start`, 'invalid_datetime'],
      [`${outages}.1.end`, 'invalid_window'],
      [`${outages}.2.availability_factor`, 'too_big'],
    ]);
    expect(issuesOf(raw)[1].message).toContain('Availability windows must have end > start');
  });
});

describe('timing rules', () => {
  it('supports only 15-minute resolution', () => {
    expect(found({ 'timing.resolution_minutes': 30 })).toEqual([
      [
        'timing.resolution_minutes',
        'euroflex currently supports only 15-minute market resolution (got 30); set resolution_minutes: 15',
      ],
    ]);
    expect(found({ 'timing.resolution_minutes': 5 })).toEqual([['timing.resolution_minutes', 'Must be >= 15 (got 5)']]);
  });

  it('rebalances on a multiple of 15 minutes', () => {
    expect(found({ 'timing.rebalance_cadence_minutes': 20 })).toEqual([
      ['timing.rebalance_cadence_minutes', 'rebalance_cadence_minutes must be a multiple of 15 (got 20)'],
    ]);
  });

  it('ends delivery on or after its start', () => {
    expect(found({ 'timing.delivery_end_date': '2025-06-16' })).toEqual([
      [
        'timing.delivery_end_date',
        'delivery_end_date must be on or after delivery_start_date (2025-06-16 is before 2025-06-17)',
      ],
    ]);
  });

  it.each(['24:00', '7:00', 'ab:cd'])('rejects gate closure %s', (hhmm) => {
    expect(issuesOf(variant({ 'timing.day_ahead_gate_closure_local': hhmm })).map((issue) => issue.code)).toEqual([
      'invalid_hhmm',
    ]);
  });

  it.each(['00:00', '23:59'])('accepts gate closure %s', (hhmm) => {
    expect(issuesOf(variant({ 'timing.day_ahead_gate_closure_local': hhmm }))).toEqual([]);
  });
});

describe('degradation and risk rules', () => {
  it('needs the cost parameter of its mode', () => {
    expect(found({ 'degradation.throughput_cost_eur_per_mwh': null })).toEqual([
      [
        'degradation.throughput_cost_eur_per_mwh',
        'throughput_cost_eur_per_mwh is required for throughput_linear degradation; set a number >= 0',
      ],
    ]);
    expect(found({ 'degradation.mode': 'equivalent_cycle_linear' })).toEqual([
      [
        'degradation.eur_per_equivalent_cycle',
        'eur_per_equivalent_cycle is required for equivalent_cycle_linear degradation; set a number >= 0',
      ],
    ]);
    expect(found({ 'degradation.max_cycles_per_day': 0 })).toEqual([
      ['degradation.max_cycles_per_day', 'Must be > 0 (got 0)'],
    ]);
  });

  it('ties tail_alpha to the cvar modes', () => {
    expect(found({ 'risk.mode': 'cvar_lite' }).map(([, message]) => message)).toContainEqual(
      expect.stringContaining('tail_alpha is required when risk.mode is cvar_lite'),
    );
    expect(found({ 'risk.tail_alpha': 0.1 }).map(([, message]) => message)).toContainEqual(
      expect.stringContaining('tail_alpha is only valid when risk.mode is cvar_lite'),
    );
    expect(found({ 'risk.mode': 'cvar', 'risk.tail_alpha': 1 }).map(([path]) => path)).toEqual(['risk.tail_alpha']);
  });
});

describe('revision rules', () => {
  function revisionIssues(revision: Record<string, unknown>): [string, string][] {
    const checkpoints = { base_workflow: 'da_only', revision_checkpoints_local: ['06:00'] };
    return found({ workflow: 'schedule_revision', revision: { ...checkpoints, ...revision } });
  }

  it('needs at least one unique, ascending HH:MM checkpoint', () => {
    expect(revisionIssues({ revision_checkpoints_local: [] })).toEqual([
      [
        'revision.revision_checkpoints_local',
        'revision_checkpoints_local must contain at least one checkpoint, e.g. ["06:00", "12:00"]',
      ],
    ]);
    expect(revisionIssues({ revision_checkpoints_local: ['06:00', '6:30'] })).toEqual([
      [
        'revision.revision_checkpoints_local.1',
        'revision_checkpoints_local entries must use HH:MM format (two digits each, 00:00 to 23:59), got "6:30"',
      ],
    ]);
    expect(revisionIssues({ revision_checkpoints_local: ['06:00', '06:00'] })).toEqual([
      ['revision.revision_checkpoints_local', 'revision_checkpoints_local entries must be unique (repeated: 06:00)'],
    ]);
    expect(revisionIssues({ revision_checkpoints_local: ['12:00', '06:00'] })).toEqual([
      [
        'revision.revision_checkpoints_local',
        'revision_checkpoints_local must be strictly ascending in local clock order (got 12:00, 06:00)',
      ],
    ]);
  });

  it('keeps reserve and day-ahead commitments locked', () => {
    expect(revisionIssues({ allow_fcr_revision: true, allow_afrr_revision: true }).map(([, m]) => m)).toEqual([
      'allow_fcr_revision must remain false in the current release line: reserve awards are locked once committed',
      'allow_afrr_revision must remain false in the current release line: reserve awards are locked once committed',
    ]);
    expect(revisionIssues({ allow_day_ahead_revision: true })).toEqual([
      ['revision.allow_day_ahead_revision', 'Input should be false'],
    ]);
  });
});

describe('market blocks', () => {
  it('accepts publication lags per series and reserve gates', () => {
    const raw = variant({ 'market.publication_lags': { day_ahead: 60, imbalance: 15 }, 'market.gates': { fcr: '08:00' } });
    expect(issuesOf(raw)).toEqual([]);
  });

  it('rejects unknown series, negative lags and bad gate times', () => {
    const raw = variant({ 'market.publication_lags': { day_ahaed: 60, imbalance: -5 }, 'market.gates': { afrr: '9:00' } });
    expect(issuesOf(raw).map((issue) => [issue.path, issue.code])).toEqual([
      ['market.publication_lags.imbalance', 'too_small'],
      ['market.publication_lags.day_ahaed', 'unrecognized_key'],
      ['market.gates.afrr', 'invalid_hhmm'],
    ]);
    expect(issuesOf(raw)[1].message).toBe('Unknown key `day_ahaed`; did you mean `day_ahead`?');
  });
});
