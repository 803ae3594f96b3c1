import { readFileSync } from 'node:fs';
import { checkPlanInvariants, solveDispatch } from '../../src';
import type { ExtendedDispatchProblem } from '../../src';
import { canonicalSite } from '../support/problems';
import { expectSameOptimum } from '../support/sameOptimum';
import { sharedSolver } from '../support/sharedSolver';

const solver = sharedSolver();
const DATA = '/work/shared/real-data';

/** `column` of a CSV keyed by `keyColumn` (naive UTC `YYYY-MM-DD HH:MM:SS` or a local block start). */
function csvMap(path: string, keyColumn: number, column: number): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const fields = line.split(',');
    if (fields.length > column) {
      map.set(fields[keyColumn], Number(fields[column]));
    }
  }
  return map;
}

/** The 96 naive-UTC quarter-hour stamps from `startUtc`. */
const quarterHours = (startUtc: string) =>
  Array.from({ length: 96 }, (_, t) => new Date(Date.parse(`${startUtc}Z`) + t * 900_000).toISOString().slice(0, 19).replace('T', ' '));

const pick = (map: Map<string, number>, keys: readonly string[]) =>
  Float64Array.from(keys, (key) => {
    const value = map.get(key);
    if (value === undefined) {
      throw new Error(`no value for ${key}`);
    }
    return value;
  });

describe('real 2024 days, canonical two-battery site', () => {
  // Belgium, Saturday 2024-07-06 (CEST: 2024-07-05 22:00Z ..), day-ahead down to -140 EUR/MWh
  // at 15:00 local, below both burn thresholds (-78.05 and -64.7 EUR/MWh). FCR: the common
  // auction's DE price per local 4-h block, EUR/MW per block / 4 h.
  it('da_plus_fcr on a negative-price day: valid plan, worth at least da_only, binaries where needed = everywhere', () => {
    const stamps = quarterHours('2024-07-05 22:00:00');
    const dayAhead = pick(csvMap(`${DATA}/belgium/dam_prices.csv`, 0, 4), stamps);
    const fcrBlocks = csvMap(`${DATA}/germany/fcr_capacity_2024_4h_techarena_DE_AT_CH_HU_CZ.csv`, 0, 1);
    const blockOfInterval = Int32Array.from({ length: 96 }, (_, t) => Math.floor(t / 16));
    const perBlock = pick(fcrBlocks, [0, 4, 8, 12, 16, 20].map((h) => `2024-07-06 ${String(h).padStart(2, '0')}:00:00`));
    const daOnly = canonicalSite(dayAhead);
    const problem: ExtendedDispatchProblem = {
      ...daOnly,
      fcr: { blockOfInterval, blockCount: 6, capacityPriceEurPerMwH: Float64Array.from(blockOfInterval, (b) => perBlock[b] / 4), penaltyEurPerMwH: 0, sustainHours: 0.25 },
    };
    const result = solveDispatch(solver(), problem);
    expect(result.status).toBe('optimal');
    expect(checkPlanInvariants(problem, result)).toEqual([]);
    expect(result.objectiveEur).toBeGreaterThanOrEqual(solveDispatch(solver(), daOnly).objectiveEur - 1e-6);
    expect(result.terms?.reserveCapacityEur).toBeGreaterThan(0);
    const everywhere = solveDispatch(solver(), problem, { exclusivity: 'always_milp' });
    expectSameOptimum(result.objectiveEur, everywhere.objectiveEur);
  });

  // The Netherlands, Thursday 2024-01-04 (CET: 2024-01-03 23:00Z ..): hourly day-ahead prices,
  // quarter-hourly surplus (long) and shortage (short) prices. The joint oracle must bound every
  // two-stage run: the day-ahead plan followed by its best rebalance.
  it('free nomination on a Dutch day bounds the two-stage run and never burns in either copy', () => {
    const stamps = quarterHours('2024-01-03 23:00:00');
    const dayAhead = pick(csvMap(`${DATA}/netherlands/nl_dayahead_2023-01_to_2025-05_hourly_entsoe.csv`, 1, 2), stamps.map((s) => `${s.slice(0, 14)}00:00`));
    const imbalancePath = `${DATA}/netherlands/nl_imbalance_2024_15min_entsoe_long_short.csv`;
    const prices = { surplusPriceEurPerMwh: pick(csvMap(imbalancePath, 1, 2), stamps), shortagePriceEurPerMwh: pick(csvMap(imbalancePath, 1, 3), stamps) };
    const site = canonicalSite(dayAhead);
    const oracleProblem: ExtendedDispatchProblem = { ...site, imbalance: { baseline: 'free', ...prices } };
    const oracle = solveDispatch(solver(), oracleProblem);
    expect(oracle.status).toBe('optimal');
    expect(checkPlanInvariants(oracleProblem, oracle)).toEqual([]);
    expect(oracle.stats.mipBoundEur ?? oracle.objectiveEur).toBeGreaterThanOrEqual(oracle.objectiveEur - 1e-9);

    const plan = solveDispatch(solver(), site);
    const nomination = new Float64Array(96);
    plan.assets.forEach(({ chargeMw, dischargeMw }) => chargeMw.forEach((c, t) => (nomination[t] += dischargeMw[t] - c)));
    const rebalanceProblem: ExtendedDispatchProblem = { ...site, imbalance: { baseline: nomination, ...prices } };
    const rebalance = solveDispatch(solver(), rebalanceProblem);
    expect(checkPlanInvariants(rebalanceProblem, rebalance)).toEqual([]);
    const twoStageEur = plan.terms?.dayAheadEur ?? Number.NaN;
    expect(twoStageEur + rebalance.objectiveEur).toBeLessThanOrEqual(oracle.objectiveEur + 1e-6 * Math.abs(oracle.objectiveEur));
    // Keeping the nomination (n = b) is one rebalance, so rebalancing never loses.
    expect(twoStageEur + rebalance.objectiveEur).toBeGreaterThanOrEqual(plan.objectiveEur - 1e-6);
  });
});
