// Writes dist/bin/euroflex-cli.code-cache, the V8 code cache the `euroflex` bin starts from
// (docs/decisions/0006-cli-code-cache.md), after a warm-up on the shipped examples: the
// checks and the data of a real year, and a one-day backtest with its report.
// Run by the `bundle` target, after the bundle and its launcher are built.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { writeCodeCache } = require('../dist/bin/euroflex.cjs');

const root = path.resolve(__dirname, '../../..');
const year = path.join(root, 'examples/configs/real/belgium_2024_da_plus_fcr_persistence.yaml');
const day = path.join(root, 'examples/reference/examples/configs/canonical/belgium_full_stack.yaml');
const out = mkdtempSync(path.join(tmpdir(), 'euroflex-code-cache-'));
const warmUp = [
  ['validate-config', year],
  ['validate-data', year],
  ['backtest', day, '--provider', 'persistence', '--out', out],
];
writeCodeCache(undefined, warmUp)
  .finally(() => rmSync(out, { recursive: true, force: true }))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
