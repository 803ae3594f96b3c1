import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import loadHighs from 'highs';
import { solveDispatch } from '../dispatch/solveDispatch';
import type { DispatchProblem } from '../dispatch/DispatchProblem';
import { checkPlanInvariants } from '../checks/checkPlanInvariants';
import { BELGIUM_DA_ONLY_2025_06_17_OBJECTIVE_EUR } from '../testing';
import { createSolver } from './createSolver';

const CSV = join(__dirname, '../../../../examples/reference/examples/data/belgium_day_ahead_prices.csv');

/** The 96 prices of local delivery day 2025-06-17 (instants 2025-06-16T22:00Z .. 2025-06-17T21:45Z). */
function referenceDayPrices(): Float64Array {
  const rows = readFileSync(CSV, 'utf8').trim().split('\n').slice(1);
  const from = Date.parse('2025-06-16T22:00:00Z');
  const to = Date.parse('2025-06-17T22:00:00Z');
  const prices = rows
    .map((row) => row.split(','))
    .filter(([utc]) => Date.parse(utc) >= from && Date.parse(utc) < to)
    .map((fields) => Number(fields[4]));
  expect(prices).toHaveLength(96);
  return Float64Array.from(prices);
}

// The single asset of tests/fixtures/example_configs/basic/belgium_da_only_base.yaml:
// power 1 MW (connection 1 MW), SoC band [0.2 + 0.1, 1.9 - 0.1] MWh, 1.0 MWh at start and
// end, eta 0.95/0.95, throughput cost 4 EUR/MWh, POI 1 MW each way.
const referenceProblem = (prices: Float64Array): DispatchProblem => ({
  intervalCount: 96,
  intervalHours: 0.25,
  assets: [
    {
      id: 'be-bess-1',
      powerLimitMw: new Float64Array(96).fill(1),
      socMinMwh: 0.3,
      socMaxMwh: 1.8,
      initialSocMwh: 1,
      terminalSocMwh: 1,
      chargeEfficiency: 0.95,
      dischargeEfficiency: 0.95,
      degradationEurPerMwh: 4,
    },
  ],
  site: { importLimitMw: 1, exportLimitMw: 1 },
  dayAheadPriceEurPerMwh: prices,
  terminalSoc: 'equal',
});

/**
 * The same optimum formulated differently: LP text with only c_t and d_t (no SoC columns),
 * the SoC path as cumulative sums, the POI folded into the bounds, solved by HiGHS' LP
 * reader (`highs.solve`) instead of the CSC path.
 */
function independentLpText(prices: Float64Array): string {
  const terms = (t: number) => `+ 0.2375 c${t} - ${0.25 / 0.95} d${t}`;
  const objective = Array.from(prices, (p, t) => `+ ${0.25 * (p - 4)} d${t} - ${0.25 * (p + 4)} c${t}`).join(' ');
  const rows: string[] = [];
  for (let t = 1; t <= 96; t++) {
    const sum = Array.from({ length: t }, (_, tau) => terms(tau)).join(' ');
    if (t === 96) {
      rows.push(` terminal: ${sum} = 0`);
    } else {
      rows.push(` low${t}: ${sum} >= -0.7`, ` high${t}: ${sum} <= 0.8`);
    }
  }
  const bounds = Array.from(prices, (_, t) => ` 0 <= c${t} <= 1\n 0 <= d${t} <= 1`).join('\n');
  return `Maximize\n obj: ${objective}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds}\nEnd\n`;
}

describe('the reference sample day (Belgium, 2025-06-17, single asset)', () => {
  it('the kernel agrees with an independently formulated LP and with the exported constant', async () => {
    const prices = referenceDayPrices();
    const problem = referenceProblem(prices);
    const solver = await createSolver();
    const result = solveDispatch(solver, problem, { warmStart: false });
    solver.dispose();
    expect(result.status).toBe('optimal');
    expect(result.solvedAs).toBe('lp');
    expect(checkPlanInvariants(problem, result)).toEqual([]);

    const highs = await loadHighs();
    const independent = highs.solve(independentLpText(prices), { output_flag: false });
    expect(independent.Status).toBe('Optimal');
    expect(result.objectiveEur).toBeCloseTo(independent.ObjectiveValue, 6);
    expect(result.objectiveEur).toBeCloseTo(BELGIUM_DA_ONLY_2025_06_17_OBJECTIVE_EUR, 6);
  });
});
