import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Solver } from '@euroflex/optimization';
import { credentialChecks, formatDoctorTable, nodeCheck, solverCheck } from '../../src/doctor/doctorChecks';
import { EUROFLEX_PACKAGES, runDoctor } from '../../src/io/runDoctor';
import { configVariant, REFERENCE_CONFIGS, REPO, sharedSolver, tempDir } from '../report/support';

const PORTFOLIO = join(REFERENCE_CONFIGS, 'basic/belgium_portfolio_da_only_base.yaml');

describe('doctor checks', () => {
  it('accepts Node 20 and later only', () => {
    expect(nodeCheck('v20.20.2').status).toBe('pass');
    expect(nodeCheck('v22.1.0').status).toBe('pass');
    expect(nodeCheck('v18.19.0')).toEqual({ name: 'node', status: 'fail', detail: 'Node v18.19.0: euroflex needs Node 20 or later' });
  });

  it('solves the tiny LP to its known optimum, and fails a solver that does not', async () => {
    const solver = await sharedSolver();
    expect(solverCheck(solver)).toMatchObject({ name: 'solver', status: 'pass' });
    const broken = { version: '0.0', solve: () => ({ status: 'infeasible', objective: Number.NaN, hasSolution: false, x: new Float64Array(2), solverMs: 0, iterations: 0 }) };
    expect(solverCheck(broken as unknown as Solver)).toMatchObject({ name: 'solver', status: 'fail' });
  });

  it('reports whether each credential is set, as warnings, never its value', () => {
    const checks = credentialChecks(['ENTSOE_API_TOKEN', 'TENNET_API_KEY'], { ENTSOE_API_TOKEN: 'secret-value' });
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['credential:ENTSOE_API_TOKEN', 'pass'],
      ['credential:TENNET_API_KEY', 'warn'],
    ]);
    expect(JSON.stringify(checks)).not.toContain('secret-value');
    expect(credentialChecks(undefined, {})[0].status).toBe('warn');
    expect(credentialChecks([], {})[0].status).toBe('pass');
  });

  it('prints an aligned table of name, status and detail', () => {
    const text = formatDoctorTable([
      { name: 'node', status: 'pass', detail: 'Node v20' },
      { name: 'artifact_root', status: 'fail', detail: 'x' },
    ]);
    expect(text.split('\n')[2]).toBe('node           pass    Node v20');
    expect(text.split('\n')[3]).toBe('artifact_root  fail    x');
  });
});

describe('runDoctor', () => {
  it('without a config: versions, solver, ./artifacts created, credentials not checked', async () => {
    const cwd = tempDir();
    const report = await runDoctor({ cwd, env: {}, solver: await sharedSolver() });
    expect(report.ok).toBe(true);
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
    for (const name of EUROFLEX_PACKAGES) {
      const folder = name.replace('@euroflex/', '');
      const version = (JSON.parse(readFileSync(join(REPO, 'packages', folder, 'package.json'), 'utf8')) as { version: string }).version;
      expect(byName[`package:${name}`]).toEqual({ name: `package:${name}`, status: 'pass', detail: version });
    }
    expect(byName.artifact_root.status).toBe('pass');
    expect(byName.artifact_root.detail).toContain('was created');
    expect(existsSync(join(cwd, 'artifacts'))).toBe(true);
    expect(byName.credentials.status).toBe('warn');
    // A second run finds the folder there.
    const again = await runDoctor({ cwd, env: {}, solver: await sharedSolver() });
    expect(again.checks.find((c) => c.name === 'artifact_root')?.detail).not.toContain('created');
  });

  it('with a config: its artifact root and its live-data credentials (a missing one only warns)', async () => {
    const root = join(tempDir(), 'runs');
    const config = configVariant(PORTFOLIO, (doc) => {
      (doc.artifacts as Record<string, unknown>).root_dir = root;
    });
    const report = await runDoctor({ configPath: config, env: {}, solver: await sharedSolver() });
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.name === 'artifact_root')?.detail).toContain(root);
    expect(report.checks.find((c) => c.name === 'credential:ENTSOE_API_TOKEN')?.status).toBe('warn');
    expect(existsSync(root)).toBe(true);
  });

  it('fails when the artifact root is a file, or the config is invalid or missing', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const blocked = configVariant(PORTFOLIO, (doc) => {
      (doc.artifacts as Record<string, unknown>).root_dir = file;
    });
    const report = await runDoctor({ configPath: blocked, env: {}, solver: await sharedSolver() });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'artifact_root')?.status).toBe('fail');

    const invalid = configVariant(PORTFOLIO, (doc) => {
      doc.run_nmae = 'typo';
    });
    const bad = await runDoctor({ configPath: invalid, env: {}, solver: await sharedSolver() });
    expect(bad.ok).toBe(false);
    expect(bad.checks.find((c) => c.name === 'config')?.detail).toContain('run_nmae');
    expect(bad.checks.some((c) => c.name === 'artifact_root')).toBe(false);

    const missing = await runDoctor({ configPath: join(tempDir(), 'nope.yaml'), env: {}, solver: await sharedSolver() });
    expect(missing.checks.find((c) => c.name === 'config')?.status).toBe('fail');
  });

  it('documents every check in docs/doctor.md', async () => {
    const doc = readFileSync(join(REPO, 'docs/doctor.md'), 'utf8');
    const root = join(tempDir(), 'runs');
    const config = configVariant(PORTFOLIO, (d) => {
      (d.artifacts as Record<string, unknown>).root_dir = root;
    });
    const names = [
      ...(await runDoctor({ configPath: config, env: {}, solver: await sharedSolver() })).checks,
      ...(await runDoctor({ cwd: tempDir(), env: {}, solver: await sharedSolver() })).checks,
    ].map((c) => c.name.replace(/^package:.*/, 'package:<name>').replace(/^credential:.*/, 'credential:<VAR>'));
    expect([...new Set(names)].filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
    for (const name of EUROFLEX_PACKAGES) {
      expect(doc).toContain(`\`${name}\``);
    }
  });
});
