import { capabilityRows, renderCapabilitiesMarkdown } from '@euroflex/config';
import type { Command } from '../cli/command';
import { parseCommand, positionals } from '../cli/parse';

const usage = `Usage: euroflex capabilities [--json]

Print the capability matrix: for each market, workflow, scope, provider and forecast
mode, whether it is supported, its tier and a note. Config validation uses the same table.

Options:
  --json   Print the table as JSON`;

export async function runCapabilities(argv: readonly string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, { json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  positionals(args, []);
  process.stdout.write(values.json ? `${JSON.stringify(capabilityRows(), null, 2)}\n` : renderCapabilitiesMarkdown());
  return 0;
}

export const command: Command = { name: 'capabilities', summary: 'Print the capability matrix', usage, run: runCapabilities };
