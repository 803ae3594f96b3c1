// Removes the run's temporary directory made by jest.globalSetup.cjs.
const { rmSync } = require('node:fs');

module.exports = async () => {
  const dir = process.env.EUROFLEX_JEST_TMPDIR;
  if (dir !== undefined) {
    rmSync(dir, { recursive: true, force: true });
  }
};
