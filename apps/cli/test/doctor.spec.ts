import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { runDoctorCommand } from '../src/commands/doctor';
import { capture } from './run';

const REPO = resolve(__dirname, '../../..');
const PORTFOLIO = join(REPO, 'examples/reference/tests/fixtures/example_configs/basic/belgium_portfolio_da_only_base.yaml');

/** The portfolio config with its artifact root at `rootDir`. */
function withRoot(rootDir: string): string {
  const doc = parse(readFileSync(PORTFOLIO, 'utf8')) as Record<string, unknown>;
  (doc.artifacts as Record<string, unknown>).root_dir = rootDir;
  const data = doc.data as Record<string, { actual_path: string }>;
  data.day_ahead.actual_path = resolve(dirname(PORTFOLIO), data.day_ahead.actual_path);
  const file = join(mkdtempSync(join(tmpdir(), 'euroflex-cli-doctor-')), 'config.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

interface DoctorJson {
  ok: boolean;
  checks: { name: string; status: string; detail: string }[];
}

describe('euroflex doctor', () => {
  it('passes with a writable artifact root, reporting the CLI version and credential warnings', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'euroflex-cli-doctor-')), 'runs');
    const result = await capture(() => runDoctorCommand(['--config', withRoot(root), '--json']));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as DoctorJson;
    expect(report.ok).toBe(true);
    const cli = report.checks.find((check) => check.name === 'package:@euroflex/cli');
    expect(cli?.detail).toBe((JSON.parse(readFileSync(join(REPO, 'apps/cli/package.json'), 'utf8')) as { version: string }).version);
    expect(report.checks.find((check) => check.name === 'solver')?.status).toBe('pass');
    const credential = report.checks.find((check) => check.name === 'credential:ENTSOE_API_TOKEN');
    expect(credential?.status).toBe(process.env.ENTSOE_API_TOKEN ? 'pass' : 'warn');
  });

  it('exits 1 with a table naming the failed check when the artifact root is not writable', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'euroflex-cli-doctor-')), 'a-file');
    writeFileSync(file, 'x');
    const result = await capture(() => runDoctorCommand(['--config', withRoot(file)]));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^check +status +detail/);
    expect(result.stdout).toMatch(/artifact_root +fail +/);
    expect(result.stdout).toContain('doctor failed: 1 check(s)');
  });

  it('checks ./artifacts of the working folder without a config', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'euroflex-cli-doctor-'));
    const spy = jest.spyOn(process, 'cwd').mockReturnValue(cwd);
    try {
      const result = await capture(() => runDoctorCommand(['--json']));
      const report = JSON.parse(result.stdout) as DoctorJson;
      expect(report.checks.find((check) => check.name === 'artifact_root')?.detail).toContain(join(cwd, 'artifacts'));
      expect(report.checks.find((check) => check.name === 'credentials')?.status).toBe('warn');
    } finally {
      spy.mockRestore();
    }
  });
});
