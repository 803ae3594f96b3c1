import type { ModelBuilder } from './ModelBuilder';

/**
 * Where objective components put the money of one scenario: EUR per unit of a column.
 * Deterministic and expected-value models write straight into the objective (weighted);
 * risk models collect each scenario's profit into a row (`risk.scenario_profit`), because
 * their objective is not linear in the scenario profits.
 */
export interface ProfitSink {
  add(col: number, eurPerUnit: number): void;
}

/** A sink that adds `weight` x the money to the objective coefficients. */
export function costSink(builder: ModelBuilder, weight: number): ProfitSink {
  if (weight === 1) {
    return { add: (col, eur) => builder.addCost(col, eur) };
  }
  return { add: (col, eur) => builder.addCost(col, weight * eur) };
}

/** A sink that sums the money per column, to be written as one row (terms on one column add up). */
export class ProfitRow implements ProfitSink {
  private readonly coefficients = new Map<number, number>();

  add(col: number, eurPerUnit: number): void {
    this.coefficients.set(col, (this.coefficients.get(col) ?? 0) + eurPerUnit);
  }

  /** Calls `emit` once per column with a nonzero sum, in first-touched order. */
  forEach(emit: (col: number, eurPerUnit: number) => void): void {
    for (const [col, value] of this.coefficients) {
      if (value !== 0) {
        emit(col, value);
      }
    }
  }
}
