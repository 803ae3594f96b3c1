import { INTERVAL_H } from '@euroflex/markets';
import type { BacktestRun } from './backtestRun';
import { blockOfInterval } from './blocks';
import { oracleExcess } from './oracle';
import { COMPONENTS, SETTLEMENT_COLUMNS, settlementTotals } from './settlement';

const SOC_TOLERANCE_MWH = 1e-6;
const POWER_TOLERANCE_MW = 1e-6;
const MONEY_TOLERANCE_EUR = 1e-9;

/**
 * The checks of spec/model.md that must hold on every executed plan, over a whole run
 * (each decision's plan is also checked against its own model when `debugChecks` is on):
 * the realized SoC follows the executed flows and delivered activations within 1e-6 MWh
 * and stays in its band; power limits with reserve headroom; POI limits; no simultaneous
 * charge and discharge; reserves constant per product block; SoC carried between days as
 * the profile says; every site money column equal to the sum of its assets'; PnL equal to
 * its components; and the run not beating its oracle (aFRR non-delivery excepted).
 */
export function checkRunInvariants(run: BacktestRun): string[] {
  const problems: string[] = [];
  const { context } = run;
  const dt = INTERVAL_H;
  const { config, model } = context;
  let previousEnd: number[] | undefined;
  for (const day of run.days) {
    const n = day.instantsMs.length;
    const importMw = new Float64Array(n);
    const exportMw = new Float64Array(n);
    day.assets.forEach((executed, a) => {
      const asset = context.assets[a];
      const id = `${day.date} ${asset.id}`;
      const { chargeMw: c, dischargeMw: d, socMwh: s } = executed;
      const r = executed.fcrMw;
      const u = executed.afrrUpMw;
      const w = executed.afrrDownMw;
      for (let t = 0; t < n; t += 1) {
        const reserve = r?.[t] ?? 0;
        const upCell = ((executed.afrrUpDeliveredMwh?.[t] ?? 0) / asset.dischargeEfficiency);
        const downCell = (executed.afrrDownDeliveredMwh?.[t] ?? 0) * asset.chargeEfficiency;
        if (model.switches.activation_replay === 'actual_ratios') {
          const expected = s[t] + dt * (asset.chargeEfficiency * c[t] - d[t] / asset.dischargeEfficiency) - upCell + downCell;
          if (Math.abs(expected - s[t + 1]) > SOC_TOLERANCE_MWH) {
            problems.push(`${id} t${t}: SoC balance off by ${s[t + 1] - expected} MWh`);
          }
        }
        if (s[t + 1] < asset.socMinMwh - SOC_TOLERANCE_MWH || s[t + 1] > asset.socMaxMwh + SOC_TOLERANCE_MWH) {
          problems.push(`${id} t${t + 1}: SoC ${s[t + 1]} outside [${asset.socMinMwh}, ${asset.socMaxMwh}]`);
        }
        if (c[t] > 1e-9 && d[t] > 1e-9) {
          problems.push(`${id} t${t}: charges ${c[t]} and discharges ${d[t]} MW at once`);
        }
        const limit = executed.powerLimitMw[t] + POWER_TOLERANCE_MW;
        if (c[t] + reserve + (w?.[t] ?? 0) > limit || d[t] + reserve + (u?.[t] ?? 0) > limit) {
          problems.push(`${id} t${t}: power plus reserve headroom exceeds ${executed.powerLimitMw[t]} MW`);
        }
        importMw[t] += c[t] + reserve + (w?.[t] ?? 0);
        exportMw[t] += d[t] + reserve + (u?.[t] ?? 0);
      }
      for (const [name, values, minutes] of [
        ['fcr', r, model.fcr_block_minutes],
        ['afrr_up', u, model.afrr_block_minutes],
        ['afrr_down', w, model.afrr_block_minutes],
      ] as const) {
        if (values === undefined) {
          continue;
        }
        const blocks = blockOfInterval(day.instantsMs, context.timezone, minutes).blockOfInterval;
        for (let t = 1; t < n; t += 1) {
          if (blocks[t] === blocks[t - 1] && values[t] !== values[t - 1]) {
            problems.push(`${id} t${t}: ${name} reserve changes inside its product block`);
            break;
          }
        }
      }
    });
    for (let t = 0; t < n; t += 1) {
      if (importMw[t] > config.site.poi_import_limit_mw + POWER_TOLERANCE_MW || exportMw[t] > config.site.poi_export_limit_mw + POWER_TOLERANCE_MW) {
        problems.push(`${day.date} t${t}: POI limit exceeded (import ${importMw[t]}, export ${exportMw[t]} MW)`);
      }
    }
    const startSoc = day.assets.map((asset) => asset.socMwh[0]);
    const expectedStart =
      model.switches.soc_carry === 'carry' && previousEnd !== undefined ? previousEnd : context.assets.map((asset) => asset.initialSocMwh);
    startSoc.forEach((soc, a) => {
      if (Math.abs(soc - expectedStart[a]) > SOC_TOLERANCE_MWH) {
        problems.push(`${day.date}: ${context.assets[a].id} starts at ${soc} MWh, expected ${expectedStart[a]} (${model.switches.soc_carry})`);
      }
    });
    previousEnd = day.assets.map((asset) => asset.socMwh[asset.socMwh.length - 1]);
  }
  const { site, assets } = run.settlement;
  for (const name of SETTLEMENT_COLUMNS) {
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
      let components = 0;
      for (const name of COMPONENTS) {
        components += name === 'reserve_penalty_eur' || name === 'degradation_cost_eur' ? -columns[name][i] : columns[name][i];
      }
      if (Math.abs(components - columns.realized_pnl_eur[i]) > MONEY_TOLERANCE_EUR) {
        problems.push(`realized_pnl_eur[${i}] = ${columns.realized_pnl_eur[i]} differs from its components ${components}`);
        break;
      }
    }
  }
  const totals = settlementTotals(site);
  const { excessEur, toleranceEur } = oracleExcess(run.context, totals, run.oracle.totals);
  if (excessEur > toleranceEur && !(totals.afrr_non_delivered_mwh > 0)) {
    problems.push(`the run (${totals.realized_pnl_eur} EUR) beats its oracle (${run.oracle.totals.realized_pnl_eur} EUR) by ${excessEur} EUR on the money the oracle bounds`);
  }
  return problems;
}
