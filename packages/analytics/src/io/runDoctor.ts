import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileErrorHint, makeDirectory } from '@euroflex/config';
import { formatIssues, loadConfig, UserError, type EuroflexConfig } from '@euroflex/config';
import { createSolver, type Solver } from '@euroflex/optimization';
import { credentialChecks, nodeCheck, solverCheck, type DoctorCheck } from '../doctor/doctorChecks';

/** The layers whose versions doctor reports, bottom up. */
export const EUROFLEX_PACKAGES = [
  '@euroflex/config',
  '@euroflex/markets',
  '@euroflex/forecasts',
  '@euroflex/optimization',
  '@euroflex/backtesting',
  '@euroflex/analytics',
] as const;

export interface DoctorOptions {
  /** Config whose artifact root and live-data credentials are checked. */
  readonly configPath?: string;
  /** Folder that `./artifacts` is relative to without a config. Defaults to process.cwd(). */
  readonly cwd?: string;
  /** Environment for the credential checks. Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Node version string. Defaults to process.version. */
  readonly nodeVersion?: string;
  /** Extra packages to report (the CLI adds itself): name -> package.json path. */
  readonly extraPackages?: Readonly<Record<string, string>>;
  /** A loaded solver (tests); by default HiGHS is loaded, which is part of the check. */
  readonly solver?: Solver;
}

export interface DoctorReport {
  /** False when any check failed (the CLI exits 1). */
  readonly ok: boolean;
  readonly checks: readonly DoctorCheck[];
}

function packageCheck(name: string, packageJson: string | undefined): DoctorCheck {
  try {
    const file = packageJson ?? require.resolve(`${name}/package.json`);
    const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string'
      ? { name: `package:${name}`, status: 'pass', detail: version }
      : { name: `package:${name}`, status: 'fail', detail: `${file} has no version: the installation is damaged; reinstall` };
  } catch (error) {
    return { name: `package:${name}`, status: 'fail', detail: `not found (${(error as Error).message.split('\n')[0]}): reinstall euroflex` };
  }
}

async function solverHealth(solver: Solver | undefined): Promise<DoctorCheck> {
  try {
    return solverCheck(solver ?? (await createSolver({ workload: 'short' })));
  } catch (error) {
    return { name: 'solver', status: 'fail', detail: `HiGHS did not load: ${(error as Error).message}; reinstall the highs package` };
  }
}

/** The artifact root is created when missing (and doctor says so), then written to and cleaned. */
function artifactRootCheck(root: string, source: string): DoctorCheck {
  const name = 'artifact_root';
  try {
    if (existsSync(root) && !statSync(root).isDirectory()) {
      return { name, status: 'fail', detail: `${root} (${source}) is a file, not a folder: remove it or choose another artifacts.root_dir` };
    }
    const created = !existsSync(root);
    makeDirectory(root);
    const probe = join(root, `.euroflex-doctor-${process.pid}`);
    writeFileSync(probe, 'probe\n');
    rmSync(probe);
    return { name, status: 'pass', detail: `${root} (${source}) is writable${created ? '; it did not exist and was created' : ''}` };
  } catch (error) {
    const hint = fileErrorHint(error);
    return { name, status: 'fail', detail: `${root} (${source}) is not writable: ${hint === undefined ? '' : `${hint} `}(${(error as Error).message})` };
  }
}

function loadedConfig(path: string): { config?: EuroflexConfig; check: DoctorCheck } {
  try {
    const loaded = loadConfig(path);
    return { config: loaded.config, check: { name: 'config', status: 'pass', detail: `${loaded.file}: valid (${loaded.config.market.id}, ${loaded.config.workflow})` } };
  } catch (error) {
    if (error instanceof UserError) {
      const issues = error.issues.length > 0 ? `: ${formatIssues(error.issues).split('\n').join('; ')}` : '';
      return { check: { name: 'config', status: 'fail', detail: `${error.message}${issues}` } };
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') {
      return { check: { name: 'config', status: 'fail', detail: `${path}: ${(error as Error).message}` } };
    }
    throw error;
  }
}

/**
 * Check the installation: Node version, each @euroflex package's version, that HiGHS
 * loads and solves a tiny LP correctly, that the artifact root is writable (the config's
 * `artifacts.root_dir`, else `./artifacts`; created when missing) and which live-data
 * credentials of the config are set (warnings only). With an invalid config, its
 * artifact root and credentials are not checked.
 */
export async function runDoctor(options: DoctorOptions = {}): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [nodeCheck(options.nodeVersion ?? process.version)];
  for (const name of EUROFLEX_PACKAGES) {
    checks.push(packageCheck(name, undefined));
  }
  for (const [name, file] of Object.entries(options.extraPackages ?? {})) {
    checks.push(packageCheck(name, file));
  }
  checks.push(await solverHealth(options.solver));
  const env = options.env ?? process.env;
  if (options.configPath === undefined) {
    checks.push(artifactRootCheck(resolve(options.cwd ?? process.cwd(), 'artifacts'), 'default ./artifacts, no --config'));
    checks.push(...credentialChecks(undefined, env));
  } else {
    const { config, check } = loadedConfig(options.configPath);
    checks.push(check);
    if (config !== undefined) {
      checks.push(artifactRootCheck(config.artifacts.root_dir, 'artifacts.root_dir of the config'));
      checks.push(...credentialChecks(config.market.live_data_auth_env_var_names ?? [], env));
    }
  }
  return { ok: checks.every((check) => check.status !== 'fail'), checks };
}
