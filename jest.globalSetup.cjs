// Every test file's temporary files go under one directory per Jest run (TMPDIR is read by
// os.tmpdir() and inherited by the workers and the processes the tests spawn), and
// jest.globalTeardown.cjs removes it: tests need not clean up after themselves.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'euroflex-jest-'));
  process.env.EUROFLEX_JEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};
