import type { ForecastRequest, ForecastSnapshot } from './contract';
import { snapshotRows, type SnapshotRow } from './snapshotRows';

/** One row of a scenario bundle in the `forecast_snapshots` table: one scenario, one interval. */
export interface ScenarioSnapshotRow extends SnapshotRow {
  readonly scenario_id: string;
  /** Probability of the scenario, in [0, 1]. */
  readonly scenario_weight: number;
}

/**
 * The rows of every scenario of a bundle (scenario-major, then delivery order), each with
 * the scenario's value as `forecast_value` and the same actual as the point rows of
 * `snapshotRows`. Empty for a point snapshot.
 */
export function scenarioSnapshotRows(
  snapshot: ForecastSnapshot,
  request: ForecastRequest,
  decisionId: string,
  actual?: Float64Array,
): ScenarioSnapshotRow[] {
  return (snapshot.scenarios ?? []).flatMap((scenario) =>
    snapshotRows({ ...snapshot, values: scenario.values }, request, decisionId, actual).map((row) => ({
      ...row,
      scenario_id: scenario.id,
      scenario_weight: scenario.weight,
    })),
  );
}
