#!/usr/bin/env node
// The `euroflex` bin (dist/bin/euroflex.cjs): runs the CLI bundle (dist/bin/euroflex-cli.cjs)
// with the V8 code cache that the `bundle` target writes next to it, so V8 deserializes the
// CLI's compiled functions instead of parsing and compiling 1.8 MB of JavaScript on every
// start (docs/decisions/0006-cli-code-cache.md). A missing cache, or one V8 rejects (another
// Node version, other V8 flags), only costs that compile: the CLI runs the same.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { constants, Script } from 'node:vm';

/** The CLI bundle, next to this launcher. */
export const CLI_BUNDLE_FILE = 'euroflex-cli.cjs';
/** V8's code cache of the bundle, next to it. */
export const CODE_CACHE_FILE = 'euroflex-cli.code-cache';

export interface CompiledCli {
  readonly filename: string;
  readonly script: Script;
  /** Whether V8 refused the code cache; undefined when there was none to offer. */
  readonly cacheRejected: boolean | undefined;
}

function readCodeCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/** What Node says on the first dynamic `import()` through the constant below (the CLI loads a custom module). */
const LOADER_WARNING = 'vm.USE_MAIN_CONTEXT_DEFAULT_LOADER is an experimental feature';
let loaderWarningHidden = false;

/**
 * Hide Node's ExperimentalWarning about `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER`, which
 * the launcher uses on purpose; every other warning is emitted as before.
 */
function hideLoaderWarning(): void {
  if (loaderWarningHidden) {
    return;
  }
  loaderWarningHidden = true;
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const message = typeof warning === 'string' ? warning : warning.message;
    if (message.startsWith(LOADER_WARNING)) {
      return;
    }
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}

/**
 * Compile the bundle in `dir` as Node compiles a CommonJS module (the same wrapper, dynamic
 * `import()` through Node's default loader, whose experimental warning is hidden), offering
 * V8 the code cache unless `useCache` is false. Its hashbang line is dropped: inside the
 * wrapper it would not parse.
 */
export function compileCli(dir: string = __dirname, useCache = true): CompiledCli {
  hideLoaderWarning();
  const filename = join(dir, CLI_BUNDLE_FILE);
  const source = readFileSync(filename, 'utf8').replace(/^#!.*/, '');
  const cachedData = useCache ? readCodeCache(join(dir, CODE_CACHE_FILE)) : undefined;
  const script = new Script(Module.wrap(source), {
    filename,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  return { filename, script, cacheRejected: cachedData === undefined ? undefined : script.cachedDataRejected === true };
}

/**
 * Run the compiled bundle's top level as a module. As the main module it starts the CLI on
 * `process.argv`; otherwise it only loads its code and exports `main` (which the code cache
 * writer's warm-up calls).
 */
export function runCli(compiled: CompiledCli, asMain: boolean): Module {
  const cliModule = new Module(compiled.filename, module);
  cliModule.filename = compiled.filename;
  const nodeRequire = Module.createRequire(compiled.filename);
  const cliRequire = Object.assign((id: string): unknown => nodeRequire(id), nodeRequire, {
    main: asMain ? cliModule : nodeRequire.main,
  });
  const wrapper = compiled.script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(cliModule.exports, cliModule.exports, cliRequire, cliModule, compiled.filename, dirname(compiled.filename));
  return cliModule;
}

/**
 * V8 flags that the CLI sets while it runs (a HiGHS compilation sets its WebAssembly tiering
 * budget, optimization/src/solver/wasmTiering.ts). V8 accepts a code cache only under the
 * flag values it was made with, so they go back to V8's defaults before the cache is written.
 */
const FLAGS_SET_BY_THE_CLI = ['wasm-tiering-budget'];

function restoreV8Defaults(): void {
  const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  for (const flag of FLAGS_SET_BY_THE_CLI) {
    const value = new RegExp(`default: --${flag}=(\\S+)`).exec(options)?.[1];
    if (value === undefined) {
      throw new Error(`code cache: no default of --${flag} in \`node --v8-options\``);
    }
    setFlagsFromString(`--${flag}=${value}`);
  }
}

/**
 * Write the code cache of the bundle in `dir`: compile it from source, load its code, run
 * the `warmUp` commands (each an argv of the CLI, output discarded), and save what V8
 * compiled. Commands that cover a run (validate-config, validate-data, a short backtest with
 * its report) put the functions of every phase into the cache, which each start compiles
 * otherwise. Run it in a plain `node` (no V8 flags): the flags the CLI set are put back to
 * V8's defaults first. Resolves to the cache's size in bytes; rejects when a command fails.
 */
export async function writeCodeCache(dir: string = __dirname, warmUp: readonly (readonly string[])[] = []): Promise<number> {
  const compiled = compileCli(dir, false);
  const cli = runCli(compiled, false).exports as { main(argv: readonly string[]): Promise<number> };
  for (const argv of warmUp) {
    const code = await withoutOutput(() => cli.main(argv));
    if (code !== 0) {
      throw new Error(`code cache warm-up: euroflex ${argv.join(' ')} exited ${code}`);
    }
  }
  restoreV8Defaults();
  const data = compiled.script.createCachedData();
  writeFileSync(join(dir, CODE_CACHE_FILE), data);
  return data.length;
}

async function withoutOutput<T>(run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
}

if (require.main === module) {
  runCli(compileCli(), true);
}
