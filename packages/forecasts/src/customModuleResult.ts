import { UserError, type ForecastMode } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import type { ForecastRequest, ForecastScenario, ForecastSnapshot } from './contract';
import { snapshotProblem } from './validateSnapshot';

/** How a custom module is named in messages and snapshots. */
export interface CustomModuleIdentity {
  /** The exported class or factory name (`forecast_provider.class_name`). */
  readonly className: string;
  /** Absolute path of the module file (`forecast_provider.module_path`). */
  readonly modulePath: string;
}

/** `custom module Name (/abs/path.mjs)`. */
export function describeModule(identity: CustomModuleIdentity): string {
  return `custom module ${identity.className} (${identity.modulePath})`;
}

/** A problem in what the user's module did, naming the module, the series and the decision. */
export function customModuleError(identity: CustomModuleIdentity, request: ForecastRequest, what: string, code: string): UserError {
  const message = `${describeModule(identity)} ${what} for \`${request.series}\` at decision ${isoUtc(request.decisionTimeMs)}`;
  return new UserError(message, [{ path: 'forecast_provider.module_path', code, message, file: identity.modulePath, instant: isoUtc(request.decisionTimeMs) }], identity.modulePath);
}

type Fail = (why: string) => never;

function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

/** Float64Array test that also holds for arrays made in another realm (the module's). */
function isFloat64Array(value: unknown): value is Float64Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Float64Array]';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy as Float64Array, so the module cannot change it after returning. */
function numbersOf(value: unknown, what: string, fail: Fail): Float64Array {
  if (isFloat64Array(value)) {
    return value.slice();
  }
  if (!Array.isArray(value)) {
    return fail(`${what} must be an array of numbers or a Float64Array, not ${describeValue(value)}`);
  }
  const bad = value.findIndex((item) => typeof item !== 'number');
  if (bad >= 0) {
    return fail(`${what}[${bad}] is ${describeValue(value[bad])}, not a number`);
  }
  return Float64Array.from(value as number[]);
}

function extraOf(value: unknown, what: string, fail: Fail): Record<string, Float64Array> | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!isRecord(value)) {
    return fail(`${what} must be an object of columns, not ${describeValue(value)}`);
  }
  return Object.fromEntries(Object.entries(value).map(([column, columnValues]) => [column, numbersOf(columnValues, `${what}.${column}`, fail)]));
}

function timeOf(value: unknown, what: string, fallbackMs: number, fail: Fail): number {
  if (value === undefined) {
    return fallbackMs;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail(`${what} must be UTC epoch milliseconds (a finite number), not ${describeValue(value)}`);
  }
  return value;
}

function scenariosOf(value: unknown, fail: Fail): ForecastScenario[] {
  if (!Array.isArray(value)) {
    return fail(`scenarios must be an array of {id, weight, values}, not ${describeValue(value)}`);
  }
  if (value.length === 0) {
    return fail('returned an empty scenarios list; omit scenarios for a deterministic series');
  }
  return value.map((item: unknown, k) => {
    if (!isRecord(item)) {
      return fail(`scenarios[${k}] must be an object {id, weight, values}, not ${describeValue(item)}`);
    }
    if (typeof item.id !== 'string' || item.id === '') {
      return fail(`scenarios[${k}].id must be a non-empty string, not ${describeValue(item.id)}`);
    }
    if (typeof item.weight !== 'number') {
      return fail(`scenarios[${k}].weight must be a number, not ${describeValue(item.weight)}`);
    }
    const extra = extraOf(item.extra, `scenarios[${k}].extra`, fail);
    const values = numbersOf(item.values, `scenarios[${k}].values`, fail);
    return { id: item.id, weight: item.weight, values, ...(extra === undefined ? {} : { extra }) };
  });
}

function weightedMean(scenarios: readonly ForecastScenario[], count: number): Float64Array {
  const mean = new Float64Array(count);
  for (const scenario of scenarios) {
    for (let i = 0; i < count; i += 1) {
      mean[i] += scenario.weight * scenario.values[i];
    }
  }
  return mean;
}

function meanMismatch(values: Float64Array, mean: Float64Array): number {
  return values.findIndex((value, i) => !(Math.abs(value - mean[i]) <= 1e-9 * Math.max(1, Math.abs(mean[i]))));
}

/**
 * Turn what a custom module returned into a snapshot, or throw a `UserError` naming the
 * module, the series, the decision and the first problem (see `CustomForecastResult`).
 * The snapshot contract (`validateSnapshot`) is checked here, so a module's wrong length,
 * NaN, look-ahead stamp or bad weights read as the user's problem, not an internal error.
 */
export function snapshotFromResult(
  result: unknown,
  request: ForecastRequest,
  identity: CustomModuleIdentity,
  mode: ForecastMode,
): ForecastSnapshot {
  const fail: Fail = (why) => {
    throw customModuleError(identity, request, `returned an invalid forecast (${why})`, 'custom_module_contract');
  };
  if (!isRecord(result)) {
    return fail(`forecast() must return an object {values, ...}, not ${describeValue(result)}`);
  }
  const count = request.deliveryInstantsMs.length;
  const scenarios = result.scenarios === undefined ? undefined : scenariosOf(result.scenarios, fail);
  if (scenarios !== undefined && mode !== 'scenario_bundle') {
    return fail('it has scenarios but forecast_provider.mode is point: set mode: scenario_bundle, or return only values');
  }
  if (result.values === undefined && scenarios === undefined) {
    return fail('values is missing: return one value per delivery instant');
  }
  const given = result.values === undefined ? undefined : numbersOf(result.values, 'values', fail);
  const decisionMs = request.decisionTimeMs;
  const extra = extraOf(result.extra, 'extra', fail);
  const snapshot: ForecastSnapshot = {
    series: request.series,
    provider: `custom_module:${identity.className}`,
    issueTimeMs: timeOf(result.issueTimeMs, 'issueTimeMs', decisionMs, fail),
    availableFromMs: timeOf(result.availableFromMs, 'availableFromMs', decisionMs, fail),
    values: given ?? weightedMean(scenarios ?? [], count),
    ...(extra === undefined ? {} : { extra }),
    ...(scenarios === undefined ? {} : { scenarios }),
  };
  const problem = snapshotProblem(snapshot, request, true);
  if (problem !== undefined) {
    return fail(problem);
  }
  if (given !== undefined && scenarios !== undefined) {
    const mean = weightedMean(scenarios, count);
    const bad = meanMismatch(given, mean);
    if (bad >= 0) {
      return fail(`values[${bad}] is ${given[bad]} but the scenarios' weighted mean there is ${mean[bad]}; omit values or return the mean`);
    }
  }
  return snapshot;
}
