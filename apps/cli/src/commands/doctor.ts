import { runDoctor, type DoctorCheck } from '@euroflex/analytics';
import { join } from 'node:path';
import type { Command } from '../cli/command';
import { parseCommand, positionals } from '../cli/parse';
import { colours } from '../cli/terminal';

const usage = `Usage: euroflex doctor [--config PATH] [--json]

Check the installation: the Node version, each @euroflex package's version, that HiGHS
loads and solves a small LP to its known optimum, and that the artifact root is writable
(the config's artifacts.root_dir, else ./artifacts; created when missing). With --config,
the config is validated and each live-data credential it names
(market.live_data_auth_env_var_names) is checked for presence: a missing one is a
warning, never an error, and values are never printed.

Exit code 0 unless a check fails (then 1).

Options:
  --config PATH   Config whose artifact root and credentials are checked
  --json          Print {ok, checks: [{name, status, detail}]} as JSON`;

function table(checks: readonly DoctorCheck[]): string {
  const c = colours(process.stdout);
  const paint = { pass: c.green, warn: c.yellow, fail: c.red };
  const width = Math.max(5, ...checks.map((check) => check.name.length));
  const lines = [c.bold(`${'check'.padEnd(width)}  status  detail`)];
  for (const check of checks) {
    lines.push(`${check.name.padEnd(width)}  ${paint[check.status](check.status.padEnd(6))}  ${check.detail}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runDoctorCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, { config: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  positionals(args, []);
  const report = await runDoctor({
    configPath: values.config,
    extraPackages: { '@euroflex/cli': join(__dirname, '../../package.json') },
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const failed = report.checks.filter((check) => check.status === 'fail').length;
    const warned = report.checks.filter((check) => check.status === 'warn').length;
    process.stdout.write(`${table(report.checks)}\n${failed === 0 ? 'doctor passed' : `doctor failed: ${failed} check(s)`}${warned > 0 ? `, ${warned} warning(s)` : ''}\n`);
  }
  return report.ok ? 0 : 1;
}

export const command: Command = { name: 'doctor', summary: 'Check the installation, solver, artifact root and credentials', usage, run: runDoctorCommand };
