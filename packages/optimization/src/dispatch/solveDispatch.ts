import { UserError } from '@euroflex/config';
import { buildResolvedModel } from '../buildModel';
import { coarseFactorOf, coarsenProblem, coarseSpans, refineDuals, refineModes, refineParts } from './coarseGrid';
import type { BuildOptions } from '../buildModel';
import { IntervalMode } from '../components/battery/intervalMode';
import { DeviationMode } from '../components/imbalance/deviationMode';
import type { Solver } from '../solver/createSolver';
import { isMemoSolver } from '../solver/solveMemo';
import type { SolveResult } from '../solver/SolveResult';
import { assembleResult, type DispatchAttempt } from './assembleResult';
import type { DispatchDuals, ExtendedDispatchResult } from './DispatchResult';
import type { ExtendedDispatchProblem } from './DispatchProblem';
import type { DispatchOptions } from './DispatchOptions';
import { DispatchTally } from './DispatchTally';
import { DecisionMemo, solvesOf } from './decisionMemo';
import { orderModes } from './flatModeOrder';
import { flatRelaxation } from './flatRelaxation';
import { flatMoneyEur, flatWindowOf } from './flatWindow';
import { exclusivityPlan, fixDeviationModes, fixModes, overlapsWhereBinary } from './exclusivity';
import type { ExclusivityPlan } from './exclusivity';
import { readBinaryValues, readPlan } from './readPlan';
import { resolveProblem } from './resolveProblem';
import type { ResolvedProblem } from './resolveProblem';
import { validateDispatchProblem } from './validateDispatchProblem';

/**
 * The dispatch kernel of spec/model.md for every workflow: maximise the (expected or
 * risk-adjusted) money of day-ahead energy, imbalance, reserves and degradation, for one
 * asset or several behind one POI. Solves without battery binaries first and falls back to a
 * MILP with binaries only where simultaneous charge and discharge can pay (exclusivity.ts);
 * the imbalance direction binaries (where pSHO < pSUR) are in every solve. After a MILP, the
 * LP with the chosen modes fixed gives an exact, overlap-free plan and the POI duals.
 * Throws a UserError for an inconsistent problem; infeasibility is a status.
 */
export function solveDispatch(solver: Solver, problem: ExtendedDispatchProblem, options: DispatchOptions = {}): ExtendedDispatchResult {
  if (options.memo !== true || !isMemoSolver(solver)) {
    return decide(solver, problem, options).result;
  }
  // A memo solver also keeps whole decisions (decisionMemo.ts).
  const decisions = solver.attachment('decisions', () => new DecisionMemo());
  const known = decisions.take(problem, options);
  if (known !== undefined) {
    solver.countAnswers(solvesOf(known));
    return known;
  }
  const { result, tally } = decide(solver, problem, options);
  if (tally.allKept) {
    decisions.keep(problem, options, result);
  }
  return result;
}

