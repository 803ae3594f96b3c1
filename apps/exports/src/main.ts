#!/usr/bin/env node
/**
 * euroflex-exports: the handoff service (HTTP API for validate, backtest, reconcile,
 * exports and the run registry). This release ships the entry point only; the service
 * arrives with the run registry.
 */
const usage = `euroflex-exports: the euroflex handoff service

Usage: euroflex-exports [--help] [--version]

The HTTP API (validate, backtest jobs, reconcile, export bundles, run registry),
bound to 127.0.0.1 by default, arrives in a later release. Use the euroflex CLI
for now: euroflex --help.
`;

export function main(argv: readonly string[]): number {
  if (argv.includes('--version')) {
    process.stdout.write(`${(require('../package.json') as { version: string }).version}\n`);
    return 0;
  }
  process.stdout.write(usage);
  return argv.length === 0 || argv.includes('--help') || argv.includes('-h') ? 0 : 2;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
