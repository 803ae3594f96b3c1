import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBacktest } from '../src';

const root = resolve(__dirname, '../../..');

it('runs the reference belgium da_only config', async () => {
  const out = mkdtempSync(join(tmpdir(), 'euroflex-'));
  const outcome = await runBacktest({
    config: join(root, 'examples/reference/tests/fixtures/example_configs/basic/belgium_da_only_base.yaml'),
    outDir: out,
  });
  console.log(outcome.summary.total_pnl_eur, outcome.summary.oracle_total_pnl_eur, outcome.runDir);
});
