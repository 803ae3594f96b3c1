import type { ExtendedDispatchProblem, ReserveBlocks } from './DispatchProblem';

/** Adds one issue (path, code, message). */
export type IssueSink = (path: string, code: string, message: string) => void;

/** Tolerance on locks above the power limit and on scenario weights summing to 1. */
const LOCK_SLACK_MW = 1e-6;
const WEIGHT_SLACK = 1e-6;

/**
 * Checks a per-interval series: length N, finite, within [min, max]. Returns false when the
 * length is wrong (further checks would index out of range).
 */
export function checkSeries(issue: IssueSink, path: string, label: string, values: Float64Array, n: number, min = -Infinity, max = Infinity): boolean {
  if (values.length !== n) {
    issue(path, 'length_mismatch', `${label} has ${values.length} values for ${n} intervals; give one per interval`);
    return false;
  }
  for (let t = 0; t < n; t++) {
    if (!Number.isFinite(values[t]) || values[t] < min || values[t] > max) {
      const range = min === -Infinity ? '' : max === Infinity ? ` and >= ${min}` : ` and in [${min}, ${max}]`;
      issue(`${path}.${t}`, 'invalid_value', `${label} in interval ${t} is ${values[t]}; it must be finite${range}`);
    }
  }
  return true;
}

/** Every inconsistency of the optional parts of an extended problem. */
export function validateExtensions(problem: ExtendedDispatchProblem, issue: IssueSink): void {
  const n = problem.intervalCount;
  const assetCount = problem.assets.length;
  const { fcr, afrr, imbalance, locks, cycles, scenarios, risk } = problem;
  if (fcr !== undefined) {
    checkBlocks(issue, 'fcr', fcr, n);
    checkSeries(issue, 'fcr.capacityPriceEurPerMwH', 'FCR capacity price', fcr.capacityPriceEurPerMwH, n);
    checkScalar(issue, 'fcr.penaltyEurPerMwH', 'FCR penalty', fcr.penaltyEurPerMwH);
    checkScalar(issue, 'fcr.sustainHours', 'FCR sustain duration', fcr.sustainHours);
    checkAwards(issue, 'fcr.fixedMw', fcr.fixedMw, fcr, assetCount);
  }
  if (afrr !== undefined) {
    checkBlocks(issue, 'afrr', afrr, n);
    checkSeries(issue, 'afrr.capacityUpPriceEurPerMwH', 'aFRR up capacity price', afrr.capacityUpPriceEurPerMwH, n);
    checkSeries(issue, 'afrr.capacityDownPriceEurPerMwH', 'aFRR down capacity price', afrr.capacityDownPriceEurPerMwH, n);
    checkSeries(issue, 'afrr.activationUpPriceEurPerMwh', 'aFRR up activation price', afrr.activationUpPriceEurPerMwh, n);
    checkSeries(issue, 'afrr.activationDownPriceEurPerMwh', 'aFRR down activation price', afrr.activationDownPriceEurPerMwh, n);
    checkSeries(issue, 'afrr.activationUpRatio', 'aFRR up activation ratio', afrr.activationUpRatio, n, 0, 1);
    checkSeries(issue, 'afrr.activationDownRatio', 'aFRR down activation ratio', afrr.activationDownRatio, n, 0, 1);
    if (afrr.downActivationSign !== 1 && afrr.downActivationSign !== -1) {
      issue('afrr.downActivationSign', 'invalid_value', `afrr.downActivationSign must be -1 (bsp_pays) or +1 (bsp_receives), got ${String(afrr.downActivationSign)}`);
    }
    checkScalar(issue, 'afrr.penaltyEurPerMwH', 'aFRR penalty', afrr.penaltyEurPerMwH);
    checkScalar(issue, 'afrr.sustainHours', 'aFRR sustain duration', afrr.sustainHours);
    checkAwards(issue, 'afrr.fixedUpMw', afrr.fixedUpMw, afrr, assetCount);
    checkAwards(issue, 'afrr.fixedDownMw', afrr.fixedDownMw, afrr, assetCount);
  }
  if (imbalance !== undefined) {
    if (imbalance.baseline !== 'free') {
      checkSeries(issue, 'imbalance.baseline', 'the day-ahead nomination', imbalance.baseline, n);
    }
    checkSeries(issue, 'imbalance.surplusPriceEurPerMwh', 'imbalance surplus price', imbalance.surplusPriceEurPerMwh, n);
    checkSeries(issue, 'imbalance.shortagePriceEurPerMwh', 'imbalance shortage price', imbalance.shortagePriceEurPerMwh, n);
  }
  if (locks !== undefined) {
    checkLocks(problem, issue);
  }
  if (cycles !== undefined) {
    if (cycles.dischargeBudgetMwh.length !== assetCount) {
      issue('cycles.dischargeBudgetMwh', 'length_mismatch', `the cycle budget has ${cycles.dischargeBudgetMwh.length} values for ${assetCount} assets; give one per asset (Infinity for none)`);
    } else {
      cycles.dischargeBudgetMwh.forEach((budget, a) => {
        if (!(budget >= 0)) {
          issue(`cycles.dischargeBudgetMwh.${a}`, 'invalid_value', `the cycle budget of ${problem.assets[a].id} is ${budget} MWh; it must be >= 0 (Infinity for none)`);
        }
      });
    }
  }
  if (problem.dayStarts !== undefined) {
    checkDayStarts(problem.dayStarts, n, issue);
  }
  if (scenarios !== undefined) {
    checkScenarios(problem, issue);
  }
  if (risk !== undefined) {
    if (!['expected_value', 'downside_penalty', 'cvar'].includes(risk.mode)) {
      issue('risk.mode', 'invalid_value', `risk.mode must be expected_value, downside_penalty or cvar, got ${String(risk.mode)}`);
    }
    if (!(risk.lambda >= 0) || !Number.isFinite(risk.lambda)) {
      issue('risk.lambda', 'invalid_value', `risk.lambda must be a finite number >= 0, got ${risk.lambda}`);
    }
    if (risk.mode === 'cvar' && !(risk.tailMass > 0 && risk.tailMass <= 1)) {
      issue('risk.tailMass', 'invalid_value', `risk.tailMass (alpha, the tail probability mass) must be in (0, 1], got ${risk.tailMass}; 0.05 averages the worst 5 %`);
    }
  }
}

