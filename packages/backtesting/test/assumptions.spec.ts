import { join } from 'node:path';
import { backtest, REFERENCE } from './support/runs';

// summary.json `assumptions` lists only what applies to the run (docs/artifacts.md): the
// market assumptions about series its workflow uses, and the settlement assumptions in effect.
describe('summary assumptions', () => {
  it('a Belgian da_only run without an imbalance series lists no aFRR, imbalance or reserve assumption', async () => {
    const { summary } = await backtest(join(REFERENCE, 'tests/fixtures/example_configs/basic/belgium_da_only_base.yaml'), { provider: 'persistence', dryRun: true });
    expect(summary.base_workflow).toBe('da_only');
    expect(summary.assumptions).toEqual([]);
  });

  it('a Belgian aFRR run lists the aFRR gate, the reserve-price lag, the activation lag and the non-delivery charge, and nothing about imbalance', async () => {
    const { summary } = await backtest(join(REFERENCE, 'examples/configs/reserve/belgium_da_plus_afrr_base.yaml'), { provider: 'persistence', dryRun: true });
    expect(summary.base_workflow).toBe('da_plus_afrr');
    expect(summary.assumptions).toEqual([
      'Belgian aFRR capacity gate assumed at D-1 09:00 Europe/Brussels (Elia daily auction; override with market.gates.afrr).',
      'Reserve capacity prices of day D are assumed public 60 minutes after their gate on D-1 (override with market.publication_lags.<series>).',
      'aFRR activation prices and ratios are assumed public at the end of their quarter-hour (lag 0).',
      'aFRR energy not delivered because the realized SoC hit a bound earns no activation price and is charged 0 EUR/MWh (afrr.non_delivery_penalty_eur_per_mwh; 0 is its default).',
    ]);
  });
});
