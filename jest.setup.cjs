// Property tests are reproducible: fast-check runs with a fixed seed unless FC_SEED says
// otherwise (FC_SEED=random explores new cases locally).
const fc = require('fast-check');
const seed = process.env.FC_SEED;
if (seed !== 'random') {
  fc.configureGlobal({ seed: seed === undefined ? 20261129 : Number(seed) });
}

// The day-chunk worker thread of a backtest loads TypeScript sources through this hook (tests only).
process.env.EUROFLEX_TS_WORKER_HOOK = require('node:path').join(__dirname, 'jest.workerHook.cjs');