function checkScalar(issue: IssueSink, path: string, label: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) {
    issue(path, 'invalid_value', `${label} must be a finite number >= 0, got ${value}`);
  }
}

function checkBlocks(issue: IssueSink, path: string, blocks: ReserveBlocks, n: number): void {
  const map = blocks.blockOfInterval;
  if (map.length !== n) {
    issue(`${path}.blockOfInterval`, 'length_mismatch', `${path}.blockOfInterval has ${map.length} entries for ${n} intervals; give the block of every interval`);
    return;
  }
  const ok = map[0] === 0 && map[n - 1] === blocks.blockCount - 1 && map.every((b, t) => t === 0 || b - map[t - 1] === 0 || b - map[t - 1] === 1);
  if (!ok) {
    issue(`${path}.blockOfInterval`, 'invalid_blocks', `${path}.blockOfInterval must run from 0 to blockCount - 1 = ${blocks.blockCount - 1} in steps of 0 or 1 (every block non-empty, in time order)`);
  }
}

function checkAwards(issue: IssueSink, path: string, awards: readonly Float64Array[] | undefined, blocks: ReserveBlocks, assetCount: number): void {
  if (awards === undefined) {
    return;
  }
  if (awards.length !== assetCount) {
    issue(path, 'length_mismatch', `${path} has ${awards.length} entries for ${assetCount} assets; give one per asset`);
    return;
  }
  awards.forEach((values, a) => {
    if (values.length !== blocks.blockCount) {
      issue(`${path}.${a}`, 'length_mismatch', `${path}.${a} has ${values.length} values for ${blocks.blockCount} blocks; give one per block (NaN = free)`);
      return;
    }
    values.forEach((v, b) => {
      if (!Number.isNaN(v) && !(v >= 0 && Number.isFinite(v))) {
        issue(`${path}.${a}.${b}`, 'invalid_value', `the locked award of block ${b} is ${v} MW; it must be >= 0 (NaN = free)`);
      }
    });
  });
}

