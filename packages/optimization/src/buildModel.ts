import {
  defineChargeModeLimits,
  defineCycleBudget,
  defineSocBalance,
  defineSocInitial,
  defineSocTerminal,
} from './components/battery/constraints';
import type { ActivationColumns } from './components/battery/constraints';
import { defineDegradationCost } from './components/battery/objective';
import { BASELINE_FAMILIES, BATTERY_FAMILIES } from './components/battery/storageFamilies';
import { defineBatteryVariables } from './components/battery/variables';
import type { BatteryColumns } from './components/battery/variables';
import { defineDayAheadRevenue } from './components/dayAhead/objective';
import { defineDeviationBalance, defineDeviationModeLimits } from './components/imbalance/constraints';
import { deviationBoundsMw } from './components/imbalance/deviationBounds';
import { defineImbalanceRevenue } from './components/imbalance/objective';
import { defineImbalanceVariables } from './components/imbalance/variables';
import type { ImbalanceColumns } from './components/imbalance/variables';
import { defineHeadroomLimits, defineReserveEnergy } from './components/reserve/constraints';
import { defineReserveRevenue } from './components/reserve/objective';
import { defineReserveVariables } from './components/reserve/variables';
import type { ReserveColumns } from './components/reserve/variables';
import { defineScenarioProfit, defineShortfall, defineTailExcess } from './components/risk/constraints';
import { defineRiskObjective } from './components/risk/objective';
import { defineRiskVariables } from './components/risk/variables';
import type { RiskColumns } from './components/risk/variables';
import { definePoiLimits } from './components/site/constraints';
import type { PoiRows } from './components/site/constraints';
import { intervalHoursOf, type ExtendedDispatchProblem } from './dispatch/DispatchProblem';
import { resolveProblem } from './dispatch/resolveProblem';
import type { ResolvedProblem } from './dispatch/resolveProblem';
import type { ConstraintFamily, VariableFamily } from './model/families';
import { ModelBuilder } from './model/ModelBuilder';
import { costSink, ProfitRow } from './model/ProfitSink';
import type { ProfitSink } from './model/ProfitSink';
import type { LinearModel } from './solver/LinearModel';

/** Options of one build: where binaries go (all absent: a pure LP). */
export interface BuildOptions {
  /** Per asset, an `IntervalMode` per interval of the physical schedule. Defaults to FREE everywhere. */
  readonly modes?: readonly Uint8Array[];
  /** Per asset, an `IntervalMode` per interval of the free baseline copy. Defaults to FREE everywhere. */
  readonly baselineModes?: readonly Uint8Array[];
  /** A `DeviationMode` per interval of the imbalance split. Defaults to FREE everywhere. */
  readonly deviationModes?: Uint8Array;
}

/** Where each family sits in the model's columns and rows, for reading a solution. */
export interface DispatchLayout {
  readonly batteries: readonly BatteryColumns[];
  readonly poi: PoiRows;
  /** Per asset; null without reserves. */
  readonly reserves: readonly ReserveColumns[] | null;
  /** The free nomination's copy per asset; null unless the baseline is free. */
  readonly baseline: readonly BatteryColumns[] | null;
  readonly imbalance: ImbalanceColumns | null;
  readonly risk: RiskColumns | null;
}

export interface BuiltModel {
  readonly model: LinearModel;
  readonly layout: DispatchLayout;
  readonly families: { readonly variables: VariableFamily[]; readonly constraints: ConstraintFamily[] };
}

/**
 * Builds the dispatch model of spec/model.md. The order below is the table of contents of
 * the model: variables, then constraints per component, then the objective terms of every
 * scenario, then the risk rows. A workflow's unused product or feature adds nothing.
 */
export function buildModel(problem: ExtendedDispatchProblem, options: BuildOptions = {}): BuiltModel {
  return buildResolvedModel(resolveProblem(problem), options);
}

