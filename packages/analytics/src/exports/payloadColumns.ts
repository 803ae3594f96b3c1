import { int, makeTable, num, str, type Column, type RunTable, type Table } from '@euroflex/backtesting';
import type { ExportFileSpec } from './exportProfiles';

/**
 * The columns a payload builder offers, by name. A payload is cut from it in the documented
 * order, so a written header always equals the profile's column list.
 */
export class PayloadColumns {
  private readonly byName = new Map<string, Column>();

  constructor(readonly rowCount: number) {}

  /** Offer a column (a later column of the same name replaces the earlier one). */
  set(column: Column): this {
    if (column.values.length !== this.rowCount) {
      throw new RangeError(`payload column ${column.name} has ${column.values.length} rows, expected ${this.rowCount}`);
    }
    this.byName.set(column.name, column);
    return this;
  }

  text(name: string, values: readonly (string | null)[]): this {
    return this.set(str(name, values));
  }

  numbers(name: string, values: ArrayLike<number>): this {
    return this.set(num(name, values));
  }

  integers(name: string, values: ArrayLike<number>): this {
    return this.set(int(name, values));
  }

  constant(name: string, value: string): this {
    return this.set(str(name, new Array<string>(this.rowCount).fill(value)));
  }

  /** Copy text columns of a run table under the same names. */
  copyText(table: RunTable, names: readonly string[]): this {
    for (const name of names) {
      this.text(name, table.text(name).map((cell) => (cell === '' ? null : cell)));
    }
    return this;
  }

  /** Copy numeric columns of a run table; an absent column is 0 (a reserve the workflow does not hold). */
  copyNumbersOrZero(table: RunTable, names: readonly string[]): this {
    for (const name of names) {
      this.numbers(name, table.has(name) ? table.numbers(name) : new Float64Array(table.rowCount));
    }
    return this;
  }

  /** Copy numeric columns of a run table; an absent column is missing (a price the workflow does not plan with). */
  copyNumbersOrMissing(table: RunTable, names: readonly string[]): this {
    for (const name of names) {
      this.numbers(name, table.has(name) ? table.numbers(name) : new Float64Array(table.rowCount).fill(Number.NaN));
    }
    return this;
  }

  /** The payload table with exactly the spec's columns, in its order. */
  cut(spec: ExportFileSpec): Table {
    return makeTable(
      spec.payload,
      spec.columns.map((name) => {
        const column = this.byName.get(name);
        if (column === undefined) {
          throw new Error(`export payload ${spec.payload}: no builder offers column ${name}`);
        }
        return column;
      }),
    );
  }
}

/** Rows of one asset in a table ordered by asset, then time: [start, end). */
export function assetRowRanges(assetIds: readonly string[], intervalCount: number): { readonly id: string; readonly start: number; readonly end: number }[] {
  return assetIds.map((id, a) => ({ id, start: a * intervalCount, end: (a + 1) * intervalCount }));
}

/** A Float64Array of `values` with NaN (missing) replaced by 0. */
export function missingAsZero(values: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: values.length }, (_, i) => (Number.isNaN(values[i]) ? 0 : values[i]));
}
