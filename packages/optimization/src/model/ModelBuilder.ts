import type { LinearModel, LpNames } from '../solver/LinearModel';
import { nameIndexOf, valueAt } from './blocks';
import type { ConstraintBlock, ConstraintSpec, VariableBlock, VariableSpec } from './blocks';
import type { ConstraintFamily, VariableFamily } from './families';
import { GrowableFloat64, GrowableInt32 } from './GrowableArray';
import { lpName } from './lpName';
import type { NameAxis } from './lpName';
import { toCsc } from './toCsc';

/** Sizes to preallocate; the builder grows past them if needed. */
export interface BuilderCapacity {
  readonly cols: number;
  readonly rows: number;
  readonly nonzeros: number;
}

/**
 * Builds a {@link LinearModel} from whole indexed families (linopy style): `addVariables`
 * adds a block of columns, `addConstraints` a block of rows, `addCoefficient` one matrix
 * entry. Storage is typed arrays only; names exist only when `names()` is called.
 * A family may appear once per asset (and scenario copy); adding it again throws.
 */
export class ModelBuilder {
  private readonly colLower: GrowableFloat64;
  private readonly colUpper: GrowableFloat64;
  private readonly colCost: GrowableFloat64;
  private readonly rowLower: GrowableFloat64;
  private readonly rowUpper: GrowableFloat64;
  private readonly entryRow: GrowableInt32;
  private readonly entryCol: GrowableInt32;
  private readonly entryValue: GrowableFloat64;
  private readonly integerCols: number[] = [];
  private readonly variableBlocks: VariableBlock[] = [];
  private readonly constraintBlocks: ConstraintBlock[] = [];
  private readonly seen = new Set<string>();

  constructor(capacity: BuilderCapacity = { cols: 256, rows: 256, nonzeros: 1024 }) {
    this.colLower = new GrowableFloat64(capacity.cols);
    this.colUpper = new GrowableFloat64(capacity.cols);
    this.colCost = new GrowableFloat64(capacity.cols);
    this.rowLower = new GrowableFloat64(capacity.rows);
    this.rowUpper = new GrowableFloat64(capacity.rows);
    this.entryRow = new GrowableInt32(capacity.nonzeros);
    this.entryCol = new GrowableInt32(capacity.nonzeros);
    this.entryValue = new GrowableFloat64(capacity.nonzeros);
  }

