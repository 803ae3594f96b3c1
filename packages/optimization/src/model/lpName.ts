const FAMILY = /^[a-z_][a-z0-9_]*\.[a-z0-9_]+$/;

/** Digits of the element index in a name: `t0012`. Longer horizons simply get more digits. */
const INDEX_DIGITS = 4;

/**
 * What the element index of a family counts: `t` intervals or instants (the default), `k`
 * scenarios (risk families), or `none` for a family with a single element.
 */
export type NameAxis = 't' | 'k' | 'none';

/**
 * The LP name of one element of a family: `component.quantity.a<asset>.t<index>`, e.g.
 * `battery.charge_mw.a0.t0012`; site-level rows have no asset part
 * (`site.poi_export_limit.t0012`); a per-scenario copy adds `.k<scenario>`
 * (`battery.soc_mwh.a0.k1.t0012`); scenario-indexed families use `k` as the element axis
 * (`risk.scenario_profit_eur.k0003`) and single elements have no index
 * (`risk.value_at_risk_eur`). `assetIndex` is the asset's position in the problem, never
 * its id: ids may contain `-` or start with a digit, which HiGHS' LP reader rejects.
 * Every name matches `^[A-Za-z_][A-Za-z0-9_.]*$`.
 */
export function lpName(
  family: string,
  assetIndex: number | null,
  index: number,
  scenarioIndex: number | null = null,
  axis: NameAxis = 't',
): string {
  if (!FAMILY.test(family)) {
    throw new Error(`LP family name '${family}' must look like 'component.quantity_unit'`);
  }
  if (!Number.isInteger(index) || index < 0) {
    throw new Error(`LP index ${index} of '${family}' must be a non-negative integer`);
  }
  let name = family;
  if (assetIndex !== null) {
    if (!Number.isInteger(assetIndex) || assetIndex < 0) {
      throw new Error(`asset index ${assetIndex} of '${family}' must be a non-negative integer`);
    }
    name += `.a${assetIndex}`;
  }
  if (scenarioIndex !== null) {
    if (!Number.isInteger(scenarioIndex) || scenarioIndex < 0) {
      throw new Error(`scenario index ${scenarioIndex} of '${family}' must be a non-negative integer`);
    }
    name += `.k${scenarioIndex}`;
  }
  if (axis === 'none') {
    if (index !== 0) {
      throw new Error(`'${family}' has a single element; index ${index} is not 0`);
    }
    return name;
  }
  return `${name}.${axis}${String(index).padStart(INDEX_DIGITS, '0')}`;
}
