// `nx graph` shows the six layers in order: every edge of the project graph points from a
// higher layer (or an app) to a lower one, and the stack is complete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const layers = ['config', 'markets', 'forecasts', 'optimization', 'backtesting', 'analytics'];

test('the project graph has the six layers and only downward edges', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'euroflex-graph-'));
  try {
    const file = path.join(dir, 'graph.json');
    execFileSync('npx', ['nx', 'graph', `--file=${file}`], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
    const { graph } = JSON.parse(readFileSync(file, 'utf8'));
    const rank = (name) => {
      const layer = layers.indexOf(name.replace('@euroflex/', ''));
      return layer >= 0 ? layer : layers.length; // apps sit on top
    };
    for (const layer of layers) {
      assert.ok(graph.nodes[`@euroflex/${layer}`], `missing project @euroflex/${layer}`);
      assert.deepEqual(graph.nodes[`@euroflex/${layer}`].data.tags.filter((t) => t.startsWith('layer:')), [`layer:${layer}`]);
    }
    for (const app of ['@euroflex/cli', '@euroflex/exports']) {
      assert.ok(graph.nodes[app].data.tags.includes('type:app'), `${app} is tagged type:app`);
    }
    for (const [source, edges] of Object.entries(graph.dependencies)) {
      for (const { target } of edges.filter((e) => e.target.startsWith('@euroflex/'))) {
        assert.ok(rank(target) < rank(source), `${source} -> ${target} points upward`);
      }
    }
    // Backtesting stands on all four lower layers: the full stack is wired.
    const backtesting = graph.dependencies['@euroflex/backtesting'].map((e) => e.target);
    for (const lower of layers.slice(0, 4)) {
      assert.ok(backtesting.includes(`@euroflex/${lower}`), `backtesting depends on ${lower}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
