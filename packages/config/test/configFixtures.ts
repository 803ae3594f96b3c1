import { parseConfig, type LabIssue } from '../src';

/** A raw config value as it comes from YAML. */
export type RawConfig = Record<string, unknown>;

/** A small valid config: one Belgian battery, day-ahead only, persistence forecasts. */
export function validRaw(): RawConfig {
  return {
    schema_version: 4,
    run_name: 'test-run',
    market: { id: 'belgium' },
    workflow: 'da_only',
    forecast_provider: { name: 'persistence' },
    timing: { timezone: 'Europe/Brussels', delivery_start_date: '2025-06-17', delivery_end_date: '2025-06-17' },
    site: { id: 'site', poi_import_limit_mw: 2, poi_export_limit_mw: 2 },
    assets: [
      {
        id: 'bess-1',
        battery: {
          power_mw: 1,
          energy_mwh: 2,
          initial_soc_mwh: 1,
          soc_min_mwh: 0.2,
          soc_max_mwh: 1.8,
          charge_efficiency: 0.95,
          discharge_efficiency: 0.95,
        },
      },
    ],
    data: { day_ahead: { actual_path: 'data/day_ahead.csv' } },
  };
}

function container(root: RawConfig, segments: string[]): Record<string, unknown> {
  let node: Record<string, unknown> = root;
  for (const [index, segment] of segments.entries()) {
    if (node[segment] === undefined || node[segment] === null) {
      node[segment] = /^\d+$/.test(segments[index + 1] ?? '') ? [] : {};
    }
    node = node[segment] as Record<string, unknown>;
  }
  return node;
}

/** A copy of `base` with dotted paths set (`assets.0.battery.power_mw`) and others removed. */
export function variant(changes: Record<string, unknown>, removals: string[] = [], base = validRaw()): RawConfig {
  const raw = structuredClone(base);
  for (const [dotted, value] of Object.entries(changes)) {
    const segments = dotted.split('.');
    container(raw, segments.slice(0, -1))[segments[segments.length - 1]] = value;
  }
  for (const dotted of removals) {
    const segments = dotted.split('.');
    delete container(raw, segments.slice(0, -1))[segments[segments.length - 1]];
  }
  return raw;
}

/** The issues of an invalid config (empty when it is valid). */
export function issuesOf(raw: unknown): LabIssue[] {
  const result = parseConfig(raw);
  return result.ok ? [] : result.issues;
}

/** The warnings of a config, valid or not. */
export function warningsOf(raw: unknown): LabIssue[] {
  return parseConfig(raw).warnings;
}
