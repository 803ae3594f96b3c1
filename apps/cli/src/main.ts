#!/usr/bin/env node
import { fileErrorHint, UserError } from '@euroflex/config';
import type { Command } from './cli/command';
import { EXIT, UsageError } from './cli/errors';
import { printIssues } from './cli/printIssues';
import { exitAfterOutput, exitIfUnfinished } from './cli/processExit';
import { colours } from './cli/terminal';

/** Every command, loaded only when it is run (the table of contents of the CLI). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  'validate-config': { summary: 'Check a config file against schema v4', load: async () => (await import('./commands/validateConfig.js')).command },
  'validate-data': { summary: "Check a config's data files for the delivery window", load: async () => (await import('./commands/validateData.js')).command },
  backtest: { summary: 'Run a walk-forward backtest and write a run directory', load: async () => (await import('./commands/backtest.js')).command },
  reconcile: { summary: 'Reconcile a run: baseline, revised and realized PnL and the buckets between them', load: async () => (await import('./commands/reconcile.js')).command },
  pipeline: { summary: 'Run validate-config, validate-data, backtest, reconcile and the export in one process', load: async () => (await import('./commands/pipeline.js')).command },
  report: { summary: 'Regenerate report/index.html and report/summary.md of a run directory', load: async () => (await import('./commands/report.js')).command },
  compare: { summary: 'Compare runs side by side, with deltas, groups and portfolio uplift', load: async () => (await import('./commands/compare.js')).command },
  'export-schedule': { summary: 'Export the schedules of a run by profile', load: async () => (await import('./commands/exportSchedule.js')).command },
  'export-bids': { summary: 'Export the nominations and reserve bids of a run by profile', load: async () => (await import('./commands/exportBids.js')).command },
  'export-revision': { summary: 'Export the lineage bundle of a revision run', load: async () => (await import('./commands/exportRevision.js')).command },
  doctor: { summary: 'Check the installation, solver, artifact root and credentials', load: async () => (await import('./commands/doctor.js')).command },
  normalize: { summary: 'Convert a foreign CSV into the canonical series format', load: async () => (await import('./commands/normalize.js')).command },
  capabilities: { summary: 'Print the capability matrix (market x workflow x scope x provider)', load: async () => (await import('./commands/capabilities.js')).command },
  schema: { summary: 'Print the JSON Schema of config files', load: async () => (await import('./commands/schema.js')).command },
};

function version(): string {
  return (require('../package.json') as { version: string }).version;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return [
    'euroflex: schedule, backtest and audit battery portfolios in Belgian and Dutch flexibility markets',
    '',
    'Usage: euroflex <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     Show help (also after a command: euroflex backtest --help)',
    '  --version      Print the version',
    '',
    'Exit codes: 0 ok, 1 user or data error, 2 usage error, 3 internal error.',
    '',
  ].join('\n');
}

/** Run the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (entry === undefined) {
    const c = colours(process.stderr);
    process.stderr.write(`${c.red('error')}: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  try {
    return await command.run(rest);
  } catch (error) {
    const c = colours(process.stderr);
    if (error instanceof UsageError) {
      process.stderr.write(`${c.red('error')}: ${error.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      printIssues(error.issues, error.file, error.message);
      return EXIT.user;
    }
    const hint = fileErrorHint(error);
    if (hint !== undefined) {
      process.stderr.write(`${c.red('error')}: ${(error as Error).message}\n  ${hint}\n`);
      return EXIT.user;
    }
    const stack = error instanceof Error ? error.stack ?? error.message : String(error);
    process.stderr.write(`${c.red('internal error')}: ${stack}\n\nThis is a bug in euroflex: please report it with the command line and the config.\n`);
    return EXIT.internal;
  }
}

/** A closed pipe (`euroflex report RUN | head`) ends the output, not in a stack trace. */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      process.exit(process.exitCode ?? EXIT.ok);
    }
    throw error;
  });
}

if (require.main === module) {
  exitQuietlyOnClosedPipe(process.stdout);
  const command = main(process.argv.slice(2));
  exitIfUnfinished(command);
  command.then(
    (code) => {
      exitAfterOutput(code);
    },
    (error: unknown) => {
      process.stderr.write(`internal error: ${String(error)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
