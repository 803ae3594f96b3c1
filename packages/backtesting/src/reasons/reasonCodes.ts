/**
 * The reason codes of the decision tree (docs/reason-codes.md), in tree order: the first
 * code whose rule matches an interval wins. `blocked_by_site_poi_limit` exists at site level only.
 */
export const REASON_CODES = [
  'blocked_by_site_poi_limit',
  'reserve_capacity_commitment',
  'charge_for_da_spread',
  'discharge_for_da_spread',
  'charge_for_imbalance',
  'discharge_for_imbalance',
  'blocked_by_soc_limit',
  'blocked_by_connection_limit',
  'idle_due_to_efficiency_or_degradation',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** Codes an asset can get (every code except the site's POI code), in tree order. */
export const ASSET_REASON_CODES: readonly ReasonCode[] = REASON_CODES.filter((code) => code !== 'blocked_by_site_poi_limit');

/**
 * Tolerances of the tree. A flow, reserve or deviation counts when it exceeds `powerMw`; a SoC
 * is at a bound within `socMwh`; a POI shadow price is nonzero above `dualEurPerMw`.
 */
export interface ReasonTolerances {
  /** MW. Defaults to 1e-6. */
  readonly powerMw: number;
  /** MWh. Defaults to 1e-6. */
  readonly socMwh: number;
  /** EUR per MW of POI limit per interval. Defaults to 1e-6. */
  readonly dualEurPerMw: number;
}

export const DEFAULT_REASON_TOLERANCES: ReasonTolerances = { powerMw: 1e-6, socMwh: 1e-6, dualEurPerMw: 1e-6 };

/**
 * How often each code occurs, keyed by code in alphabetical order (as `reason_code_counts`
 * of summary.json); codes that never occur are left out.
 */
export function reasonCodeCounts(codes: readonly ReasonCode[]): Partial<Record<ReasonCode, number>> {
  const counts = new Map<ReasonCode, number>();
  for (const code of codes) {
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const out: Partial<Record<ReasonCode, number>> = {};
  for (const code of [...counts.keys()].sort()) {
    out[code] = counts.get(code);
  }
  return out;
}
