import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTables } from '../src';
import { backtest, REFERENCE, REPO } from './support/runs';

describe('docs/artifacts.md', () => {
  it('documents every column of every table and every summary field', async () => {
    const doc = readFileSync(join(REPO, 'docs/artifacts.md'), 'utf8');
    const { run, summary } = await backtest(join(REFERENCE, 'tests/fixtures/example_configs/basic/belgium_portfolio_da_only_base.yaml'), {
      dryRun: true,
      provider: 'persistence',
    });
    const missing: string[] = [];
    for (const table of runTables(run, true)) {
      if (!doc.includes(`\`${table.name}`)) {
        missing.push(`table ${table.name}`);
      }
      for (const column of table.columns) {
        if (!doc.includes(`\`${column.name}\``)) {
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
