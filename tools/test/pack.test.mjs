// Each package is publishable on its own: pack @euroflex/config and @euroflex/markets,
// install the tarballs into an empty folder outside the workspace, and use them there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('config and markets install and work from their tarballs alone', { timeout: 300_000 }, () => {
  run('npx', ['nx', 'run-many', '-t', 'build', '--projects=@euroflex/config,@euroflex/markets', '--output-style=static'], root);
  const work = mkdtempSync(path.join(tmpdir(), 'euroflex-pack-'));
  try {
    for (const pkg of ['config', 'markets']) {
      run('npm', ['pack', '--pack-destination', work, '--workspace', `packages/${pkg}`], root);
    }
    const tarballs = readdirSync(work).filter((f) => f.endsWith('.tgz')).sort();
    assert.equal(tarballs.length, 2, tarballs.join(', '));
    const consumer = path.join(work, 'consumer');
    run('mkdir', ['-p', consumer], work);
    writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    run('npm', ['install', '--no-audit', '--no-fund', ...tarballs.map((t) => path.join(work, t))], consumer);
    writeFileSync(
      path.join(consumer, 'use.cjs'),
      `
const config = require('@euroflex/config');
const markets = require('@euroflex/markets');
const grid = markets.localDayGrid('2024-03-31', 'Europe/Brussels');
const autumn = markets.localDayGrid('2024-10-27', 'Europe/Brussels');
const parsed = config.parseConfig({ schema_version: 3 });
const adapter = markets.marketAdapter('netherlands');
console.log(JSON.stringify({
  spring: grid.length,
  autumn: autumn.length,
  ok: parsed.ok,
  issues: parsed.ok ? 0 : parsed.issues.length,
  timezone: adapter.timezone,
  resolved: require.resolve('@euroflex/markets'),
}));
`,
    );
    const out = JSON.parse(run('node', ['use.cjs'], consumer));
    assert.equal(out.spring, 92);
    assert.equal(out.autumn, 100);
    assert.equal(out.ok, false);
    assert.ok(out.issues > 1, 'a config error lists every problem at once');
    assert.equal(out.timezone, 'Europe/Amsterdam');
    assert.ok(out.resolved.startsWith(consumer), `markets must resolve inside the consumer, got ${out.resolved}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
