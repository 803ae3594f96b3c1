import { parseConfig, type EuroflexConfig } from '@euroflex/config';

/** What a test config varies. */
export interface TestConfigOptions {
  readonly workflow?: string;
  readonly lags?: Record<string, number>;
  /** `forecast_provider`: a name, or the whole block. */
  readonly provider?: string | Record<string, unknown>;
  readonly startDate?: string;
  readonly endDate?: string;
}

/** A valid Belgian config (da_plus_fcr, persistence by default), 2025-06-17, one battery. */
export function testConfig(overrides: TestConfigOptions = {}): EuroflexConfig {
  const raw = {
    schema_version: 4,
    run_name: 'history-days',
    market: { id: 'belgium', publication_lags: overrides.lags ?? {} },
    workflow: overrides.workflow ?? 'da_plus_fcr',
    forecast_provider: typeof overrides.provider === 'object' ? overrides.provider : { name: overrides.provider ?? 'persistence' },
    timing: {
      timezone: 'Europe/Brussels',
      resolution_minutes: 15,
      rebalance_cadence_minutes: 15,
      execution_lock_intervals: 1,
      day_ahead_gate_closure_local: '12:00',
      delivery_start_date: overrides.startDate ?? '2025-06-17',
      delivery_end_date: overrides.endDate ?? '2025-06-17',
    },
    site: { id: 's', poi_import_limit_mw: 1, poi_export_limit_mw: 1 },
    assets: [
      {
        id: 'b',
        kind: 'battery',
        battery: {
          name: 'b', power_mw: 1, energy_mwh: 2, initial_soc_mwh: 1, terminal_soc_mwh: 1, soc_min_mwh: 0.2, soc_max_mwh: 1.9,
          charge_efficiency: 0.95, discharge_efficiency: 0.95, connection_limit_mw: 1, minimum_headroom_mwh: 0.1,
        },
      },
    ],
    degradation: { mode: 'throughput_linear', throughput_cost_eur_per_mwh: 4 },
    data: { day_ahead: { actual_path: '/d/da.csv' }, fcr_capacity: { actual_path: '/d/fcr.csv' } },
    fcr: {
      product_id: 'fcr_symmetric', sustain_duration_minutes: 15, settlement_mode: 'capacity_only', activation_mode: 'none',
      non_delivery_penalty_eur_per_mw: 0, simplified_product_logic: true,
    },
  };
  const parsed = parseConfig(raw, { file: 'history.yaml' });
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return parsed.config;
}
