import { isoUtc } from '@euroflex/markets';
import type { ForecastProvider, ForecastRequest, ForecastSnapshot } from './contract';

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

const WEIGHT_SUM_TOLERANCE = 1e-6;

function firstNonFinite(values: Float64Array): number {
  for (let i = 0; i < values.length; i += 1) {
    if (!Number.isFinite(values[i])) {
      return i;
    }
  }
  return -1;
}

function checkColumn(label: string, values: Float64Array, request: ForecastRequest, fail: (why: string) => never): void {
  if (values.length !== request.deliveryInstantsMs.length) {
    fail(`${label} has ${values.length} values for ${request.deliveryInstantsMs.length} delivery intervals`);
  }
  const bad = firstNonFinite(values);
  if (bad >= 0) {
    fail(`${label} is ${values[bad]} at ${isoUtc(request.deliveryInstantsMs[bad])}`);
  }
}

function checkColumns(
  prefix: string,
  values: Float64Array,
  extra: Readonly<Record<string, Float64Array>> | undefined,
  request: ForecastRequest,
  fail: (why: string) => never,
): void {
  checkColumn(`${prefix}values`, values, request, fail);
  for (const [column, columnValues] of Object.entries(extra ?? {})) {
    checkColumn(`${prefix}extra column ${column}`, columnValues, request, fail);
  }
}

/**
 * The snapshot contract, checked by the engine on every provider answer:
 * - it is for the requested series, with one finite value per requested delivery instant
 *   (extra columns and scenarios too); scenario ids are unique, weights are in [0, 1] and sum to 1 (1e-6);
 * - `issueTimeMs <= availableFromMs`, both finite;
 * - auditable providers: `availableFromMs <= decisionTimeMs` (as-of visibility).
 *
 * @throws SnapshotContractError naming the provider, series, decision and first offence.
 */
export function validateSnapshot(snapshot: ForecastSnapshot, request: ForecastRequest, provider: ForecastProvider): void {
  const fail = (why: string): never => {
    throw new SnapshotContractError(
      `forecast provider ${provider.name} broke the snapshot contract for \`${request.series}\` ` +
        `at decision ${isoUtc(request.decisionTimeMs)}: ${why}`,
    );
  };
  if (snapshot.series !== request.series) {
    fail(`the snapshot is for \`${snapshot.series}\``);
  }
  if (!Number.isFinite(snapshot.issueTimeMs) || !Number.isFinite(snapshot.availableFromMs)) {
    fail(`issue time ${snapshot.issueTimeMs} or available time ${snapshot.availableFromMs} is not a finite instant`);
  }
  if (snapshot.issueTimeMs > snapshot.availableFromMs) {
    fail(`issued at ${isoUtc(snapshot.issueTimeMs)}, after it became available at ${isoUtc(snapshot.availableFromMs)}`);
  }
  if (provider.auditable && snapshot.availableFromMs > request.decisionTimeMs) {
    fail(`available only from ${isoUtc(snapshot.availableFromMs)}, after the decision: that is look-ahead`);
  }
  checkColumns('', snapshot.values, snapshot.extra, request, fail);
  if (snapshot.scenarios !== undefined) {
    let weightSum = 0;
    const ids = new Set<string>();
    for (const scenario of snapshot.scenarios) {
      if (ids.has(scenario.id)) {
        fail(`scenario ${scenario.id} appears twice`);
      }
      ids.add(scenario.id);
      if (!(scenario.weight >= 0 && scenario.weight <= 1)) {
        fail(`scenario ${scenario.id} has weight ${scenario.weight}, outside [0, 1]`);
      }
      weightSum += scenario.weight;
      checkColumns(`scenario ${scenario.id} `, scenario.values, scenario.extra, request, fail);
    }
    if (snapshot.scenarios.length === 0 || Math.abs(weightSum - 1) > WEIGHT_SUM_TOLERANCE) {
      fail(`scenario weights sum to ${weightSum}, not 1`);
    }
  }
}
