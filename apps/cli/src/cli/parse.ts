import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Values of parsed flags: booleans for boolean options, strings otherwise. */
export type ParsedValues<T extends OptionSpec> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string;
} & { help?: boolean };

/** Parse a command's arguments strictly; unknown flags are usage errors. `--help` is always known. */
export function parseCommand<const T extends OptionSpec>(
  argv: readonly string[],
  options: T,
): { values: ParsedValues<T>; positionals: string[] } {
  const config = { args: [...argv], options: { ...options, ...HELP }, allowPositionals: true, strict: true } as const;
  try {
    const parsed = parseArgs(config);
    return { values: parsed.values as ParsedValues<T>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Exactly these positional arguments, named for the usage message. */
export function positionals(values: readonly string[], names: readonly string[]): string[] {
  if (values.length !== names.length) {
    const expected = names.length === 0 ? 'no arguments' : names.map((n) => n.toUpperCase()).join(' ');
    throw new UsageError(`expected ${expected}, got ${values.length === 0 ? 'nothing' : values.join(' ')}`);
  }
  return [...values];
}
