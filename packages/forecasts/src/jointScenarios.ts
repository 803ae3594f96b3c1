import { UserError, type SeriesName } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import type { ForecastSnapshot } from './contract';
import { SCENARIO_WEIGHT_TOLERANCE } from './validateSnapshot';

/** One series' values in one joint scenario. */
export interface JointSeriesValues {
  readonly values: Float64Array;
  readonly extra?: Readonly<Record<string, Float64Array>>;
}

/**
 * One joint outcome of every series of a decision: a scenario id, its probability and, for
 * each series, its values (a deterministic series contributes its point forecast).
 */
export interface JointScenario {
  readonly id: string;
  readonly weight: number;
  readonly series: Readonly<Partial<Record<SeriesName, JointSeriesValues>>>;
}

function describe(snapshot: ForecastSnapshot): string {
  return (snapshot.scenarios ?? []).map((scenario) => `"${scenario.id}" ${scenario.weight}`).join(', ');
}

function mismatch(decisionTimeMs: number, reference: ForecastSnapshot, other: ForecastSnapshot, what: string): UserError {
  const message =
    `at decision ${isoUtc(decisionTimeMs)} the scenario ${what} of \`${reference.series}\` (${describe(reference)}) and ` +
    `\`${other.series}\` (${describe(other)}) differ: a scenario is a joint outcome of every series, so every series ` +
    `with scenarios must use the same scenario ids with the same weights`;
  return new UserError(message, [
    { path: 'forecast_provider.mode', code: 'scenario_mismatch', message, instant: isoUtc(decisionTimeMs) },
  ]);
}

/**
 * Combine the snapshots of one decision (one per series) into joint scenarios.
 *
 * - No snapshot has scenarios: returns undefined (a point decision).
 * - Every snapshot with scenarios must have the same ids with the same weights (within
 *   1e-9); order does not matter, the result follows the first such snapshot.
 * - A snapshot without scenarios is deterministic: every scenario uses its point values.
 *   A scenario without extra columns uses its snapshot's (point) extra columns.
 *
 * @throws UserError naming the decision and the two series whose scenarios differ.
 */
export function jointScenarios(snapshots: readonly ForecastSnapshot[], decisionTimeMs: number): JointScenario[] | undefined {
  const withScenarios = snapshots.filter((snapshot) => snapshot.scenarios !== undefined);
  if (withScenarios.length === 0) {
    return undefined;
  }
  const reference = withScenarios[0];
  const referenceScenarios = reference.scenarios ?? [];
  const byId = new Map<string, number>();
  for (const scenario of referenceScenarios) {
    byId.set(scenario.id, scenario.weight);
  }
  for (const other of withScenarios.slice(1)) {
    const scenarios = other.scenarios ?? [];
    if (scenarios.length !== byId.size || scenarios.some((scenario) => !byId.has(scenario.id))) {
      throw mismatch(decisionTimeMs, reference, other, 'ids');
    }
    if (scenarios.some((scenario) => Math.abs((byId.get(scenario.id) ?? Number.NaN) - scenario.weight) > SCENARIO_WEIGHT_TOLERANCE)) {
      throw mismatch(decisionTimeMs, reference, other, 'weights');
    }
  }
  return referenceScenarios.map((scenario) => {
    const series: Partial<Record<SeriesName, JointSeriesValues>> = {};
    for (const snapshot of snapshots) {
      const own = snapshot.scenarios?.find((candidate) => candidate.id === scenario.id);
      const extra = own?.extra ?? snapshot.extra;
      const values = own?.values ?? snapshot.values;
      series[snapshot.series] = extra === undefined ? { values } : { values, extra };
    }
    return { id: scenario.id, weight: scenario.weight, series };
  });
}
