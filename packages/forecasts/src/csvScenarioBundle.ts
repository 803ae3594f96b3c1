import { DataError, UserError, type LabIssue, type SeriesName } from '@euroflex/config';
import { isoUtc } from '@euroflex/markets';
import type { ForecastRequest, ForecastScenario, ForecastSnapshot } from './contract';
import { csvCoverageError } from './csvCoverageError';
import type { ParsedForecastFile } from './forecastFile';
import { latestVintages, type VintagePick } from './latestVintages';
import { SCENARIO_WEIGHT_TOLERANCE } from './validateSnapshot';
import { buildVintageIndex, type VintageIndex } from './vintageIndex';
import { valuesOfRows, vintageStamps } from './vintageStamps';

/** A forecast file split by `scenario_id`, each scenario indexed like a point forecast. */
export interface ScenarioIndexes {
  readonly file: ParsedForecastFile;
  /** Scenario ids in order of first appearance in the file. */
  readonly ids: readonly string[];
  /** One index per id, same order. */
  readonly indexes: readonly VintageIndex[];
}

const SHOWN_ROWS = 20;

function rowsWithoutScenario(file: ParsedForecastFile): LabIssue[] {
  const lines: number[] = [];
  file.scenarioIds.forEach((id, position) => {
    if (id === undefined) {
      lines.push(file.rows[position]);
    }
  });
  const issues: LabIssue[] = lines.slice(0, SHOWN_ROWS).map((row) => ({
    path: 'scenario_id',
    code: 'scenario_id_missing',
    message:
      'this row has no scenario_id while other rows have one; in a scenario bundle every row of a file names its scenario ' +
      '(or no row does, and the series is deterministic)',
    file: file.path,
    row,
  }));
  if (lines.length > SHOWN_ROWS) {
    issues.push({ path: 'scenario_id', code: 'more_issues', message: `${lines.length - SHOWN_ROWS} more rows without scenario_id`, file: file.path });
  }
  return issues;
}

/**
 * Index `file` for `forecast_provider.mode: scenario_bundle`: one vintage index per
 * `scenario_id`. Returns undefined when no row has a scenario id: that series is
 * deterministic (every scenario uses its point forecast).
 *
 * @throws DataError when some rows have a scenario id and others do not, or when two rows of
 *   one scenario share delivery start, issue and available times.
 */
export function buildScenarioIndexes(file: ParsedForecastFile, series: SeriesName): ScenarioIndexes | undefined {
  const ids = [...new Set(file.scenarioIds)];
  if (ids.length === 1 && ids[0] === undefined) {
    return undefined;
  }
  if (ids.includes(undefined)) {
    throw new DataError(rowsWithoutScenario(file), file.path);
  }
  const named = ids as string[];
  return { file, ids: named, indexes: named.map((id) => buildVintageIndex(file, series, id)) };
}

function differentWeightsError(request: ForecastRequest, file: ParsedForecastFile, id: string, rows: readonly number[]): UserError {
  const shown = rows.slice(0, 4).map((row) => `${file.scenarioWeights[row]} on line ${file.rows[row]}`).join(', ');
  const message =
    `${file.path}: scenario "${id}" of \`${request.series}\` has different scenario_weight values among the vintages used at ` +
    `decision ${isoUtc(request.decisionTimeMs)} (${shown}); give every row of a scenario the same weight`;
  return new UserError(message, [{ path: 'scenario_weight', code: 'scenario_weight_inconsistent', message, file: file.path, row: file.rows[rows[1]] }], file.path);
}

/** The one weight of a scenario's chosen rows. */
function weightOf(request: ForecastRequest, file: ParsedForecastFile, id: string, chosen: Int32Array): number {
  const weight = file.scenarioWeights[chosen[0]];
  for (const row of chosen) {
    if (Math.abs(file.scenarioWeights[row] - weight) > SCENARIO_WEIGHT_TOLERANCE) {
      throw differentWeightsError(request, file, id, [chosen[0], row]);
    }
  }
  return weight;
}

function weightSumError(request: ForecastRequest, file: ParsedForecastFile, scenarios: readonly ForecastScenario[], sum: number): UserError {
  const listed = scenarios.map((scenario) => `"${scenario.id}" ${scenario.weight}`).join(', ');
  const message =
    `${file.path}: the scenario weights of \`${request.series}\` at decision ${isoUtc(request.decisionTimeMs)} sum to ${sum}, not 1 ` +
    `(${listed}; tolerance ${SCENARIO_WEIGHT_TOLERANCE}); fix scenario_weight (an empty cell or a missing column reads as 1)`;
  return new UserError(message, [{ path: 'scenario_weight', code: 'scenario_weights_sum', message, file: file.path }], file.path);
}

/** No scenario has a visible vintage: report the instants as the point provider would. */
function noScenarioVisible(request: ForecastRequest, file: ParsedForecastFile, picks: readonly VintagePick[]): UserError {
  const hiddenSomewhere = new Set(picks.flatMap((pick) => pick.hidden));
  const absent = [...request.deliveryInstantsMs].filter((instantMs) => !hiddenSomewhere.has(instantMs));
  const hidden = [...request.deliveryInstantsMs].filter((instantMs) => hiddenSomewhere.has(instantMs));
  const earliestHiddenMs = Math.min(...picks.map((pick) => pick.earliestHiddenMs));
  return csvCoverageError(request, file, absent, hidden, earliestHiddenMs);
}

/**
 * A scenario bundle at one decision. A scenario takes part when at least one requested
 * instant has a vintage of it visible at the decision (a scenario whose rows are all
 * published later does not exist yet). Each taking part must then cover every requested
 * instant with its latest visible vintage, carry one weight, and the weights must sum to 1
 * within 1e-9. `values` is the probability-weighted mean.
 *
 * @throws UserError naming the file, the series, the decision and, for coverage, the scenario.
 */
export function csvScenarioBundle(bundle: ScenarioIndexes, request: ForecastRequest): ForecastSnapshot {
  const { file } = bundle;
  const picks = bundle.indexes.map((index) => latestVintages(index, request));
  const scenarios: ForecastScenario[] = [];
  const usedRows: number[] = [];
  picks.forEach((pick, k) => {
    if (!pick.chosen.some((row) => row >= 0)) {
      return;
    }
    if (pick.absent.length > 0 || pick.hidden.length > 0) {
      throw csvCoverageError(request, file, pick.absent, pick.hidden, pick.earliestHiddenMs, bundle.ids[k]);
    }
    scenarios.push({ id: bundle.ids[k], weight: weightOf(request, file, bundle.ids[k], pick.chosen), values: valuesOfRows(file, pick.chosen) });
    usedRows.push(...pick.chosen);
  });
  const count = request.deliveryInstantsMs.length;
  if (scenarios.length === 0 && count > 0) {
    throw noScenarioVisible(request, file, picks);
  }
  const sum = scenarios.reduce((total, scenario) => total + scenario.weight, 0);
  if (count > 0 && Math.abs(sum - 1) > SCENARIO_WEIGHT_TOLERANCE) {
    throw weightSumError(request, file, scenarios, sum);
  }
  const values = new Float64Array(count);
  for (const scenario of scenarios) {
    for (let i = 0; i < count; i += 1) {
      values[i] += scenario.weight * scenario.values[i];
    }
  }
  return { series: request.series, ...vintageStamps(file, usedRows, request), values, ...(count > 0 ? { scenarios } : {}) };
}