/** {@link buildModel} for a problem whose defaults are already applied (the solve builds 1-3 models per decision). */
export function buildResolvedModel(resolved: ResolvedProblem, options: BuildOptions = {}): BuiltModel {
  const { problem } = resolved;
  const n = problem.intervalCount;
  const dt = intervalHoursOf(problem);
  const { assets, fcr, afrr, imbalance: imbalanceInput } = problem;
  const copies = resolved.socCopies;
  const builder = new ModelBuilder(capacityOf(resolved));

  // Variables.
  const batteries = assets.map((asset, a) =>
    defineBatteryVariables(builder, BATTERY_FAMILIES, asset, a, n, {
      socCopies: copies,
      ...(options.modes?.[a] !== undefined ? { modes: options.modes[a] } : {}),
      ...(problem.locks !== undefined ? { lockedChargeMw: problem.locks.chargeMw[a], lockedDischargeMw: problem.locks.dischargeMw[a] } : {}),
    }),
  );
  const reserves = fcr === undefined && afrr === undefined ? null : assets.map((asset, a) => defineReserveVariables(builder, asset, a, fcr, afrr));
  const fixedBaseline = imbalanceInput === undefined || imbalanceInput.baseline === 'free' ? null : imbalanceInput.baseline;
  const baseline = imbalanceInput?.baseline !== 'free'
    ? null
    : assets.map((asset, a) =>
        defineBatteryVariables(builder, BASELINE_FAMILIES, asset, a, n, {
          socCopies: [{ scenarioIndex: null, upRatio: null, downRatio: null }],
          ...(options.baselineModes?.[a] !== undefined ? { modes: options.baselineModes[a] } : {}),
        }),
      );
  const bounds = imbalanceInput === undefined ? null : deviationBoundsMw(problem);
  const imbalance = bounds === null ? null : defineImbalanceVariables(builder, bounds, options.deviationModes);
  const risk = resolved.risk === null ? null : defineRiskVariables(builder, resolved.risk, resolved.scenarios.length);

  // Batteries (physical schedule), per SoC copy where the SoC is involved.
  assets.forEach((asset, a) => {
    const cols = batteries[a];
    const reserve = reserves?.[a] ?? null;
    const activation: ActivationColumns | null =
      reserve !== null && reserve.up !== null && reserve.down !== null
        ? { up: reserve.up.block, down: reserve.down.block, blockOfInterval: reserve.up.blockOfInterval }
        : null;
    defineSocBalance(builder, asset, cols, copies, dt, activation);
    defineSocInitial(builder, asset, cols, copies);
    defineSocTerminal(builder, asset, cols, copies, problem.terminalSoc, problem.dayStarts);
    defineChargeModeLimits(builder, asset, cols);
    defineCycleBudget(builder, asset, cols, dt, problem.cycles?.dischargeBudgetMwh[a] ?? Infinity, problem.dayStarts);
  });

  // Reserves: headroom and energy, then the site's POI with reserves.
  if (reserves !== null) {
    assets.forEach((asset, a) => {
      defineHeadroomLimits(builder, asset, batteries[a], reserves[a]);
      defineReserveEnergy(builder, asset, batteries[a], reserves[a], copies, resolved.reserveEnergy, fcr, afrr, problem.reserveEnergyFromSecondInstant === true);
    });
  }
  const poi = definePoiLimits(builder, problem.site, batteries, reserves, n);

  // The free nomination: the same physics, no reserves, no locks, no degradation.
  if (baseline !== null) {
    const shared = [{ scenarioIndex: null, upRatio: null, downRatio: null }];
    assets.forEach((asset, a) => {
      defineSocBalance(builder, asset, baseline[a], shared, dt, null);
      defineSocInitial(builder, asset, baseline[a], shared);
      // Only at N: fewer rules keep the copy a relaxation of every nomination a run can make.
      defineSocTerminal(builder, asset, baseline[a], shared, problem.terminalSoc, undefined);
      defineChargeModeLimits(builder, asset, baseline[a]);
    });
    definePoiLimits(builder, problem.site, baseline, null, n);
  }

  // Imbalance: the deviation from the nomination and its direction binaries.
  if (imbalance !== null && bounds !== null) {
    defineDeviationBalance(builder, imbalance, batteries, baseline ?? fixedBaseline ?? new Float64Array(n));
    defineDeviationModeLimits(builder, imbalance, bounds);
  }

  // Objective: every scenario's money, into the objective (expected value) or into its profit row (risk).
  const weights = resolved.scenarios.map((scenario) => scenario.weight);
  const profitRows = risk === null ? null : weights.map(() => new ProfitRow());
  const sinks: ProfitSink[] = profitRows ?? weights.map((w) => costSink(builder, w));
  resolved.scenarios.forEach((scenario, k) => {
    const sink = sinks[k];
    if (imbalanceInput === undefined) {
      defineDayAheadRevenue(sink, scenario.dayAheadPriceEurPerMwh, batteries, dt);
    } else if (baseline !== null) {
      defineDayAheadRevenue(sink, scenario.dayAheadPriceEurPerMwh, baseline, dt);
    }
    if (imbalance !== null && imbalanceInput !== undefined) {
      defineImbalanceRevenue(sink, imbalance, imbalanceInput, dt);
    }
    if (reserves !== null) {
      defineReserveRevenue(sink, reserves, scenario, fcr, afrr, dt);
    }
    assets.forEach((asset, a) => defineDegradationCost(sink, asset, batteries[a], dt));
  });

  // Risk: scenario profits as rows, then the downside or CVaR terms.
  if (risk !== null && profitRows !== null && resolved.risk !== null) {
    defineScenarioProfit(builder, risk, profitRows);
    defineShortfall(builder, risk, weights);
    defineTailExcess(builder, risk);
    defineRiskObjective(builder, risk, resolved.risk, weights);
  }

  return {
    model: builder.build('maximize'),
    layout: { batteries, poi, reserves, baseline, imbalance, risk },
    families: builder.families(),
  };
}

/** Upper estimates of the model's size, so the builder rarely grows its buffers. */
function capacityOf(resolved: ResolvedProblem): { cols: number; rows: number; nonzeros: number } {
  const { problem } = resolved;
  const n = problem.intervalCount;
  const assets = problem.assets.length;
  const copies = resolved.socCopies.length;
  const reserves = problem.fcr !== undefined || problem.afrr !== undefined ? 1 : 0;
  const baseline = problem.imbalance?.baseline === 'free' ? 1 : 0;
  const imbalance = problem.imbalance === undefined ? 0 : 1;
  const scenarios = resolved.risk === null ? 0 : resolved.scenarios.length;
  return {
    // c, d, m (+ the copy's), SoC per copy, blocks; l, h, z; risk columns.
    cols: assets * ((3 + 3 * baseline) * n + copies * (n + 1) + baseline * (n + 1) + 3 * reserves * n) + imbalance * 3 * n + 2 * scenarios + 1,
    // balance, initial, terminal, mode rows per copy; headroom and energy rows; POI; deviation.
    rows: assets * (copies * (3 * n + 2) + reserves * 4 * n + baseline * (3 * n + 2) + 2) + (2 + 2 * baseline + 3 * imbalance) * n + 3 * scenarios,
    nonzeros:
      assets * (copies * (8 * n + 2) + reserves * 24 * n + baseline * 8 * n) + 6 * assets * n * (1 + baseline) + imbalance * (2 + 2 * assets * (1 + baseline)) * n + scenarios * (scenarios + 4 * assets * n * (1 + baseline) + 6 * assets * n),
  };
}
