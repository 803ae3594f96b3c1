// Under Jest only: a worker thread started from the TypeScript sources (the day-chunk worker
// of @euroflex/backtesting) loads them through this CommonJS require hook, compiled by SWC as
// @swc/jest compiles them for the tests. The worker also gets `--conditions=@euroflex/source`,
// so @euroflex/* resolve to their sources. Built packages never use it.
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

// `./x.js` in a source names `./x.ts` (Jest's moduleNameMapper does the same).
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveTs(request, parent, ...rest) {
  try {
    return resolveFilename.call(this, request, parent, ...rest);
  } catch (error) {
    if (/^\.{1,2}\/.*\.js$/.test(request)) {
      return resolveFilename.call(this, request.slice(0, -3), parent, ...rest);
    }
    throw error;
  }
};
