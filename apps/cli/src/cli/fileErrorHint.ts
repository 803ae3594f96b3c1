// Loaded by main.ts only once a command has failed, so that a command that does not need
// @euroflex/backtesting never loads it (a lazy import of the library itself would forbid
// its static imports everywhere else in the app).
export { fileErrorHint } from '@euroflex/backtesting';
