import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '@euroflex/config';
import type { Command } from '../cli/command';
import { parseCommand, positionals } from '../cli/parse';

const usage = `Usage: euroflex schema [--out FILE]

Print the JSON Schema of euroflex config files (schema v4), for editor completion.

Options:
  --out FILE   Write the schema to FILE instead of stdout`;

export async function runSchema(argv: readonly string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, { out: { type: 'string' } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  positionals(args, []);
  const text = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, text);
  } else {
    process.stdout.write(text);
  }
  return 0;
}

export const command: Command = { name: 'schema', summary: 'Print the config JSON Schema', usage, run: runSchema };
