// Property tests are reproducible: fast-check runs with a fixed seed unless FC_SEED says
// otherwise (FC_SEED=random explores new cases locally).
const fc = require('fast-check');
const seed = process.env.FC_SEED;
if (seed !== 'random') {
  fc.configureGlobal({ seed: seed === undefined ? 20261129 : Number(seed) });
}
