const FAMILY = /^[a-z_][a-z0-9_]*\.[a-z0-9_]+$/;

/** Digits of the interval index in a name: `t0012`. Longer horizons simply get more digits. */
const INDEX_DIGITS = 4;

/**
 * The LP name of one element of a family: `component.quantity.a<asset>.t<index>`, e.g.
 * `battery.charge_mw.a0.t0012`; site-level rows have no asset part
 * (`site.poi_export_limit.t0012`). `assetIndex` is the asset's position in the problem,
 * never its id: ids may contain `-` or start with a digit, which HiGHS' LP reader rejects.
 * Every name matches `^[A-Za-z_][A-Za-z0-9_.]*$`.
 */
export function lpName(family: string, assetIndex: number | null, t: number): string {
  if (!FAMILY.test(family)) {
    throw new Error(`LP family name '${family}' must look like 'component.quantity_unit'`);
  }
  if (!Number.isInteger(t) || t < 0) {
    throw new Error(`LP index ${t} of '${family}' must be a non-negative integer`);
  }
  const index = `t${String(t).padStart(INDEX_DIGITS, '0')}`;
  if (assetIndex === null) {
    return `${family}.${index}`;
  }
  if (!Number.isInteger(assetIndex) || assetIndex < 0) {
    throw new Error(`asset index ${assetIndex} of '${family}' must be a non-negative integer`);
  }
  return `${family}.a${assetIndex}.${index}`;
}
