import type { BatteryColumns } from '../components/battery/variables';
import type { ReserveBlockColumns } from '../components/reserve/variables';
import type { DispatchLayout } from '../buildModel';
import type { DispatchProblem } from './DispatchProblem';
import type { DispatchAssetPlan, ReservePlan } from './DispatchResult';
import type { ResolvedProblem } from './resolveProblem';

/**
 * Power below this (MW) is solver noise and is set to exactly 0. Safe for every invariant:
 * it moves the SoC balance by < 1e-9 x dt / etaD MWh, far inside the 1e-6 MWh tolerance.
 */
export const DUST_MW = 1e-9;

/** Everything a solution holds, per asset, before overlaps are repaired. */
export interface PlanParts {
  /** Physical schedule; `socMwh` is the probability-weighted mean over the scenarios' SoC paths. */
  readonly assets: DispatchAssetPlan[];
  /** `[scenario][asset]` SoC paths, when the problem has scenarios. */
  readonly scenarioSocMwh: Float64Array[][] | null;
  /** Per asset, reserves per interval (block values expanded); null without reserves. */
  readonly reserves: ReservePlan[] | null;
  /** The free nomination's copy per asset; null unless the baseline is free. */
  readonly baselineAssets: DispatchAssetPlan[] | null;
}

/** Copies every plan quantity out of the column values and cleans power dust to 0. */
export function readPlan(resolved: ResolvedProblem, layout: DispatchLayout, x: Float64Array): PlanParts {
  const { problem } = resolved;
  const copySoc = problem.assets.map((_, a) => layout.batteries[a].socs.map((soc) => x.slice(soc.offset, soc.offset + soc.count)));
  const assets = problem.assets.map((asset, a) => {
    const cols = layout.batteries[a];
    const paths = copySoc[a];
    let socMwh = paths[0];
    if (paths.length > 1) {
      socMwh = new Float64Array(paths[0].length);
      resolved.scenarios.forEach((scenario, k) => {
        const path = paths[resolved.copyOfScenario[k]];
        for (let i = 0; i < socMwh.length; i++) {
          socMwh[i] += scenario.weight * path[i];
        }
      });
    }
    return { id: asset.id, chargeMw: column(x, cols.charge.offset, cols.charge.count), dischargeMw: column(x, cols.discharge.offset, cols.discharge.count), socMwh };
  });
  const scenarioSocMwh = !resolved.hasScenarios
    ? null
    : resolved.scenarios.map((_, k) => problem.assets.map((__, a) => copySoc[a][resolved.copyOfScenario[k]].slice()));
  const reserves =
    layout.reserves === null
      ? null
      : layout.reserves.map((reserve) => ({
          ...(reserve.fcr !== null ? { fcrMw: expand(x, reserve.fcr) } : {}),
          ...(reserve.up !== null ? { afrrUpMw: expand(x, reserve.up) } : {}),
          ...(reserve.down !== null ? { afrrDownMw: expand(x, reserve.down) } : {}),
        }));
  const baselineAssets = layout.baseline === null ? null : readCopy(problem, layout.baseline, x);
  return { assets, scenarioSocMwh, reserves, baselineAssets };
}

function readCopy(problem: DispatchProblem, copy: readonly BatteryColumns[], x: Float64Array): DispatchAssetPlan[] {
  return problem.assets.map((asset, a) => {
    const cols = copy[a];
    const soc = cols.socs[0];
    return {
      id: asset.id,
      chargeMw: column(x, cols.charge.offset, cols.charge.count),
      dischargeMw: column(x, cols.discharge.offset, cols.discharge.count),
      socMwh: x.slice(soc.offset, soc.offset + soc.count),
    };
  });
}

/** The binaries of one block (battery mode or deviation direction), in the order of its intervals. */
export function readBinaryValues(block: { readonly offset: number; readonly count: number } | null, x: Float64Array): Float64Array {
  return block === null ? new Float64Array(0) : x.slice(block.offset, block.offset + block.count);
}

function column(x: Float64Array, offset: number, count: number): Float64Array {
  return cleanDust(x.slice(offset, offset + count));
}

/** A block variable's value in every interval of its block, dust cleaned. */
function expand(x: Float64Array, cols: ReserveBlockColumns): Float64Array {
  const values = cleanDust(x.slice(cols.block.offset, cols.block.offset + cols.block.count));
  const blockOf = cols.blockOfInterval;
  const out = new Float64Array(blockOf.length);
  for (let t = 0; t < blockOf.length; t++) {
    out[t] = values[blockOf[t]];
  }
  return out;
}

function cleanDust(values: Float64Array): Float64Array {
  for (let t = 0; t < values.length; t++) {
    if (Math.abs(values[t]) < DUST_MW) {
      values[t] = 0;
    }
  }
  return values;
}