/** One decision, and the tally of its solves. */
function decide(solver: Solver, problem: ExtendedDispatchProblem, options: DispatchOptions): { result: ExtendedDispatchResult; tally: DispatchTally } {
  const issues = validateDispatchProblem(problem);
  if (issues.length > 0) {
    throw new UserError(`dispatch problem is invalid: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  }
  const resolved = resolveProblem(problem);
  const tally = new DispatchTally(solver, {
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.mipRelGap !== undefined ? { mipRelGap: options.mipRelGap } : {}),
    ...(options.warmStart !== undefined ? { warmStart: options.warmStart } : {}),
    ...(options.mipMaxNodes !== undefined ? { mipMaxNodes: options.mipMaxNodes } : {}),
    ...(options.mipRootHeuristic !== undefined ? { mipRootHeuristic: options.mipRootHeuristic } : {}),
    ...(options.memo !== undefined ? { memo: options.memo } : {}),
  });
  const alwaysMilp = options.exclusivity === 'always_milp';
  if (!alwaysMilp && options.coarseGrid !== false) {
    const coarse = solveOnCoarseGrid(tally, resolved);
    if (coarse !== null) {
      return { result: coarse, tally };
    }
  }
  const eligible = exclusivityPlan(resolved, alwaysMilp);
  const free = (modes: readonly Uint8Array[] | null) => modes?.map((m) => new Uint8Array(m.length)) ?? null;
  let attempt = solveWithModes(tally, resolved, alwaysMilp ? eligible : { battery: free(eligible.battery) ?? [], baseline: free(eligible.baseline), deviation: eligible.deviation });
  if ('failure' in attempt) {
    return { result: attempt.failure, tally };
  }
  const overlaps =
    overlapsWhereBinary(eligible.battery, attempt.parts.assets) ||
    (eligible.baseline !== null && attempt.parts.baselineAssets !== null && overlapsWhereBinary(eligible.baseline, attempt.parts.baselineAssets));
  if (!alwaysMilp && overlaps) {
    attempt = (options.flatWindows !== false ? solveFlatWindow(tally, resolved, eligible) : null) ?? solveWithModes(tally, resolved, eligible);
    if ('failure' in attempt) {
      return { result: attempt.failure, tally };
    }
  }
  return { result: assembleResult(resolved, attempt, tally), tally };
}

/**
 * The decision on the coarse grid (coarseGrid.ts), refined to the problem's grid: its LP, or,
 * when that LP charges and discharges at once where burning can pay, the exclusivity MILP on
 * the mixed grid (the groups where burning can pay at full resolution with their binaries,
 * the others merged). Null, and the caller solves on the fine grid, when the problem has no
 * coarse grid, a solve fails, or every group would need its binaries (the fine problem,
 * where a flat window can be answered by its relaxation).
 */
function solveOnCoarseGrid(tally: DispatchTally, resolved: ResolvedProblem): ExtendedDispatchResult | null {
  const { problem } = resolved;
  const k = coarseFactorOf(problem);
  if (k === 1) {
    return null;
  }
  const spans = coarseSpans(problem.intervalCount, k);
  const coarse = resolveProblem(coarsenProblem(problem, spans));
  const eligible = exclusivityPlan(coarse, false);
  const free = eligible.battery.map((m) => new Uint8Array(m.length));
  const lp = solveWithModes(tally, coarse, { battery: free, baseline: null, deviation: null });
  if ('failure' in lp) {
    return null;
  }
  if (!overlapsWhereBinary(eligible.battery, lp.parts.assets)) {
    tally.markCoarseGrid(k);
    return refined(resolved, lp, spans, tally);
  }
  const binaryGroups = (g: number) => eligible.battery.some((modes) => modes[g] === IntervalMode.BINARY);
  let mergeable = false;
  for (let g = 0; g < coarse.problem.intervalCount && !mergeable; g++) {
    mergeable = !binaryGroups(g);
  }
  if (!mergeable) {
    return null;
  }
  const mixedSpans = coarseSpans(problem.intervalCount, k, binaryGroups);
  const mixed = resolveProblem(coarsenProblem(problem, mixedSpans));
  const milp = solveWithModes(tally, mixed, exclusivityPlan(mixed, false));
  if ('failure' in milp) {
    return null;
  }
  tally.markCoarseGrid(k);
  return refined(resolved, milp, mixedSpans, tally);
}

/** A coarse or mixed grid's attempt as the fine problem's result. */
function refined(resolved: ResolvedProblem, attempt: DispatchAttempt, spans: Int32Array, tally: DispatchTally): ExtendedDispatchResult {
  const modes: ExclusivityPlan = { battery: attempt.modes.battery.map((m) => refineModes(m, spans)), baseline: null, deviation: null };
  return assembleResult(resolved, { parts: refineParts(attempt.parts, spans), modes, status: attempt.status, duals: refineDuals(attempt.duals, spans) }, tally);
}

function solveWithModes(
  tally: DispatchTally,
  resolved: ResolvedProblem,
  modes: ExclusivityPlan,
): DispatchAttempt | { failure: ExtendedDispatchResult } {
  if (!hasBinary(modes)) {
    const lp = buildResolvedModel(resolved, buildOptionsOf(modes));
    const result = tally.solve(lp.model);
    if (result.status !== 'optimal') {
      return { failure: tally.failure(result) };
    }
    return { parts: readPlan(resolved, lp.layout, result.x), modes, status: result.status, duals: poiDuals(lp.layout.poi, result) };
  }
  const milp = buildResolvedModel(resolved, buildOptionsOf(modes));
  const milpResult = tally.solve(milp.model);
  if (!milpResult.hasSolution) {
    return { failure: tally.failure(milpResult) };
  }
  const x = milpResult.x;
  const { layout } = milp;
  const fixed: ExclusivityPlan = {
    battery: modes.battery.map((m, a) => fixModes(m, readBinaryValues(layout.batteries[a].mode, x))),
    baseline: modes.baseline?.map((m, a) => fixModes(m, readBinaryValues(layout.baseline?.[a].mode ?? null, x))) ?? null,
    deviation: modes.deviation === null ? null : fixDeviationModes(modes.deviation, readBinaryValues(layout.imbalance?.direction ?? null, x)),
  };
  const lp = buildResolvedModel(resolved, buildOptionsOf(fixed));
  const result = tally.solve(lp.model);
  if (result.status !== 'optimal') {
    return { failure: tally.failure(result) };
  }
  const status = milpResult.status === 'optimal' ? result.status : milpResult.status;
  return { parts: readPlan(resolved, lp.layout, result.x), modes: fixed, status, duals: poiDuals(lp.layout.poi, result) };
}

/** Relative tolerance of "the plan reached the relaxation's bound". */
const FLAT_WINDOW_REL_TOLERANCE = 1e-7;

/**
 * The exclusivity MILP of a flat window answered exactly (flatWindow.ts): the relaxation's
 * MILP (proven optimal, whatever the decision's node limit), its modes laid out in time, the
 * LP with those modes fixed. Null, and the caller solves the MILP, when the window is not flat
 * or the plan falls short of the relaxation's bound.
 */
function solveFlatWindow(tally: DispatchTally, resolved: ResolvedProblem, eligible: ExclusivityPlan): DispatchAttempt | null {
  const window = flatWindowOf(resolved);
  if (window === null) {
    return null;
  }
  const relaxation = flatRelaxation(window);
  const bound = tally.solve(relaxation.model, { mipMaxNodes: undefined, mipRootHeuristic: false, mipRelGap: 0 });
  if (bound.status !== 'optimal') {
    return null;
  }
  const modes = orderModes(window, relaxation, bound.x);
  if (modes === null) {
    return null;
  }
  const attempt = solveWithModes(tally, resolved, { battery: modes, baseline: null, deviation: eligible.deviation });
  if ('failure' in attempt) {
    return null;
  }
  const shortfall = bound.objective - flatMoneyEur(window, attempt.parts.assets);
  if (shortfall > FLAT_WINDOW_REL_TOLERANCE * Math.max(1, Math.abs(bound.objective))) {
    return null;
  }
  tally.markFlatWindow();
  return attempt;
}

function hasBinary(modes: ExclusivityPlan): boolean {
  const any = (list: readonly Uint8Array[] | null) => list?.some((m) => m.includes(IntervalMode.BINARY)) ?? false;
  return any(modes.battery) || any(modes.baseline) || (modes.deviation?.includes(DeviationMode.BINARY) ?? false);
}

function buildOptionsOf(modes: ExclusivityPlan): BuildOptions {
  return {
    modes: modes.battery,
    ...(modes.baseline !== null ? { baselineModes: modes.baseline } : {}),
    ...(modes.deviation !== null ? { deviationModes: modes.deviation } : {}),
  };
}

function poiDuals(poi: { importLimit: { offset: number; count: number }; exportLimit: { offset: number; count: number } }, result: SolveResult): DispatchDuals | undefined {
  const dual = result.rowDual;
  if (dual === undefined) {
    return undefined;
  }
  const { importLimit, exportLimit } = poi;
  return {
    poiImportEurPerMw: dual.slice(importLimit.offset, importLimit.offset + importLimit.count),
    poiExportEurPerMw: dual.slice(exportLimit.offset, exportLimit.offset + exportLimit.count),
  };
}
