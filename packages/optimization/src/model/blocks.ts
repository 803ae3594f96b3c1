import type { ConstraintFamily, VariableFamily } from './families';
import type { NameAxis } from './lpName';

/** A whole indexed family of columns for one asset (or the site): columns `offset .. offset + count - 1`. */
export interface VariableBlock {
  readonly family: VariableFamily;
  /** Position of the asset in the problem; null for site-level families. */
  readonly assetIndex: number | null;
  /** Scenario of a per-scenario copy (SoC per scenario); null when the family is shared. */
  readonly scenarioIndex: number | null;
  /** What the element index counts (`t` intervals, `k` scenarios, `none` for one element). */
  readonly axis: NameAxis;
  readonly offset: number;
  readonly count: number;
  /** Index in the name of the first element (`t0000` unless the family starts later). */
  readonly firstIndex: number;
  /** Name index of each element when the block is sparse over t (e.g. binaries of some intervals only). */
  readonly nameIndices: ArrayLike<number> | null;
}

/** A whole indexed family of rows for one asset (or the site). */
export interface ConstraintBlock {
  readonly family: ConstraintFamily;
  readonly assetIndex: number | null;
  /** Scenario of a per-scenario copy (SoC per scenario); null when the family is shared. */
  readonly scenarioIndex: number | null;
  /** What the element index counts (`t` intervals, `k` scenarios, `none` for one element). */
  readonly axis: NameAxis;
  readonly offset: number;
  readonly count: number;
  readonly firstIndex: number;
  readonly nameIndices: ArrayLike<number> | null;
}

/** Naming of a block (both specs). */
export interface BlockNaming {
  /** Name index of the first element. Defaults to 0. */
  readonly firstIndex?: number;
  /** Name index of every element, for blocks that cover only some intervals. Overrides `firstIndex`. */
  readonly nameIndices?: ArrayLike<number>;
  /** The scenario of a per-scenario copy. Defaults to null (shared by all scenarios). */
  readonly scenarioIndex?: number | null;
  /** What the element index counts. Defaults to `t`. */
  readonly axis?: NameAxis;
}

/** Per-element values of a block: one number for all elements, or one per element. */
export type BlockValues = number | ArrayLike<number>;

export interface VariableSpec extends BlockNaming {
  readonly lower: BlockValues;
  readonly upper: BlockValues;
  /** Integer columns (binaries: integer with bounds [0, 1]). Defaults to false. */
  readonly integer?: boolean;
}

export interface ConstraintSpec extends BlockNaming {
  readonly lower: BlockValues;
  readonly upper: BlockValues;
}

/** The value of element i of a block. */
export function valueAt(values: BlockValues, i: number): number {
  return typeof values === 'number' ? values : values[i];
}

/** The name index of element i of a block. */
export function nameIndexOf(block: VariableBlock | ConstraintBlock, i: number): number {
  return block.nameIndices === null ? block.firstIndex + i : block.nameIndices[i];
}
