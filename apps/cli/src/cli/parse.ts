import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parse a command's arguments strictly; unknown flags are usage errors. */
export function parseCommand(argv: readonly string[], options: OptionSpec) {
  try {
    return parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Exactly `count` positional arguments, named for the usage message. */
export function positionals(values: readonly string[], names: readonly string[]): string[] {
  if (values.length !== names.length) {
    throw new UsageError(`expected ${names.map((n) => n.toUpperCase()).join(' ')}, got ${values.length === 0 ? 'nothing' : values.join(' ')}`);
  }
  return [...values];
}
