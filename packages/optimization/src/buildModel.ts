import { defineChargeModeLimits, defineSocBalance, defineSocInitial, defineSocTerminal } from './components/battery/constraints';
import { defineDegradationCost } from './components/battery/objective';
import { defineBatteryVariables } from './components/battery/variables';
import type { BatteryColumns } from './components/battery/variables';
import { defineDayAheadRevenue } from './components/dayAhead/objective';
import { definePoiLimits } from './components/site/constraints';
import type { PoiRows } from './components/site/constraints';
import type { DispatchProblem } from './dispatch/DispatchProblem';
import type { ConstraintFamily, VariableFamily } from './model/families';
import { ModelBuilder } from './model/ModelBuilder';
import type { LinearModel } from './solver/LinearModel';

/** Options of one build. */
export interface BuildOptions {
  /** Per asset, an `IntervalMode` per interval. Defaults to FREE everywhere (a pure LP). */
  readonly modes?: readonly Uint8Array[];
}

/** Where each family sits in the model's columns and rows, for reading a solution. */
export interface DispatchLayout {
  readonly batteries: readonly BatteryColumns[];
  readonly poi: PoiRows;
}

export interface BuiltModel {
  readonly model: LinearModel;
  readonly layout: DispatchLayout;
  readonly families: { readonly variables: VariableFamily[]; readonly constraints: ConstraintFamily[] };
}

/**
 * Builds the dispatch model of spec/model.md. The order below is the table of contents of
 * the model: variables, then constraints per component, then objective terms. Reserves,
 * imbalance and locks slot in as further `define*` calls.
 */
export function buildModel(problem: DispatchProblem, options: BuildOptions = {}): BuiltModel {
  const n = problem.intervalCount;
  const dt = problem.intervalHours;
  const assetCount = problem.assets.length;
  const builder = new ModelBuilder({
    cols: assetCount * (4 * n + 1),
    rows: assetCount * (3 * n + 2) + 2 * n,
    nonzeros: assetCount * 10 * n,
  });

  const batteries = problem.assets.map((asset, a) =>
    defineBatteryVariables(builder, asset, a, n, options.modes?.[a]),
  );

  problem.assets.forEach((asset, a) => {
    const cols = batteries[a];
    defineSocBalance(builder, asset, cols, dt);
    defineSocInitial(builder, asset, cols);
    defineSocTerminal(builder, asset, cols, problem.terminalSoc);
    defineChargeModeLimits(builder, asset, cols);
  });
  const poi = definePoiLimits(builder, problem.site, batteries, n);

  defineDayAheadRevenue(builder, problem.dayAheadPriceEurPerMwh, batteries, dt);
  problem.assets.forEach((asset, a) => defineDegradationCost(builder, asset, batteries[a], dt));

  return { model: builder.build('maximize'), layout: { batteries, poi }, families: builder.families() };
}
