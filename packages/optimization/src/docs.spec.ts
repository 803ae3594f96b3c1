import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from './buildModel';
import { IntervalMode } from './components/battery/intervalMode';
import { DeviationMode } from './components/imbalance/deviationMode';
import type { DispatchProblem, ExtendedDispatchProblem } from './dispatch/DispatchProblem';
import { CONSTRAINT_FAMILIES, VARIABLE_FAMILIES } from './model/families';

const DOCS = join(__dirname, '../../../docs/optimization');

function docsText(): string {
  return readdirSync(DOCS)
    .filter((file) => file.endsWith('.md'))
    .map((file) => readFileSync(join(DOCS, file), 'utf8'))
    .join('\n');
}

/** Two assets, one with a terminal target, with binaries in some intervals: every family appears. */
const everything: DispatchProblem = {
  intervalCount: 3,
  intervalHours: 0.25,
  assets: [0, 1].map((a) => ({
    id: `bess-${a}`,
    powerLimitMw: Float64Array.of(1, 1, 1),
    socMinMwh: 0,
    socMaxMwh: 1,
    initialSocMwh: 0.5,
    terminalSocMwh: a === 0 ? 0.5 : null,
    chargeEfficiency: 0.9,
    dischargeEfficiency: 0.9,
    degradationEurPerMwh: 4,
  })),
  site: { importLimitMw: 1.5, exportLimitMw: 1.5 },
  dayAheadPriceEurPerMwh: Float64Array.of(-100, 50, 80),
  terminalSoc: 'equal',
};

describe('docs/optimization', () => {
  const text = docsText();

  it.each([...VARIABLE_FAMILIES, ...CONSTRAINT_FAMILIES])('documents the family %s in a table row', (family) => {
    expect(text).toMatch(new RegExp(`^\\|\\s*\`${family.replace('.', '\\.')}\``, 'm'));
  });

  it('lists every family the builder actually creates', () => {
    const binary = Uint8Array.of(IntervalMode.BINARY, 0, 0);
    const modes = [binary, Uint8Array.of(0, 0, 0)];
    const flat = (value: number) => Float64Array.of(value, value, value);
    const blocks = { blockOfInterval: Int32Array.of(0, 0, 1), blockCount: 2 };
    const fcr = { ...blocks, capacityPriceEurPerMwH: flat(10), penaltyEurPerMwH: 0, sustainHours: 0.25 };
    const afrr = {
      ...blocks,
      capacityUpPriceEurPerMwH: flat(5),
      capacityDownPriceEurPerMwH: flat(5),
      activationUpPriceEurPerMwh: flat(80),
      activationDownPriceEurPerMwh: flat(20),
      activationUpRatio: flat(0.1),
      activationDownRatio: flat(0.1),
      downActivationSign: -1 as const,
      penaltyEurPerMwH: 0,
      sustainHours: 0.25,
    };
    const scenarios = [
      { id: 'low', weight: 0.5, afrrActivationUpRatio: flat(0) },
      { id: 'high', weight: 0.5, afrrActivationUpRatio: flat(0.3) },
    ];
    const imbalance = { baseline: 'free' as const, surplusPriceEurPerMwh: flat(60), shortagePriceEurPerMwh: flat(50) };
    const variants: [ExtendedDispatchProblem, Parameters<typeof buildModel>[1]][] = [
      [{ ...everything, fcr, afrr, scenarios, risk: { mode: 'downside_penalty', lambda: 0.5, tailMass: 1 }, cycles: { dischargeBudgetMwh: Float64Array.of(1, Infinity) } }, { modes }],
      [{ ...everything, fcr, afrr, reserveEnergy: 'independent', scenarios, risk: { mode: 'cvar', lambda: 0.5, tailMass: 0.5 } }, {}],
      [{ ...everything, imbalance }, { baselineModes: modes, deviationModes: Uint8Array.of(DeviationMode.BINARY, 0, 0) }],
    ];
    const variables = new Set<string>();
    const constraints = new Set<string>();
    for (const [problem, options] of variants) {
      const { families } = buildModel(problem, options);
      families.variables.forEach((family) => variables.add(family));
      families.constraints.forEach((family) => constraints.add(family));
    }
    expect([...variables].sort()).toEqual([...VARIABLE_FAMILIES].sort());
    expect([...constraints].sort()).toEqual([...CONSTRAINT_FAMILIES].sort());
  });

  it('a da_only problem creates only the battery and POI families', () => {
    const { families } = buildModel(everything);
    expect(families.variables).toEqual(['battery.charge_mw', 'battery.discharge_mw', 'battery.soc_mwh']);
    expect(families.constraints).toEqual(['battery.soc_balance', 'battery.soc_initial', 'battery.soc_terminal', 'site.poi_import_limit', 'site.poi_export_limit']);
  });

  it('names every define* function of the components', () => {
    const components = join(__dirname, 'components');
    const sources = readdirSync(components, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .map((file) => readFileSync(join(components, file), 'utf8'));
    const defined = sources.flatMap((source) => [...source.matchAll(/export function (define\w+)/g)].map((match) => match[1]));
    expect(defined.length).toBeGreaterThanOrEqual(22);
    for (const name of defined) {
      expect(text).toContain(`\`${name}\``);
    }
  });
});
