import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('writes a code cache that V8 then accepts', () => {
    const bytes = writeCodeCache(dir);
    expect(bytes).toBeGreaterThan(0);
    expect(readFileSync(join(dir, CODE_CACHE_FILE)).length).toBe(bytes);
    const compiled = compileCli(dir);
    expect(compiled.cacheRejected).toBe(false);
    expect(runCli(compiled, false).exports.squares).toEqual([1, 4, 9]);
  });

  it('runs a bundle whose cache V8 rejects (made for another bundle) from its source', () => {
    writeCodeCache(dir);
    writeFileSync(join(dir, CLI_BUNDLE_FILE), BUNDLE.replace('[1, 2, 3]', '[1, 2, 3, 4, 5]'));
    const compiled = compileCli(dir);
    expect(compiled.cacheRejected).toBe(true);
    expect(runCli(compiled, false).exports.squares).toEqual([1, 4, 9, 16, 25]);
  });

  it('does not offer the cache when told not to', () => {
    writeCodeCache(dir);
    expect(compileCli(dir, false).cacheRejected).toBeUndefined();
  });
});
