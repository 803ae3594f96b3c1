// Solver adapter (the only code that talks to HiGHS).
export { createSolver, DEFAULT_MIP_REL_GAP } from './solver/createSolver';
export type { Solver, CreateSolverOptions } from './solver/createSolver';
export { compileHighs } from './solver/compileHighs';
export type { HighsCode } from './solver/compileHighs';
export type { WasmModule } from './solver/webAssembly';
export { WASM_TIERING_BUDGET, type SolverWorkload } from './solver/wasmTiering';
export { memoSolver } from './solver/solveMemo';
export type { MemoSolver } from './solver/solveMemo';
export type { CscMatrix, LinearModel, LpNames } from './solver/LinearModel';
export type { SolveOptions, SolveResult, SolveStatus, SolverStats } from './solver/SolveResult';

// Model builder.
export { lpName } from './model/lpName';
export type { NameAxis } from './model/lpName';
export { ModelBuilder } from './model/ModelBuilder';
export { float64Array, float64Copy } from './memory/typedSlab';
export type { BuilderCapacity } from './model/ModelBuilder';
export type { BlockNaming, BlockValues, ConstraintBlock, ConstraintSpec, VariableBlock, VariableSpec } from './model/blocks';
export { CONSTRAINT_FAMILIES, VARIABLE_FAMILIES } from './model/families';
export type { ConstraintFamily, VariableFamily } from './model/families';
export { buildModel } from './buildModel';
export type { BuildOptions, BuiltModel, DispatchLayout } from './buildModel';
export { IntervalMode } from './components/battery/intervalMode';
export { DeviationMode } from './components/imbalance/deviationMode';

// The dispatch kernel: problem, result, solve.
export type {
  AfrrInput,
  CycleBudget,
  DispatchAsset,
  DispatchProblem,
  DispatchSite,
  EnergyLocks,
  ExtendedDispatchProblem,
  FcrInput,
  ImbalanceInput,
  ReserveBlocks,
  ReserveEnergyRule,
  RiskInput,
  ScenarioInput,
} from './dispatch/DispatchProblem';
export type {
  DispatchAssetPlan,
  DispatchDuals,
  DispatchResult,
  DispatchStats,
  ExtendedDispatchResult,
  ImbalancePlan,
  ObjectiveTerms,
  ReservePlan,
} from './dispatch/DispatchResult';
export { solveDispatch } from './dispatch/solveDispatch';
export type { DispatchOptions } from './dispatch/DispatchOptions';
export { validateDispatchProblem } from './dispatch/validateDispatchProblem';
export { burnThresholdEurPerMwh } from './dispatch/exclusivity';
export { conditionalValueAtRiskEur } from './dispatch/planMoney';

// Invariant checks.
export { checkPlanInvariants } from './checks/checkPlanInvariants';
export type { InvariantCode, InvariantViolation, PlanUnderCheck } from './checks/checkPlanInvariants';
