import { isoUtc, isRatioInRange, isRatioSeries, RATIO_RANGE_FIX } from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest, ForecastScenario, ForecastSnapshot } from './contract';

/**
 * A snapshot broke the provider contract. That is a bug in the provider (internal error),
 * not a problem with the user's data: the built-in providers report bad data as `UserError`s
 * before they return.
 */
export class SnapshotContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotContractError';
  }
}

/** How far scenario weights may sum from 1 (and, across series, differ from each other). */
export const SCENARIO_WEIGHT_TOLERANCE = 1e-9;

function firstNonFinite(values: Float64Array): number {
  for (let i = 0; i < values.length; i += 1) {
    if (!Number.isFinite(values[i])) {
      return i;
    }
  }
  return -1;
}

function columnProblem(label: string, values: Float64Array, request: ForecastRequest): string | undefined {
  if (values.length !== request.deliveryInstantsMs.length) {
    return `${label} has ${values.length} values for ${request.deliveryInstantsMs.length} delivery intervals`;
  }
  const bad = firstNonFinite(values);
  return bad >= 0 ? `${label} is ${values[bad]} at ${isoUtc(request.deliveryInstantsMs[bad])}` : undefined;
}

/** Activation ratios outside [0, 1], counted, with the first one and the fix. */
function ratioProblem(label: string, values: Float64Array, request: ForecastRequest): string | undefined {
  let count = 0;
  let first = -1;
  for (let i = 0; i < values.length; i += 1) {
    if (!isRatioInRange(values[i])) {
      count += 1;
      first = first < 0 ? i : first;
    }
  }
  if (count === 0) {
    return undefined;
  }
  return (
    `${label} has ${count} activation ratio${count === 1 ? '' : 's'} outside [0, 1] ` +
    `(first: ${values[first]} at ${isoUtc(request.deliveryInstantsMs[first])}); ${RATIO_RANGE_FIX}`
  );
}

function columnsProblem(
  prefix: string,
  values: Float64Array,
  extra: Readonly<Record<string, Float64Array>> | undefined,
  request: ForecastRequest,
): string | undefined {
  let problem = columnProblem(`${prefix}values`, values, request);
  if (problem === undefined && isRatioSeries(request.series)) {
    problem = ratioProblem(`${prefix}values`, values, request);
  }
  for (const [column, columnValues] of Object.entries(extra ?? {})) {
    problem ??= columnProblem(`${prefix}extra column ${column}`, columnValues, request);
  }
  return problem;
}

function scenariosProblem(scenarios: readonly ForecastScenario[], request: ForecastRequest): string | undefined {
  let weightSum = 0;
  const ids = new Set<string>();
  for (const scenario of scenarios) {
    if (typeof scenario.id !== 'string' || scenario.id === '') {
      return `a scenario has id ${JSON.stringify(scenario.id)}; ids are non-empty strings`;
    }
    if (ids.has(scenario.id)) {
      return `scenario ${scenario.id} appears twice`;
    }
    ids.add(scenario.id);
    if (!(scenario.weight >= 0 && scenario.weight <= 1)) {
      return `scenario ${scenario.id} has weight ${scenario.weight}, outside [0, 1]`;
    }
    weightSum += scenario.weight;
    const problem = columnsProblem(`scenario ${scenario.id} `, scenario.values, scenario.extra, request);
    if (problem !== undefined) {
      return problem;
    }
  }
  if (scenarios.length === 0 || Math.abs(weightSum - 1) > SCENARIO_WEIGHT_TOLERANCE) {
    return `scenario weights sum to ${weightSum}, not 1 (tolerance ${SCENARIO_WEIGHT_TOLERANCE})`;
  }
  return undefined;
}

/**
 * The first way `snapshot` breaks the contract (see `validateSnapshot`), or undefined.
 * Scenarios are checked before the point values, because those are their weighted mean.
 */
export function snapshotProblem(snapshot: ForecastSnapshot, request: ForecastRequest, auditable: boolean): string | undefined {
  if (snapshot.series !== request.series) {
    return `the snapshot is for \`${snapshot.series}\``;
  }
  if (!Number.isFinite(snapshot.issueTimeMs) || !Number.isFinite(snapshot.availableFromMs)) {
    return `issue time ${snapshot.issueTimeMs} or available time ${snapshot.availableFromMs} is not a finite instant`;
  }
  if (snapshot.issueTimeMs > snapshot.availableFromMs) {
    return `issued at ${isoUtc(snapshot.issueTimeMs)}, after it became available at ${isoUtc(snapshot.availableFromMs)}`;
  }
  if (auditable && snapshot.availableFromMs > request.decisionTimeMs) {
    return `available only from ${isoUtc(snapshot.availableFromMs)}, after the decision: that is look-ahead`;
  }
  const scenarios = snapshot.scenarios === undefined ? undefined : scenariosProblem(snapshot.scenarios, request);
  return scenarios ?? columnsProblem('', snapshot.values, snapshot.extra, request);
}

/**
 * The snapshot contract, checked by the engine on every provider answer:
 * - it is for the requested series, with one finite value per requested delivery instant
 *   (extra columns and scenarios too), in [0, 1] for the activation ratios; scenario ids are unique non-empty strings, weights
 *   are in [0, 1] and sum to 1 within `SCENARIO_WEIGHT_TOLERANCE` (1e-9);
 * - `issueTimeMs <= availableFromMs`, both finite;
 * - auditable providers: `availableFromMs <= decisionTimeMs` (as-of visibility).
 *
 * @throws SnapshotContractError naming the provider, series, decision and first offence.
 */
export function validateSnapshot(snapshot: ForecastSnapshot, request: ForecastRequest, provider: ForecastProvider): void {
  const problem = snapshotProblem(snapshot, request, provider.auditable);
  if (problem !== undefined) {
    throw new SnapshotContractError(
      `forecast provider ${provider.name} broke the snapshot contract for \`${request.series}\` ` +
        `at decision ${isoUtc(request.decisionTimeMs)}: ${problem}`,
    );
  }
}
