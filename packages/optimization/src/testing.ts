/**
 * Numbers other layers assert end to end (import from `@euroflex/optimization/testing`).
 *
 * Perfect-foresight da_only objective in EUR of the reference sample day: local delivery
 * day 2025-06-17 (Europe/Brussels, 96 quarter-hours, prices from
 * examples/reference/examples/data/belgium_day_ahead_prices.csv), the single asset of
 * tests/fixtures/example_configs/basic/belgium_da_only_base.yaml (1 MW, SoC band
 * [0.3, 1.8] MWh, 1.0 MWh at start and end, eta 0.95/0.95, 4 EUR/MWh throughput, POI 1 MW),
 * i.e. sum_t 0.25 [p (d - c) - 4 (c + d)]. Checked against an independently formulated LP
 * in src/solver/referenceDay.spec.ts; agreement is to 1e-6 EUR.
 */
export const BELGIUM_DA_ONLY_2025_06_17_OBJECTIVE_EUR = 164.8094736842106;

export { independentDayAheadOptimumEur, independentLpText } from './solver/independentLp';
