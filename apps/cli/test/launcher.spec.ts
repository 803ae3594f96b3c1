import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI_BUNDLE_FILE, CODE_CACHE_FILE, compileCli, runCli, writeCodeCache } from '../src/launcher';

// A stand-in bundle: a hashbang (as esbuild keeps it), a function only the main module calls,
// and the module's exports.
const BUNDLE = [
  '#!/usr/bin/env node',
  '"use strict";',
  'function square(x) { return x * x; }',
  'exports.squares = [1, 2, 3].map(square);',
  'exports.ranAsMain = require.main === module;',
  'exports.dir = __dirname;',
].join('\n');

// A stand-in whose main records its commands in calls.txt next to it and prints, as the CLI
// does; `fail.yaml` makes it exit 1.
const CLI_BUNDLE = [
  '"use strict";',
  'exports.main = async (argv) => {',
  '  require("node:fs").appendFileSync(__dirname + "/calls.txt", argv.join(" ") + "\\n");',
  '  process.stdout.write("ok\\n");',
  '  return argv[1] === "fail.yaml" ? 1 : 0;',
  '};',
].join('\n');

describe('the euroflex launcher', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'euroflex-launcher-'));
    writeFileSync(join(dir, CLI_BUNDLE_FILE), BUNDLE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle as a CommonJS module, as the main module only when asked', () => {
    const compiled = compileCli(dir);
    expect(compiled.cacheRejected).toBeUndefined();
    expect(runCli(compiled, false).exports).toEqual({ squares: [1, 4, 9], ranAsMain: false, dir });
    expect(runCli(compileCli(dir), true).exports).toEqual({ squares: [1, 4, 9], ranAsMain: true, dir });
  });

  it('writes a code cache that V8 then accepts', async () => {
    const bytes = await writeCodeCache(dir);
    expect(bytes).toBeGreaterThan(0);
    expect(readFileSync(join(dir, CODE_CACHE_FILE)).length).toBe(bytes);
    const compiled = compileCli(dir);
    expect(compiled.cacheRejected).toBe(false);
    expect(runCli(compiled, false).exports.squares).toEqual([1, 4, 9]);
  });

  it('runs a bundle whose cache V8 rejects (made for another bundle) from its source', async () => {
    await writeCodeCache(dir);
    writeFileSync(join(dir, CLI_BUNDLE_FILE), BUNDLE.replace('[1, 2, 3]', '[1, 2, 3, 4, 5]'));
    const compiled = compileCli(dir);
    expect(compiled.cacheRejected).toBe(true);
    expect(runCli(compiled, false).exports.squares).toEqual([1, 4, 9, 16, 25]);
  });

  it('does not offer the cache when told not to', async () => {
    await writeCodeCache(dir);
    expect(compileCli(dir, false).cacheRejected).toBeUndefined();
  });

  it('warms the cache up with CLI commands, quietly, and fails when one fails', async () => {
    writeFileSync(join(dir, CLI_BUNDLE_FILE), CLI_BUNDLE);
    const stdout = jest.spyOn(process.stdout, 'write');
    try {
      await writeCodeCache(dir, [
        ['validate-config', 'site.yaml'],
        ['backtest', 'site.yaml', '--out', 'runs'],
      ]);
      expect(readFileSync(join(dir, 'calls.txt'), 'utf8')).toBe('validate-config site.yaml\nbacktest site.yaml --out runs\n');
      expect(stdout).not.toHaveBeenCalled();
      expect(compileCli(dir).cacheRejected).toBe(false);
      await expect(writeCodeCache(dir, [['validate-data', 'fail.yaml']])).rejects.toThrow('code cache warm-up: euroflex validate-data fail.yaml exited 1');
    } finally {
      stdout.mockRestore();
    }
  });

  it('puts back the V8 flag a warm-up run set (HiGHS sets its tiering budget), so that V8 accepts the cache', async () => {
    const settingBundle = CLI_BUNDLE.replace('exports.main = async (argv) => {', 'exports.main = async (argv) => {\n  require("node:v8").setFlagsFromString("--wasm-tiering-budget=18000000");');
    expect(settingBundle).toContain('setFlagsFromString');
    writeFileSync(join(dir, CLI_BUNDLE_FILE), settingBundle);
    await writeCodeCache(dir, [['backtest', 'site.yaml']]);
    // V8 checks the flags against those of the process it runs in when that process started,
    // so the check runs in a fresh one, compiling the bundle as compileCli does.
    const check = [
      'const fs = require("node:fs"); const { Module } = require("node:module"); const vm = require("node:vm");',
      `const dir = ${JSON.stringify(dir)};`,
      `const source = fs.readFileSync(dir + "/${CLI_BUNDLE_FILE}", "utf8").replace(/^#!.*/, "");`,
      `const script = new vm.Script(Module.wrap(source), { filename: dir + "/${CLI_BUNDLE_FILE}", cachedData: fs.readFileSync(dir + "/${CODE_CACHE_FILE}"), importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });`,
      'process.stdout.write(String(script.cachedDataRejected));',
    ].join('\n');
    expect(execFileSync(process.execPath, ['-e', check], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })).toBe('false');
  });

  it('hides the experimental warning of the loader it uses on purpose, and no other warning', () => {
    // A stand-in bundle that loads an ES module as the CLI loads a custom module, then warns.
    writeFileSync(join(dir, 'custom.mjs'), 'export const answer = 42;\n');
    const importing = `import(${JSON.stringify(join(dir, 'custom.mjs'))}).then((m) => { process.emitWarning('another warning'); process.stdout.write(m.answer + '\\n'); });`;
    writeFileSync(join(dir, CLI_BUNDLE_FILE), importing);
    const launcher = resolve(__dirname, '../src/launcher.ts');
    const hook = process.env.EUROFLEX_TS_WORKER_HOOK as string;
    const run = (script: string) => spawnSync(process.execPath, ['-r', hook, '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    const launched = run(`const l = require(${JSON.stringify(launcher)}); l.runCli(l.compileCli(${JSON.stringify(dir)}), true);`);
    expect(launched.status).toBe(0);
    expect(launched.stdout).toBe('42\n');
    expect(launched.stderr).toContain('Warning: another warning');
    expect(launched.stderr).not.toContain('USE_MAIN_CONTEXT_DEFAULT_LOADER');
    // Without the launcher the same import prints it.
    const plain = run(`new (require('node:vm').Script)(${JSON.stringify(importing)}, { importModuleDynamically: require('node:vm').constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext();`);
    expect(plain.stderr).toContain('ExperimentalWarning: vm.USE_MAIN_CONTEXT_DEFAULT_LOADER is an experimental feature');
  });
});
