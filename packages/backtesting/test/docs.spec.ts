import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTables } from '../src';
import { backtest, REFERENCE, REPO } from './support/runs';

describe('docs/artifacts.md', () => {
  it.each([
    'tests/fixtures/example_configs/basic/belgium_portfolio_da_only_base.yaml',
    'tests/fixtures/example_configs/reserve/belgium_portfolio_da_plus_fcr_base.yaml',
    'tests/fixtures/example_configs/reserve/belgium_portfolio_da_plus_afrr_base.yaml',
    'tests/fixtures/example_configs/basic/netherlands_da_plus_imbalance_base.yaml',
    'examples/configs/canonical/belgium_full_stack.yaml',
  ])('documents every column of every table and every summary field of %s', async (config) => {
    const doc = readFileSync(join(REPO, 'docs/artifacts.md'), 'utf8');
    const { run, summary } = await backtest(join(REFERENCE, config), { dryRun: true, provider: 'persistence' });
    const missing: string[] = [];
    for (const table of runTables(run, true)) {
      if (!doc.includes(`\`${table.name}`)) {
        missing.push(`table ${table.name}`);
      }
      for (const column of table.columns) {
        const documentedAsPattern = /^(fcr_capacity|afrr_\w+|imbalance)_(forecast|actual)_/.test(column.name);
        if (!doc.includes(`\`${column.name}\``) && !documentedAsPattern) {
          missing.push(`${table.name}.${column.name}`);
        }
      }
    }
    for (const field of Object.keys(summary)) {
      if (!doc.includes(`\`${field}\``)) {
        missing.push(`summary.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
