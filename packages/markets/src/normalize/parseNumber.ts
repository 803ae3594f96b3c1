import { parseDecimal } from '../parseDecimal';

/** How foreign numbers are written and scaled. */
export interface NumberFormat {
  /** `1.234,56` style: dots are thousands separators, the comma is the decimal mark. */
  readonly decimalComma?: boolean;
  /** Multiply every value, e.g. 1000 for EUR/kWh -> EUR/MWh; default 1. */
  readonly unitFactor?: number;
  /** Round to this many decimals after scaling; by default only float noise of the scaling is removed. */
  readonly decimals?: number;
}

/** Parse one foreign number cell; NaN for blank or non-numeric cells (never 0). */
export function parseNumber(cell: string, format: NumberFormat): number {
  const text = format.decimalComma === true ? cell.replace(/\./g, '').replace(',', '.') : cell;
  const raw = parseDecimal(text);
  if (!Number.isFinite(raw)) {
    return Number.NaN;
  }
  const factor = format.unitFactor ?? 1;
  let value = raw * factor;
  if (format.decimals !== undefined) {
    value = Number(value.toFixed(format.decimals));
  } else if (factor !== 1) {
    // 0.05816 * 1000 is 58.160000000000004 in binary floating point; 15 digits drop the noise.
    value = Number(value.toPrecision(15));
  }
  return Object.is(value, -0) ? 0 : value;
}
