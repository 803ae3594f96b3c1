import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from './buildModel';
import { IntervalMode } from './components/battery/intervalMode';
import type { DispatchProblem } from './dispatch/DispatchProblem';
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
    const modes = [Uint8Array.of(IntervalMode.BINARY, 0, 0), Uint8Array.of(0, 0, 0)];
    const { families } = buildModel(everything, { modes });
    expect([...families.variables].sort()).toEqual([...VARIABLE_FAMILIES].sort());
    expect([...families.constraints].sort()).toEqual([...CONSTRAINT_FAMILIES].sort());
  });

  it('names every define* function of the components', () => {
    const components = join(__dirname, 'components');
    const sources = readdirSync(components, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .map((file) => readFileSync(join(components, file), 'utf8'));
    const defined = sources.flatMap((source) => [...source.matchAll(/export function (define\w+)/g)].map((match) => match[1]));
    expect(defined.length).toBeGreaterThanOrEqual(8);
    for (const name of defined) {
      expect(text).toContain(`\`${name}\``);
    }
  });
});
