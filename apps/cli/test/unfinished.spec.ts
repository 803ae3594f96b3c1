import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unfinishedMessage } from '../src/cli/unfinished';
import { referenceVariant } from './configVariant';

const MAIN = resolve(__dirname, '../src/main.ts');

/** Run the CLI from its sources in a process of its own (only there does the event loop empty). */
function euroflex(...argv: string[]) {
  const hook = process.env.EUROFLEX_TS_WORKER_HOOK as string;
  return spawnSync(process.execPath, ['-r', hook, '--conditions=@euroflex/source', MAIN, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
}

describe('a command that never finishes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'euroflex-cli-hangs-'));
  const module = join(dir, 'hangs.mjs');
  writeFileSync(module, 'export class Hangs {\n  forecast() {\n    return new Promise(() => {});\n  }\n}\n');
  const config = referenceVariant('tests/fixtures/example_configs/basic/belgium_da_only_base.yaml', (doc) => {
    doc.forecast_provider = { name: 'custom_module', module_path: module, class_name: 'Hangs' };
  });

  it.each([['backtest'], ['pipeline']])('%s with a forecast() that never resolves exits 1 naming the module', (command) => {
    const result = euroflex(command, config, '--out', join(dir, 'runs'), '--no-report');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: the command stopped before it finished: a promise never settled');
    expect(result.stderr).toContain(`custom forecast module ${module}, class Hangs (forecast_provider.module_path in ${config})`);
    expect(result.stderr).toContain('make it return its forecast, or a promise that resolves to it or rejects');
  });

  it('names no module when the command had none to call', () => {
    expect(unfinishedMessage()).toMatch(/^the command stopped before it finished: a promise never settled; a custom forecast module whose forecast\(\) never resolves does this \(forecast_provider\.module_path\)/);
  });
});
