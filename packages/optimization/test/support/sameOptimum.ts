/**
 * Two optima of the same problem agree up to the MILP's relative gap (1e-6, so a MILP may stop
 * 1e-6 x |objective| short of the optimum) plus LP tolerances. Fixed-digit comparisons fail
 * spuriously on objectives of a few hundred EUR.
 */
export function expectSameOptimum(actualEur: number, expectedEur: number): void {
  const tolerance = 2e-6 * Math.max(1, Math.abs(actualEur), Math.abs(expectedEur)) + 1e-7;
  expect(Math.abs(actualEur - expectedEur)).toBeLessThanOrEqual(tolerance);
}
