// Proves that lint enforces the layer order: an upward import fails, a downward one passes,
// and only optimization/src/solver/ may import highs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

process.env.NX_DAEMON = 'false';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

async function lintAs(filePath, source) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, filePath) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

const layers = ['config', 'markets', 'forecasts', 'optimization', 'backtesting', 'analytics'];

test('every upward import between layers fails lint', async () => {
  for (let lower = 0; lower < layers.length; lower += 1) {
    for (let upper = lower + 1; upper < layers.length; upper += 1) {
      const messages = await lintAs(
        `packages/${layers[lower]}/src/upward-probe.ts`,
        `import * as upper from '@euroflex/${layers[upper]}';\nexport const probe = upper;\n`,
      );
      assert.ok(
        // A layer message, or a cycle report when the upper layer already imports the lower one.
        messages.some(
          (m) =>
            m.startsWith('@nx/enforce-module-boundaries') &&
            (m.includes(`tagged with "layer:${layers[lower]}" can only depend`) || m.includes('Circular dependency')),
        ),
        `${layers[lower]} importing ${layers[upper]} must fail lint, got: ${messages.join('; ')}`,
      );
    }
  }
});

test('downward imports pass lint', async () => {
  const messages = await lintAs(
    'packages/optimization/src/downward-probe.ts',
    `import type { SeriesName } from '@euroflex/config';\nexport type Probe = SeriesName;\n`,
  );
  assert.deepEqual(messages, []);
});

test('markets importing optimization fails with the layer message', async () => {
  const messages = await lintAs(
    'packages/markets/src/upward-probe.ts',
    `import * as optimization from '@euroflex/optimization';\nexport const probe = optimization;\n`,
  );
  assert.ok(
    messages.includes(
      '@nx/enforce-module-boundaries: A project tagged with "layer:markets" can only depend on libs tagged with "layer:config", "layer:markets"',
    ),
    messages.join('; '),
  );
});

test('only optimization/src/solver imports highs', async () => {
  const source = `import loadHighs from 'highs';\nexport const probe = loadHighs;\n`;
  assert.deepEqual(await lintAs('packages/optimization/src/solver/probe.ts', source), []);
  for (const file of ['packages/optimization/src/probe.ts', 'packages/backtesting/src/probe.ts', 'apps/cli/src/probe.ts']) {
    const messages = await lintAs(file, source);
    assert.ok(messages.some((m) => m.includes('may import highs')), `${file}: ${messages.join('; ')}`);
  }
});

test('domain code may not do file IO outside src/io', async () => {
  const source = `import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n`;
  const domain = await lintAs('packages/backtesting/src/probe.ts', source);
  assert.ok(domain.some((m) => m.includes('src/io/')), domain.join('; '));
  assert.deepEqual(await lintAs('packages/backtesting/src/io/probe.ts', source), []);
});
