import fc from 'fast-check';
import { buildModel } from '../buildModel';
import { IntervalMode } from '../components/battery/intervalMode';
import { problemArb } from '../../test/support/arbitraries';
import { extendedProblemArb } from '../../test/support/extendedArbitraries';
import { exclusivityPlan } from '../dispatch/exclusivity';
import { resolveProblem } from '../dispatch/resolveProblem';
import { lpName } from './lpName';

const LP_SAFE = /^[A-Za-z_][A-Za-z0-9_.]*$/;

describe('lpName', () => {
  it.each([
    ['battery.charge_mw', 0, 12, 'battery.charge_mw.a0.t0012'],
    ['battery.soc_mwh', 3, 96, 'battery.soc_mwh.a3.t0096'],
    ['site.poi_export_limit', null, 0, 'site.poi_export_limit.t0000'],
    ['battery.soc_balance', 1, 35039, 'battery.soc_balance.a1.t35039'],
  ])('%s a%s t%s -> %s', (family, asset, t, expected) => {
    expect(lpName(family, asset, t)).toBe(expected);
  });

  it.each([
    ['battery.soc_mwh', 0, 12, 1, 't', 'battery.soc_mwh.a0.k1.t0012'],
    ['risk.scenario_profit_eur', null, 3, null, 'k', 'risk.scenario_profit_eur.k0003'],
    ['risk.value_at_risk_eur', null, 0, null, 'none', 'risk.value_at_risk_eur'],
  ] as const)('%s a%s index %s scenario %s axis %s -> %s', (family, asset, index, scenario, axis, expected) => {
    expect(lpName(family, asset, index, scenario, axis)).toBe(expected);
  });

  it('rejects a second element of a family without an index, and a negative scenario', () => {
    expect(() => lpName('risk.value_at_risk_eur', null, 1, null, 'none')).toThrow(/single element/);
    expect(() => lpName('battery.soc_mwh', 0, 1, -1)).toThrow(/scenario index/);
  });

  it.each([
    ['battery-charge', 0, 0],
    ['Battery.charge_mw', 0, 0],
    ['battery', 0, 0],
    ['battery.charge_mw', -1, 0],
    ['battery.charge_mw', 0, 1.5],
  ])('rejects family %s, asset %s, index %s', (family, asset, t) => {
    expect(() => lpName(family, asset, t)).toThrow();
  });

  it('names every column and row of random models uniquely and LP-safely', () => {
    const withModes = fc
      .tuple(problemArb({ maxIntervals: 30, maxAssets: 3, socTarget: 'any' }), fc.integer({ min: 0, max: 2 ** 30 }))
      .map(([problem, seed]) => ({
        problem,
        // A pseudo-random mix of FREE and BINARY intervals per asset, so binary families appear too.
        modes: problem.assets.map((_, a) =>
          Uint8Array.from({ length: problem.intervalCount }, (_, t) =>
            ((seed >> ((a * 7 + t) % 30)) & 1) === 1 ? IntervalMode.BINARY : IntervalMode.FREE,
          ),
        ),
      }));
    fc.assert(
      fc.property(withModes, ({ problem, modes }) => {
        const { model } = buildModel(problem, { modes });
        const names = model.names?.();
        expect(names?.cols).toHaveLength(model.numCols);
        expect(names?.rows).toHaveLength(model.numRows);
        const all = [...(names?.cols ?? []), ...(names?.rows ?? [])];
        expect(all.every((name) => LP_SAFE.test(name))).toBe(true);
        expect(new Set(names?.cols).size).toBe(model.numCols);
        expect(new Set(names?.rows).size).toBe(model.numRows);
      }),
      { numRuns: 50 },
    );
  });

  it.each(['fcr_afrr', 'imbalance_free', 'scenarios'] as const)('names every column and row of random %s models uniquely and LP-safely', (workflow) => {
    fc.assert(
      fc.property(extendedProblemArb(workflow, 8, 2), (problem) => {
        const plan = exclusivityPlan(resolveProblem(problem), true);
        const options = { modes: plan.battery, ...(plan.baseline !== null ? { baselineModes: plan.baseline } : {}), ...(plan.deviation !== null ? { deviationModes: plan.deviation } : {}) };
        const { model } = buildModel(problem, options);
        const names = model.names?.();
        const all = [...(names?.cols ?? []), ...(names?.rows ?? [])];
        expect(all.every((name) => LP_SAFE.test(name))).toBe(true);
        expect(new Set(names?.cols).size).toBe(model.numCols);
        expect(new Set(names?.rows).size).toBe(model.numRows);
      }),
      { numRuns: 20 },
    );
  });

  it('never puts asset ids into names', () => {
    const problem = {
      intervalCount: 2,
      intervalHours: 0.25,
      assets: [
        {
          id: '1-be[bess]',
          powerLimitMw: Float64Array.of(1, 1),
          socMinMwh: 0,
          socMaxMwh: 1,
          initialSocMwh: 0.5,
          terminalSocMwh: 0.5,
          chargeEfficiency: 1,
          dischargeEfficiency: 1,
          degradationEurPerMwh: 0,
        },
      ],
      site: { importLimitMw: 1, exportLimitMw: 1 },
      dayAheadPriceEurPerMwh: Float64Array.of(1, 2),
      terminalSoc: 'equal' as const,
    };
    const names = buildModel(problem).model.names?.();
    expect(names?.cols.slice(0, 2)).toEqual(['battery.charge_mw.a0.t0000', 'battery.charge_mw.a0.t0001']);
    expect([...(names?.cols ?? []), ...(names?.rows ?? [])].some((name) => name.includes('bess'))).toBe(false);
  });
});