function checkLocks(problem: ExtendedDispatchProblem, issue: IssueSink): void {
  const locks = problem.locks;
  if (locks === undefined) {
    return;
  }
  const n = problem.intervalCount;
  for (const side of ['chargeMw', 'dischargeMw'] as const) {
    if (locks[side].length !== problem.assets.length || locks[side].some((values) => values.length !== n)) {
      issue(`locks.${side}`, 'length_mismatch', `locks.${side} must hold one array of ${n} values (NaN = free) per asset`);
      return;
    }
  }
  problem.assets.forEach((asset, a) => {
    for (let t = 0; t < n; t++) {
      const c = locks.chargeMw[a][t];
      const d = locks.dischargeMw[a][t];
      for (const [side, value] of [['chargeMw', c], ['dischargeMw', d]] as const) {
        if (!Number.isNaN(value) && !(value >= 0 && value <= asset.powerLimitMw[t] + LOCK_SLACK_MW)) {
          issue(`locks.${side}.${a}.${t}`, 'invalid_value', `${asset.id}: the locked ${side} in interval ${t} is ${value} MW; it must be in [0, ${asset.powerLimitMw[t]}] MW (NaN = free)`);
        }
      }
      if (c > 0 && d > 0) {
        issue(`locks.chargeMw.${a}.${t}`, 'simultaneous_lock', `${asset.id}: interval ${t} is locked to charge ${c} MW and discharge ${d} MW at once; lock the net flow on one side`);
      }
    }
  });
}

function checkScenarios(problem: ExtendedDispatchProblem, issue: IssueSink): void {
  const scenarios = problem.scenarios ?? [];
  const n = problem.intervalCount;
  if (scenarios.length === 0) {
    issue('scenarios', 'empty_bundle', 'scenarios is empty; leave it out for a point forecast');
    return;
  }
  const total = scenarios.reduce((sum, s) => sum + s.weight, 0);
  if (Math.abs(total - 1) > WEIGHT_SLACK) {
    issue('scenarios', 'invalid_weights', `scenario weights sum to ${total}; they must sum to 1`);
  }
  const ids = new Set<string>();
  scenarios.forEach((scenario, k) => {
    const at = `scenarios.${k}`;
    if (ids.has(scenario.id)) {
      issue(`${at}.id`, 'duplicate_scenario', `scenario id '${scenario.id}' appears twice`);
    }
    ids.add(scenario.id);
    if (!(scenario.weight >= 0) || !Number.isFinite(scenario.weight)) {
      issue(`${at}.weight`, 'invalid_weights', `scenario '${scenario.id}' has weight ${scenario.weight}; weights must be >= 0`);
    }
    const series: [keyof typeof scenario, Float64Array | undefined, boolean, number, number][] = [
      ['dayAheadPriceEurPerMwh', scenario.dayAheadPriceEurPerMwh, true, -Infinity, Infinity],
      ['fcrCapacityPriceEurPerMwH', scenario.fcrCapacityPriceEurPerMwH, problem.fcr !== undefined, -Infinity, Infinity],
      ['afrrCapacityUpPriceEurPerMwH', scenario.afrrCapacityUpPriceEurPerMwH, problem.afrr !== undefined, -Infinity, Infinity],
      ['afrrCapacityDownPriceEurPerMwH', scenario.afrrCapacityDownPriceEurPerMwH, problem.afrr !== undefined, -Infinity, Infinity],
      ['afrrActivationUpPriceEurPerMwh', scenario.afrrActivationUpPriceEurPerMwh, problem.afrr !== undefined, -Infinity, Infinity],
      ['afrrActivationDownPriceEurPerMwh', scenario.afrrActivationDownPriceEurPerMwh, problem.afrr !== undefined, -Infinity, Infinity],
      ['afrrActivationUpRatio', scenario.afrrActivationUpRatio, problem.afrr !== undefined, 0, 1],
      ['afrrActivationDownRatio', scenario.afrrActivationDownRatio, problem.afrr !== undefined, 0, 1],
    ];
    for (const [field, values, allowed, min, max] of series) {
      if (values === undefined) {
        continue;
      }
      if (!allowed) {
        issue(`${at}.${field}`, 'unused_series', `scenario '${scenario.id}' sets ${field}, but the problem has no such product; remove it or add the product`);
        continue;
      }
      checkSeries(issue, `${at}.${field}`, `scenario '${scenario.id}' ${field}`, values, n, min, max);
    }
  });
}

/** `dayStarts`: increasing interval indices strictly inside the horizon. */
function checkDayStarts(dayStarts: Int32Array, n: number, issue: IssueSink): void {
  dayStarts.forEach((start, i) => {
    const previous = i === 0 ? 0 : dayStarts[i - 1];
    if (!(start > previous && start < n)) {
      issue(`dayStarts.${i}`, 'invalid_value', `day ${i + 1} starts at interval ${start}; day starts must increase and lie strictly between 0 and ${n}`);
    }
  });
}
