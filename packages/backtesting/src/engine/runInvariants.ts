import { checkPlanInvariants } from '@euroflex/optimization';
import type { BacktestRun } from './backtestRun';
import { oracleTolerance } from './oracle';
import { COMPONENTS, settlementTotals, type SettlementColumnName } from './settlement';
import { dayAheadProblem } from './solveDay';

const SOC_TOLERANCE_MWH = 1e-6;
const MONEY_TOLERANCE_EUR = 1e-9;

const SITE_SUMMED: readonly SettlementColumnName[] = [
  ...COMPONENTS,
  'expected_da_revenue_eur',
  'expected_imbalance_revenue_eur',
  'expected_reserve_capacity_revenue_eur',
  'expected_reserve_activation_revenue_eur',
  'realized_pnl_eur',
  'expected_pnl_eur',
  'throughput_mwh',
];

/**
 * The checks of spec/model.md that must hold on every executed plan, over a whole run:
 * each day's plan against its own problem (balance, bounds, terminal, power, POI, no
 * simultaneous charge and discharge), SoC carried between days as the profile says,
 * every site money column equal to the sum of its assets', PnL equal to its components,
 * and the run not beating its oracle. Returns human-readable violations (empty = valid).
 */
export function checkRunInvariants(run: BacktestRun): string[] {
  const problems: string[] = [];
  const { context } = run;
  let previousEnd: number[] | undefined;
  for (const day of run.days) {
    const startSoc = day.assets.map((asset) => asset.socMwh[0]);
    const problem = dayAheadProblem(context, day.instantsMs, startSoc, day.dayAheadForecastEurPerMwh);
    for (const violation of checkPlanInvariants(problem, { assets: day.assets.map((a, i) => ({ id: context.assets[i].id, ...a })) })) {
      problems.push(`${day.date}: ${violation.message}`);
    }
    const expectedStart =
      context.model.switches.soc_carry === 'carry' && previousEnd !== undefined
        ? previousEnd
        : context.assets.map((asset) => asset.initialSocMwh);
    startSoc.forEach((soc, a) => {
      if (Math.abs(soc - expectedStart[a]) > SOC_TOLERANCE_MWH) {
        problems.push(`${day.date}: ${context.assets[a].id} starts at ${soc} MWh, expected ${expectedStart[a]} (${context.model.switches.soc_carry})`);
      }
    });
    previousEnd = day.assets.map((asset) => asset.socMwh[asset.socMwh.length - 1]);
  }
  const { site, assets } = run.settlement;
  for (const name of SITE_SUMMED) {
    for (let i = 0; i < site[name].length; i += 1) {
      let sum = 0;
      for (const columns of assets) {
        sum += columns[name][i];
      }
      if (sum !== site[name][i]) {
        problems.push(`site ${name}[${i}] = ${site[name][i]} but its assets sum to ${sum}`);
        break;
      }
    }
  }
  for (const columns of [site, ...assets]) {
    for (let i = 0; i < columns.realized_pnl_eur.length; i += 1) {
      const components =
        columns.da_revenue_eur[i] +
        columns.imbalance_revenue_eur[i] +
        columns.reserve_capacity_revenue_eur[i] +
        columns.reserve_activation_revenue_eur[i] -
        columns.reserve_penalty_eur[i] -
        columns.degradation_cost_eur[i];
      if (Math.abs(components - columns.realized_pnl_eur[i]) > MONEY_TOLERANCE_EUR) {
        problems.push(`realized_pnl_eur[${i}] = ${columns.realized_pnl_eur[i]} differs from its components ${components}`);
        break;
      }
    }
  }
  const realized = settlementTotals(site).realized_pnl_eur;
  const oracle = run.oracle.totals.realized_pnl_eur;
  if (realized > oracle + oracleTolerance(realized, oracle)) {
    problems.push(`the run (${realized} EUR) beats its oracle (${oracle} EUR)`);
  }
  return problems;
}
