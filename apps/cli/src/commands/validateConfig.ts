import { ConfigError, loadConfig, type LoadedConfig } from '@euroflex/config';
import type { Command } from '../cli/command';
import { parseCommand, positionals } from '../cli/parse';
import { printIssues, printWarnings } from '../cli/printIssues';
import { colours } from '../cli/terminal';

const usage = `Usage: euroflex validate-config CONFIG [--json]

Check CONFIG against schema v4: every field, unknown keys (with suggestions), HH:MM
times, dates, the cross-field rules and the capability matrix. All problems are listed
at once as "file: path.to.field: message".

Options:
  --json   Print {"ok", "file", "issues", "warnings"} as JSON on stdout`;

export async function runValidateConfig(argv: readonly string[]): Promise<number> {
  return (await validateConfigCommandLine(argv)).code;
}

/** Runs one `validate-config` command line; also returns the valid config (for `pipeline`). */
export async function validateConfigCommandLine(argv: readonly string[]): Promise<{ code: number; loaded?: LoadedConfig }> {
  const { values, positionals: args } = parseCommand(argv, { json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return { code: 0 };
  }
  const [file] = positionals(args, ['config']);
  try {
    const loaded = loadConfig(file);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ok: true, file: loaded.file, issues: [], warnings: loaded.warnings }, null, 2)}\n`);
    } else {
      printWarnings(loaded.warnings, loaded.file);
      const c = colours(process.stdout);
      process.stdout.write(`${c.green('ok')}: ${loaded.file} is a valid schema v4 config (${loaded.config.workflow}, ${loaded.config.market.id}, ${loaded.config.assets.length} asset(s))\n`);
    }
    return { code: 0, loaded };
  } catch (error) {
    if (error instanceof ConfigError && values.json) {
      process.stdout.write(`${JSON.stringify({ ok: false, file: error.file, issues: error.issues, warnings: [] }, null, 2)}\n`);
      return { code: 1 };
    }
    if (error instanceof ConfigError) {
      printIssues(error.issues, error.file, error.message);
      return { code: 1 };
    }
    throw error;
  }
}

export const command: Command = { name: 'validate-config', summary: 'Check a config file', usage, run: runValidateConfig };
