import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { profilesOf } from '@euroflex/analytics';
import { PROVIDER_NAMES } from '@euroflex/config';
import type { Command } from '../cli/command';
import { EXIT, UsageError } from '../cli/errors';
import { parseCommand, positionals } from '../cli/parse';
import { colours } from '../cli/terminal';
import { backtestCommandLine, type BacktestPreloaded } from './backtest';
import { command as exportRevision } from './exportRevision';
import { command as exportSchedule, exportProfile } from './exportSchedule';
import { command as reconcile } from './reconcile';
import { validateConfigCommandLine } from './validateConfig';
import { validateDataCommandLine } from './validateData';

const usage = `Usage: euroflex pipeline CONFIG [--provider NAME] [--out DIR] [--profile PROFILE] [--no-report] [--debug-checks]

Run the canonical flow of CONFIG in one process, each step printing what its own command
prints:
  1. validate-config CONFIG
  2. validate-data CONFIG
  3. backtest CONFIG                 (writes the run directory RUN_DIR)
  4. reconcile RUN_DIR               (then checks that the standalone numbers equal the
                                      backtest's inline reconciliation_summary.json, which
                                      schedule_revision runs have)
  5. export-revision RUN_DIR         (export-schedule for a run of another workflow)
Stops at the first step that fails, with that step's exit code. The same as running the
five commands one after the other, but Node, the modules and HiGHS start once.

Options:
  --provider NAME     Forecast provider instead of the config's (${PROVIDER_NAMES.join(', ')})
  --out DIR           Artifact root for the run directory (overrides artifacts.root_dir)
  --profile PROFILE   Export profile (default benchmark), checked before the first step
  --no-report         Do not write report/
  --debug-checks      Check the model invariants on every plan (as backtest --debug-checks)`;

/** A reconciliation summary without `source_run_dir` (the one field the standalone run may change). */
function withoutSourceDir(summary: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(summary).filter(([key]) => key !== 'source_run_dir'));
}

export async function runPipeline(argv: readonly string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, {
    provider: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'string' },
    'no-report': { type: 'boolean' },
    'debug-checks': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return EXIT.ok;
  }
  const [config] = positionals(args, ['config']);
  // The export step's options are checked before any step runs: a profile no export has
  // now, the one for this run's workflow as soon as the config is read.
  const profile = values.profile ?? 'benchmark';
  const known = [...new Set([...profilesOf('schedule'), ...profilesOf('revision')])];
  if (!(known as string[]).includes(profile)) {
    throw new UsageError(`--profile "${profile}" is no export profile: export-schedule takes ${profilesOf('schedule').join(', ')}; export-revision (schedule_revision runs) ${profilesOf('revision').join(', ')}`);
  }
  const c = colours(process.stdout);
  const timings: string[] = [];
  const step = async (name: string, run: () => Promise<number>): Promise<number> => {
    process.stdout.write(`${c.bold(`== ${name}`)}\n`);
    const started = performance.now();
    const code = await run();
    timings.push(`${name} ${Math.round(performance.now() - started)} ms`);
    if (code !== EXIT.ok) {
      process.stderr.write(`pipeline stopped: ${name} exited ${code}\n`);
    }
    return code;
  };

  // What a step read and checked, the later steps reuse instead of reading it again.
  let preloaded: BacktestPreloaded = {};
  let code = await step('validate-config', async () => {
    const checked = await validateConfigCommandLine([config]);
    preloaded = { config: checked.loaded };
    return checked.code;
  });
  if (code === EXIT.ok && preloaded.config !== undefined) {
    exportProfile(preloaded.config.config.workflow === 'schedule_revision' ? 'revision' : 'schedule', profile);
  }
  if (code === EXIT.ok) {
    code = await step('validate-data', async () => {
      const checked = await validateDataCommandLine([config], preloaded.config);
      preloaded = { ...preloaded, marketData: checked.marketData };
      return checked.code;
    });
  }
  let ran: { runDir?: string; workflow?: string } = {};
  if (code === EXIT.ok) {
    const backtestArgs = [
      config,
      ...(values.provider !== undefined ? ['--provider', values.provider] : []),
      ...(values.out !== undefined ? ['--out', values.out] : []),
      ...(values['no-report'] ? ['--no-report'] : []),
      ...(values['debug-checks'] ? ['--debug-checks'] : []),
    ];
    code = await step('backtest', async () => {
      const outcome = await backtestCommandLine(backtestArgs, preloaded);
      ran = outcome;
      return outcome.code;
    });
  }
  if (code !== EXIT.ok) {
    return code;
  }
  const dir = ran.runDir;
  if (dir === undefined) {
    throw new Error('the backtest returned no run directory'); // it always writes one outside a dry run
  }
  code = await step('reconcile', async () => {
    const result = await reconcile.run([dir]);
    if (result === EXIT.ok) {
      checkInlineReconciliation(dir);
    }
    return result;
  });
  if (code !== EXIT.ok) {
    return code;
  }
  const exporter = ran.workflow === 'schedule_revision' ? exportRevision : exportSchedule;
  code = await step(exporter.name, () => exporter.run([dir, '--profile', profile]));
  if (code === EXIT.ok) {
    process.stdout.write(`${c.dim(timings.join(', '))}\n`);
  }
  return code;
}

/**
 * The standalone reconciliation (RUN_DIR/reconciliation/) must equal the backtest's inline
 * one (RUN_DIR/reconciliation_summary.json, written for schedule_revision runs) number for
 * number; a difference is a bug.
 */
export function checkInlineReconciliation(runDir: string): void {
  const inlineFile = join(runDir, 'reconciliation_summary.json');
  if (!existsSync(inlineFile)) {
    process.stdout.write('  (no inline reconciliation to compare: the backtest writes one for schedule_revision runs)\n');
    return;
  }
  const read = (file: string) => withoutSourceDir(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  const inline = read(inlineFile);
  const standalone = read(join(runDir, 'reconciliation', 'reconciliation_summary.json'));
  const differing = Object.keys({ ...inline, ...standalone }).filter((key) => JSON.stringify(inline[key]) !== JSON.stringify(standalone[key]));
  if (differing.length > 0) {
    throw new Error(`the standalone reconciliation differs from the backtest's inline one in ${differing.join(', ')} (${runDir})`);
  }
  process.stdout.write('  standalone = inline reconciliation_summary.json\n');
}

export const command: Command = { name: 'pipeline', summary: 'Run the canonical flow in one process', usage, run: runPipeline };
