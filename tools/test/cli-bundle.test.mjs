// The `euroflex` bin is a single-file bundle of the CLI (apps/cli, target `bundle`): it must
// behave like the unbundled dist/main.js. Builds it, then runs both on the same inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const cli = path.join(root, 'apps/cli');
const bin = path.join(cli, JSON.parse(readFileSync(path.join(cli, 'package.json'), 'utf8')).bin.euroflex);
const unbundled = path.join(cli, 'dist/main.js');
const canonical = path.join(root, 'examples/reference/examples/configs/canonical/belgium_full_stack.yaml');

const euroflex = (entry, args) => spawnSync(process.execPath, [entry, ...args], { cwd: root, env, encoding: 'utf8' });

test('the bundled euroflex bin behaves like the unbundled CLI', { timeout: 600_000 }, () => {
  execFileSync('npx', ['nx', 'run', '@euroflex/cli:bundle', '--output-style=static'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.match(path.relative(cli, bin), /^dist\/bin\/euroflex\.cjs$/);

  // The bin is the launcher: it runs the bundle next to it with the code cache the bundle
  // step wrote, and a plain node accepts that cache (a V8 flag set while the CLI loads, or a
  // cache made from another bundle, would make V8 reject it and every start compile again).
  const launcher = spawnSync(
    process.execPath,
    ['-e', 'const l = require(process.argv[1]); const c = l.compileCli(); console.log(JSON.stringify({ file: c.filename, rejected: c.cacheRejected }))', bin],
    { cwd: root, env: { ...env, NODE_OPTIONS: '' }, encoding: 'utf8' },
  );
  assert.equal(launcher.status, 0, launcher.stderr);
  assert.deepEqual(JSON.parse(launcher.stdout), { file: path.join(cli, 'dist/bin/euroflex-cli.cjs'), rejected: false });

  // Same output and exit code for a valid config, a usage error and bad input.
  for (const args of [['validate-config', canonical], ['no-such-command'], ['validate-config', path.join(root, 'package.json')]]) {
    const bundled = euroflex(bin, args);
    const plain = euroflex(unbundled, args);
    assert.equal(bundled.status, plain.status, `exit code of ${args.join(' ')}`);
    assert.equal(bundled.stdout, plain.stdout, `stdout of ${args.join(' ')}`);
    assert.equal(bundled.stderr, plain.stderr, `stderr of ${args.join(' ')}`);
  }

  // doctor finds the CLI's own package.json from the bundle's folder, and HiGHS solves.
  const doctor = euroflex(bin, ['doctor']);
  assert.match(doctor.stdout, /package:@euroflex\/cli\s+pass\s+0\.\d+\.\d+/);
  assert.match(doctor.stdout, /solver\s+pass\s+HiGHS/);

  // A custom module is loaded through the launcher's vm loader: Node's experimental warning
  // about that loader is hidden, and nothing else is printed on stderr.
  const customOut = mkdtempSync(path.join(tmpdir(), 'euroflex-bundle-custom-'));
  try {
    const custom = euroflex(bin, ['backtest', path.join(root, 'examples/custom/belgium_da_only_blended_persistence.yaml'), '--out', customOut, '--no-report']);
    assert.equal(custom.status, 0, custom.stderr);
    assert.doesNotMatch(custom.stderr, /ExperimentalWarning|USE_MAIN_CONTEXT_DEFAULT_LOADER/);
  } finally {
    rmSync(customOut, { recursive: true, force: true });
  }

  // The whole canonical pipeline runs from the bundle and writes a complete run.
  const out = mkdtempSync(path.join(tmpdir(), 'euroflex-bundle-'));
  try {
    const pipeline = euroflex(bin, ['pipeline', canonical, '--provider', 'persistence', '--out', out, '--no-report', '--debug-checks']);
    assert.equal(pipeline.status, 0, pipeline.stderr);
    assert.match(pipeline.stdout, /validate-config \d+ ms, validate-data \d+ ms, backtest \d+ ms, reconcile \d+ ms, export-revision \d+ ms/);
    const runs = readdirSync(out).filter((name) => !name.startsWith('.'));
    assert.equal(runs.length, 1, runs.join(', '));
    const summary = JSON.parse(readFileSync(path.join(out, runs[0], 'summary.json'), 'utf8'));
    assert.equal(summary.workflow, 'schedule_revision');
    assert.equal(summary.base_workflow, 'da_plus_afrr');
    assert.ok(readdirSync(path.join(out, runs[0], 'exports')).length > 0);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
