/** Optional sign, digits with an optional fraction (or a bare fraction), optional exponent. */
const PLAIN_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number a data cell writes in plain decimal notation (`62`, `-0.5`, `+1.25e3`,
 * surrounding whitespace allowed), else NaN: blanks, text and JavaScript-only notations
 * such as `0x3E`, `0b1`, `0o7`, `Infinity` or `1_000` are not numbers in a data file.
 * A decimal too large for a double (`1e400`) gives Infinity, which callers refuse as
 * not finite.
 */
export function parseDecimal(cell: string): number {
  const text = cell.trim();
  return PLAIN_DECIMAL.test(text) ? Number(text) : Number.NaN;
}