  get numCols(): number {
    return this.colLower.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  addVariables(family: VariableFamily, assetIndex: number | null, count: number, spec: VariableSpec): VariableBlock {
    this.claim('variable', family, assetIndex, spec.scenarioIndex ?? null);
    const block = { family, assetIndex, offset: this.numCols, count, ...nameIndexing(spec, count) };
    for (let i = 0; i < count; i++) {
      this.colLower.push(valueAt(spec.lower, i));
      this.colUpper.push(valueAt(spec.upper, i));
      this.colCost.push(0);
      if (spec.integer === true) {
        this.integerCols.push(block.offset + i);
      }
    }
    this.variableBlocks.push(block);
    return block;
  }

  addConstraints(
    family: ConstraintFamily,
    assetIndex: number | null,
    count: number,
    spec: ConstraintSpec,
  ): ConstraintBlock {
    this.claim('constraint', family, assetIndex, spec.scenarioIndex ?? null);
    const block = { family, assetIndex, offset: this.numRows, count, ...nameIndexing(spec, count) };
    for (let i = 0; i < count; i++) {
      this.rowLower.push(valueAt(spec.lower, i));
      this.rowUpper.push(valueAt(spec.upper, i));
    }
    this.constraintBlocks.push(block);
    return block;
  }

  /** Adds `value` x column `col` to row `row`. Zeros are skipped; a repeated (row, col) pair throws at `build`. */
  addCoefficient(row: number, col: number, value: number): void {
    if (value === 0) {
      return;
    }
    this.entryRow.push(row);
    this.entryCol.push(col);
    this.entryValue.push(value);
  }

  /** Adds `value` to the objective coefficient of column `col` (terms of several components add up). */
  addCost(col: number, value: number): void {
    this.colCost.set(col, this.colCost.get(col) + value);
  }

  /** Families in the order they were added (for docs checks and debugging). */
  families(): { variables: VariableFamily[]; constraints: ConstraintFamily[] } {
    return {
      variables: [...new Set(this.variableBlocks.map((block) => block.family))],
      constraints: [...new Set(this.constraintBlocks.map((block) => block.family))],
    };
  }

  /** The model; the builder is spent afterwards (its storage is reused by the next one). */
  build(sense: LinearModel['sense']): LinearModel {
    const numCols = this.numCols;
    const numRows = this.numRows;
    const matrix = toCsc(numRows, numCols, this.entryRow, this.entryCol, this.entryValue);
    let integrality: Int32Array | undefined;
    if (this.integerCols.length > 0) {
      integrality = new Int32Array(numCols);
      for (const col of this.integerCols) {
        integrality[col] = 1;
      }
    }
    const variableBlocks = [...this.variableBlocks];
    const constraintBlocks = [...this.constraintBlocks];
    const model: LinearModel = {
      sense,
      numCols,
      numRows,
      colCost: this.colCost.toArray(),
      colLower: this.colLower.toArray(),
      colUpper: this.colUpper.toArray(),
      rowLower: this.rowLower.toArray(),
      rowUpper: this.rowUpper.toArray(),
      matrix,
      ...(integrality !== undefined ? { integrality } : {}),
      names: (): LpNames => ({ cols: blockNames(variableBlocks), rows: blockNames(constraintBlocks) }),
    };
    // The model owns copies; the storage goes to the next builder (GrowableArray.ts).
    for (const storage of [this.colCost, this.colLower, this.colUpper, this.rowLower, this.rowUpper, this.entryRow, this.entryCol, this.entryValue]) {
      storage.release();
    }
    return model;
  }

  private claim(kind: string, family: string, assetIndex: number | null, scenarioIndex: number | null): void {
    const key = `${family}#${assetIndex ?? 'site'}#${scenarioIndex ?? 'shared'}`;
    if (this.seen.has(key)) {
      const owner = assetIndex === null ? 'the site' : `asset ${assetIndex}`;
      const copy = scenarioIndex === null ? '' : ` in scenario ${scenarioIndex}`;
      throw new Error(`${kind} family '${family}' was already added for ${owner}${copy}`);
    }
    this.seen.add(key);
  }
}

function blockNames(blocks: readonly (VariableBlock | ConstraintBlock)[]): string[] {
  const names: string[] = [];
  for (const block of blocks) {
    for (let i = 0; i < block.count; i++) {
      names.push(lpName(block.family, block.assetIndex, nameIndexOf(block, i), block.scenarioIndex, block.axis));
    }
  }
  return names;
}

interface Naming {
  firstIndex: number;
  nameIndices: ArrayLike<number> | null;
  scenarioIndex: number | null;
  axis: NameAxis;
}

function nameIndexing(spec: VariableSpec | ConstraintSpec, count: number): Naming {
  const scenarioIndex = spec.scenarioIndex ?? null;
  const axis = spec.axis ?? 't';
  if (axis === 'none' && count !== 1) {
    throw new Error(`a block without an index axis must have one element, not ${count}`);
  }
  if (spec.nameIndices === undefined) {
    return { firstIndex: spec.firstIndex ?? 0, nameIndices: null, scenarioIndex, axis };
  }
  if (spec.nameIndices.length !== count) {
    throw new Error(`nameIndices has ${spec.nameIndices.length} entries for a block of ${count}`);
  }
  const firstIndex = spec.nameIndices.length > 0 ? spec.nameIndices[0] : 0;
  // Kept by reference, not copied: names are built only for LP text (`names()`), and the
  // components pass index arrays they made for this model and never change afterwards.
  return { firstIndex, nameIndices: spec.nameIndices, scenarioIndex, axis };
}
